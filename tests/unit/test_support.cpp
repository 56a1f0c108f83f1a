#include "test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "pipeline.hpp"
#include "segment/segmenter.hpp"

namespace galley::test {

AnalyzedDocument analyze(const Document& doc) {
  AnalyzedDocument analyzed{doc, {}, {}, "en-US", 0, nullptr, nullptr, nullptr};
  Segmenter segmenter;
  for (const Block& block : doc.blocks) {
    analyzed.segments.push_back({segmenter.sentences(block.text), segmenter.tokens(block.text)});
  }
  number_forms(analyzed);
  return analyzed;
}

Document read(std::string bytes, InputFormat format) {
  return read_document(SourceText("test", std::move(bytes)), format);
}

std::string_view source_of(const Document& doc, const Block& block, Span text_span) {
  return doc.source.slice(block.to_source(text_span));
}

std::vector<std::string> block_texts(const Document& doc) {
  std::vector<std::string> texts;
  for (const Block& block : doc.blocks) texts.emplace_back(block.text);
  return texts;
}

std::vector<std::string> described(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    std::string line = f.rule + " " + std::to_string(f.span.begin) + "-" +
                       std::to_string(f.span.end) + " " + f.message;
    for (const std::string& s : f.suggestions) line += " | " + s;
    out.push_back(line);
  }
  return out;
}

std::vector<Finding> check_document(Document doc) {
  static const Settings settings;
  CheckSet checks(settings);
  return checks.check(std::move(doc), "test").findings;
}

std::string read_file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "galley-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return {};
  return pattern;
}

Scratch::~Scratch() { std::filesystem::remove_all(dir); }

std::string Scratch::file(const std::string& name, std::string_view bytes) const {
  const std::string path = dir + "/" + name;
  write_file(path, bytes);
  return path;
}

RunResult run_galley(const std::string& args) { return run_galley_with("", args); }

RunResult run_galley_with(const std::string& prefix, const std::string& args) {
  const std::string dir = temp_dir();
  const std::string out_path = dir + "/out";
  const std::string err_path = dir + "/err";
  const std::string command = std::string("cd '") + GALLEY_SOURCE_DIR + "' && " + prefix + " '" +
                              GALLEY_BINARY + "' " + args + " >'" + out_path + "' 2>'" +
                              err_path + "'";
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file_text(out_path);
  result.err = read_file_text(err_path);
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace galley::test
