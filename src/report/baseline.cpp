// Baselines: adopt galley on an archive that already has findings, and report only new ones.
// A finding is matched by what it is and where it sits in its sentence, never by line or
// offset, so inserting or deleting text elsewhere in the document keeps old findings matched.
#include "report/baseline.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <vector>

#include "core/load_error.hpp"
#include "report/xml_reader.hpp"

namespace galley {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// The words of `text` (split at ASCII white space), in order.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    const std::size_t begin = pos;
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    if (pos > begin) words.push_back(text.substr(begin, pos - begin));
  }
  return words;
}

/// Words [first, last) of `words`, joined by single spaces: line breaks and reflowing don't
/// change a key.
std::string join(const std::vector<std::string_view>& words, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (!out.empty()) out += ' ';
    out.append(words[i]);
  }
  return out;
}

std::string normalised(std::string_view text) {
  const std::vector<std::string_view> words = words_of(text);
  return join(words, 0, words.size());
}

/// The stretch the context words come from: the finding's sentence, else its block. Never the
/// whole document, so text inserted in another sentence leaves the key alone.
Span bound_of(const DocumentReport& doc, const Finding& finding) {
  if (!finding.context.empty() && finding.context.contains(finding.span)) return finding.context;
  for (const BlockRecord& block : doc.blocks) {
    if (block.span.contains(finding.span)) return block.span;
  }
  return finding.span;
}

std::string normalised_path(const std::string& path) {
  if (path == "-") return path;
  std::string out = std::filesystem::path(path).lexically_normal().generic_string();
  while (out.starts_with("./")) out.erase(0, 2);
  return out;
}

}  // namespace

BaselineKey baseline_key(const DocumentReport& doc, const Finding& finding) {
  const Span bound = bound_of(doc, finding);
  const std::vector<std::string_view> before =
      words_of(doc.source.slice({bound.begin, finding.span.begin}));
  const std::vector<std::string_view> after =
      words_of(doc.source.slice({finding.span.end, bound.end}));
  const std::size_t first =
      before.size() > kBaselineContextWords ? before.size() - kBaselineContextWords : 0;
  const std::size_t last = std::min(after.size(), kBaselineContextWords);
  return {finding.rule, normalised_path(doc.path), normalised(doc.source.slice(finding.span)),
          join(before, first, before.size()), join(after, 0, last)};
}

Baseline::Baseline(const Report& report) {
  report.visit([&](std::size_t /*index*/, const DocumentReport& doc) {
    for (const Finding& finding : doc.findings) {
      ++counts_[baseline_key(doc, finding)];
      ++size_;
    }
  });
}

Baseline Baseline::load(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw LoadError(path, "cannot read this baseline (write one with `galley baseline`)");
  }
  return Baseline(read_xml_report(path));  // A broken report names its line and column.
}

std::size_t Baseline::filter(Report& report) const {
  std::map<BaselineKey, std::size_t> left = counts_;
  std::size_t hidden = 0;
  for (std::size_t i = 0; i < report.documents.size(); ++i) {
    report.edit(i, [&](DocumentReport& doc) {
      return std::erase_if(doc.findings, [&](const Finding& finding) {
               const auto found = left.find(baseline_key(doc, finding));
               if (found == left.end() || found->second == 0) return false;
               --found->second;
               ++hidden;
               return true;
             }) > 0;
    });
  }
  return hidden;
}

}  // namespace galley
