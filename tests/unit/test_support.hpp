#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/check.hpp"
#include "input/reader.hpp"

namespace galley::test {

/// Reads `bytes` as a document of `format` named "test".
Document read(std::string bytes, InputFormat format);

/// The source bytes a block's text span maps to.
std::string_view source_of(const Document& doc, const Block& block, Span text_span);

/// The texts of all blocks, for compact assertions.
std::vector<std::string> block_texts(const Document& doc);

/// What each finding says, for comparing two runs: "rule begin-end message | suggestion...".
std::vector<std::string> described(const std::vector<Finding>& findings);

/// `doc` segmented into sentences and tokens, as the pipeline gives it to checks (en-US).
AnalyzedDocument analyze(const Document& doc);

/// The findings every enabled check raises on `doc` (severity overrides applied, sorted).
std::vector<Finding> check_document(Document doc);

/// What a run of the galley binary did.
struct RunResult {
  int exit_code = -1;  ///< The process's exit status.
  std::string out;     ///< Standard output.
  std::string err;     ///< Standard error.
};

/// Runs the galley binary with `args` (a shell-quoted string) in the source tree.
RunResult run_galley(const std::string& args);

/// Runs galley as run_galley() does, with `prefix` (such as "env VAR=value") before it.
RunResult run_galley_with(const std::string& prefix, const std::string& args);

/// A fresh empty directory under the system's temporary directory.
std::string temp_dir();

/// Writes `bytes` to `path`.
void write_file(const std::string& path, std::string_view bytes);

/// Reads a whole file; empty when missing.
std::string read_file_text(const std::string& path);

/// A scratch directory removed when the test ends.
struct Scratch {
  std::string dir = temp_dir();  ///< The directory's path.
  Scratch() = default;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch();
  /// Writes `bytes` to the file `name` in the directory and returns its path.
  std::string file(const std::string& name, std::string_view bytes) const;
};

}  // namespace galley::test
