#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "checks/check.hpp"

namespace galley {

struct DuplicatePairs;

/// The within-document duplicate search of one document, for all three rules: made by the first
/// DuplicateCheck to run on it and kept on AnalyzedDocument::duplicates for the other two.
struct DuplicateAnalysis {
  /// The copies found, before the spelling findings tell which of each pair goes: set by
  /// prepare(), and let go once the findings are made.
  std::shared_ptr<const DuplicatePairs> pairs;
  bool reported = false;          ///< True once `findings` are made.
  std::vector<Span> spelling;     ///< Spans of the spelling findings they were made with, sorted.
  std::vector<Finding> findings;  ///< Findings of all three rules, in the order found.
};

/// Checks `duplicate.caption`, `duplicate.paragraph` and `duplicate.sentence`: exact and near
/// copies of captions, paragraphs and long sentences inside one document; see
/// docs/checks/duplicate.md. Each registry row makes an instance that reports its own rule; the
/// search runs once per document, shared through AnalyzedDocument::duplicates.
class DuplicateCheck final : public Check {
 public:
  /// A check that reports only findings of rule `rule`.
  explicit DuplicateCheck(std::string_view rule);
  /// The registry's factory for `duplicate.caption`.
  static std::unique_ptr<Check> make_caption(const Settings& settings);
  /// The registry's factory for `duplicate.paragraph`.
  static std::unique_ptr<Check> make_paragraph(const Settings& settings);
  /// The registry's factory for `duplicate.sentence`.
  static std::unique_ptr<Check> make_sentence(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;
  /// Finds the copies, all but choosing which of each pair goes (that needs the spelling).
  void prepare(const AnalyzedDocument& doc) override;
  /// True: the spelling findings already in `out` tell which copy of a pair goes.
  [[nodiscard]] bool reads_findings() const override { return true; }

 private:
  std::string_view rule_;
  Segmenter segmenter_;  ///< Sentences of blocks read with their line breaks as spaces.
};

}  // namespace galley
