#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <tuple>

#include "report/report.hpp"

namespace galley {

/// What identifies a finding across edits of its document: never its line or offset.
struct BaselineKey {
  std::string rule;    ///< Rule id.
  std::string path;    ///< The document's path, lexically normalised.
  std::string text;    ///< The matched bytes.
  std::string before;  ///< Up to kBaselineContextWords words before the span, in its sentence.
  std::string after;   ///< Up to kBaselineContextWords words after the span, in its sentence.

  /// Field by field (a defaulted <=> trips clang-tidy's modernize-use-nullptr).
  friend bool operator<(const BaselineKey& a, const BaselineKey& b) {
    return std::tie(a.rule, a.path, a.text, a.before, a.after) <
           std::tie(b.rule, b.path, b.text, b.before, b.after);
  }
  friend bool operator==(const BaselineKey&, const BaselineKey&) = default;
};

/// How many words on each side of a span take part in its key.
inline constexpr std::size_t kBaselineContextWords = 3;

/// The key of `finding`, a finding of `doc`.
BaselineKey baseline_key(const DocumentReport& doc, const Finding& finding);

/// The findings of an earlier report, counted by key: a multiset.
class Baseline {
 public:
  /// Counts every finding of `report`.
  explicit Baseline(const Report& report);

  /// Reads a baseline file (an XML report); a LoadError naming `path` when it cannot.
  static Baseline load(const std::string& path);

  /// Removes from `report` each finding the baseline holds, each baseline entry used at most
  /// once, in report order; returns how many were removed.
  std::size_t filter(Report& report) const;

  /// Number of findings in the baseline.
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  std::map<BaselineKey, std::size_t> counts_;
  std::size_t size_ = 0;
};

}  // namespace galley
