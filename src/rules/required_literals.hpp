#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/span.hpp"
#include "rules/literal_matcher.hpp"
#include "rules/rule.hpp"

namespace galley {

/// Where the `required` literals of every rule of a set occur in one text, found in a single
/// pass for all rules. Holds the last text's hits (not thread-safe): one per RuleRunner.
class RequiredLiterals {
 public:
  /// The literals of `rules`, which must outlive it.
  explicit RequiredLiterals(const RuleSet& rules);

  /// Finds every literal in `text` (ASCII letters in any case); forgets the previous text.
  void find(std::string_view text);
  /// True when rule `index` can match in the text: it requires nothing, or a literal occurs.
  [[nodiscard]] bool may_match(std::size_t index) const;
  /// Spans of the text from `lead` bytes before each occurrence of one of rule `index`'s
  /// literals to its end, sorted and merged; valid until the next call.
  const std::vector<Span>& windows(std::size_t index, std::size_t lead);

 private:
  LiteralMatcher matcher_;
  std::vector<std::vector<std::size_t>> rules_of_;  ///< Per literal: the rules requiring it.
  std::vector<bool> always_;                        ///< Per rule: runs on every text.
  std::vector<std::vector<Span>> found_;            ///< Per rule: occurrences in the text.
  std::vector<std::size_t> touched_;                ///< Rules with occurrences in the text.
  std::vector<LiteralHit> hits_;                    ///< Scratch for the matcher.
  std::vector<Span> windows_;                       ///< Scratch for windows().
};

}  // namespace galley
