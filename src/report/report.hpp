#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/source_text.hpp"
#include "input/document.hpp"

namespace galley {

/// What became of one input.
enum class DocumentStatus { checked, skipped, failed };

/// "checked", "skipped" or "failed".
std::string_view to_string(DocumentStatus status);

/// A block as the report keeps it: its kind and source span.
struct BlockRecord {
  BlockKind kind = BlockKind::paragraph;  ///< What the reader took it for.
  Span span;                              ///< Bytes of the original file.
};

/// Where a spooled document's full report lies in its run's spool, and its findings' counts,
/// which the summary and the exit code need without reloading it.
struct SpoolSlot {
  std::uint64_t offset = 0;                    ///< First byte in the spool.
  std::uint64_t size = 0;                      ///< Bytes in the spool.
  std::array<std::uint32_t, 3> by_severity{};  ///< Findings by Severity (info, warning, error).
};

/// Everything the report says about one input. Writers need nothing else.
struct DocumentReport {
  std::string path;                         ///< As given on the command line.
  std::string format;                       ///< "text", "markdown", "html".
  std::string language;                     ///< The variety checked, e.g. "en-GB".
  std::size_t word_count = 0;               ///< Word tokens.
  DocumentStatus status = DocumentStatus::checked;  ///< Whether it was checked.
  std::string problem;                      ///< Why it was skipped or failed.
  SourceText source;                        ///< The original bytes.
  std::vector<BlockRecord> blocks;          ///< In source order.
  std::vector<Finding> findings;            ///< Sorted by position.
  /// Set while the document lies in the run's spool (Report::spool): its path, source, blocks
  /// and findings are empty here, read it through Report::visit. Only checked documents spool.
  std::optional<SpoolSlot> spooled;
};

/// Findings of `doc` by Severity (info, warning, error), from its slot when it is spooled.
std::array<std::size_t, 3> severity_counts(const DocumentReport& doc);

class DocumentSpool;

/// Counts for the summary line and element.
struct Summary {
  std::size_t documents = 0;  ///< Inputs checked.
  std::size_t skipped = 0;    ///< Inputs skipped (binary, UTF-16).
  std::size_t failed = 0;     ///< Inputs that could not be read.
  std::size_t errors = 0;     ///< Findings by severity.
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t words = 0;      ///< Words checked.
};

/// One run's results: the model every writer renders.
struct Report {
  std::string tool_version;                ///< galley's version.
  std::vector<DocumentReport> documents;   ///< In input order; some may be spooled stubs.
  std::shared_ptr<DocumentSpool> spool;    ///< Where spooled documents lie; may be null.
  double seconds = 0;                      ///< Wall time of the run.
  bool interrupted = false;                ///< SIGINT/SIGTERM stopped the run: it is incomplete.
  std::optional<std::size_t> baseline_hidden;  ///< Findings a --baseline hid; empty without one.

  /// Totals over all documents.
  [[nodiscard]] Summary summary() const;

  /// Calls `visit(index, doc)` for each document in order, a spooled one reloaded in full: at
  /// most one spooled document is in memory at a time.
  void visit(const std::function<void(std::size_t, const DocumentReport&)>& visit) const;
  /// Lets `edit` change document `index` (reloaded when spooled); `edit` returns whether it
  /// changed anything, and a changed spooled document goes back to the spool.
  void edit(std::size_t index, const std::function<bool(DocumentReport&)>& edit);
};

}  // namespace galley
