#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"
#include "rules/literal_matcher.hpp"
#include "rules/rule.hpp"
#include "rules/rule_regex.hpp"

namespace galley {

/// Where the `required` literals of every rule of a set occur in one text, and the words of
/// every list entry, found in a single pass for all rules. A list rule can only match where all
/// words of one of its entries occur, which narrows where ICU looks. Holds the last text's hits
/// (not thread-safe): one per RuleRunner.
class RequiredLiterals {
 public:
  /// The literals of the rules of `rules` with `scope` (the set must outlive it); it answers
  /// only for those rules.
  RequiredLiterals(const RuleSet& rules, RuleScope scope);

  /// Finds every literal in `text` (ASCII letters in any case); forgets the previous text.
  void find(std::string_view text);
  /// False when rule `index` cannot match in the text: none of its required literals occurs,
  /// or (a list) no entry has all its words in it.
  [[nodiscard]] bool may_match(std::size_t index) const;
  /// Where a list rule `index` can match: from `lead` bytes before each occurrence of one of its
  /// literals to its end (merged), each with a limit `lead` bytes further; narrowed to the starts
  /// that leave room for all the words of one entry. Valid until the next call.
  const std::vector<ScanWindow>& windows(std::size_t index, std::size_t lead);
  /// Where rule `index`'s literals occur in the text, by their first byte.
  const std::vector<Span>& occurrences(std::size_t index);
  /// True when the text has a character ICU may fold to ASCII letters (ſ, K, ß, ﬁ...), which a
  /// byte search for literals cannot see.
  [[nodiscard]] bool folds_to_ascii() const { return folds_; }

 private:
  struct Literal {
    std::vector<std::size_t> rules;  ///< The rules requiring it.
    bool word = false;               ///< True when it is a word of some list entry.
    bool whole_word = false;         ///< A word that counts only with no ASCII letter or digit
                                     ///< on either side.
    bool folds_to_ascii = false;     ///< A character ICU may match to ASCII letters (ſ, K, ß).
  };

  LiteralMatcher matcher_;
  std::vector<Literal> literals_;
  /// Per rule: per entry, the literals of its words; empty when the rule cannot be narrowed.
  std::vector<std::vector<std::vector<std::size_t>>> entries_;
  std::vector<bool> always_;                  ///< Per rule: runs on every text.
  std::vector<std::vector<Span>> found_;      ///< Per rule: occurrences of its literals.
  std::vector<std::size_t> touched_;          ///< Rules with occurrences in the text.
  std::vector<std::vector<std::size_t>> at_;  ///< Per word literal: where it starts, ascending.
  std::vector<std::size_t> words_touched_;    ///< Word literals with occurrences in the text.
  bool folds_ = false;                        ///< The text has a character of `folds_to_ascii`.
  std::size_t text_size_ = 0;                 ///< Bytes of the text.
  std::vector<LiteralHit> hits_;              ///< Scratch for the matcher.
  std::vector<Span> merged_;                  ///< Scratch for windows().
  std::vector<ScanWindow> windows_;           ///< Scratch for windows().

  [[nodiscard]] bool narrowed(std::size_t index) const;
  [[nodiscard]] std::size_t last_start(std::size_t literal, std::size_t begin,
                                       std::size_t limit) const;
  [[nodiscard]] std::size_t last_match_start(std::size_t index, std::size_t begin,
                                             std::size_t limit) const;
};

}  // namespace galley
