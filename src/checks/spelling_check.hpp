#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.hpp"

namespace galley {

class Speller;
struct SpellDocument;
struct SpellWord;

/// Checks `spelling.misspelling` (likely typos, with suggestions) and `spelling.unknown-word`
/// (unknown words taken for names or terms); see docs/checks/spelling.misspelling.md.
/// One class for both rules, since they are one decision; each registry row makes an instance
/// that reports one of them.
class SpellingCheck final : public Check {
 public:
  /// Which of the two rules an instance reports.
  enum class Mode { misspelling, unknown_word };

  /// Reports `mode`'s findings, with the user's extra dictionaries.
  SpellingCheck(Mode mode, std::vector<std::string> dictionaries);
  /// The registry's factory for spelling.misspelling.
  static std::unique_ptr<Check> make(const Settings& settings);
  /// The registry's factory for spelling.unknown-word.
  static std::unique_ptr<Check> make_unknown(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;

 private:
  Mode mode_;
  std::vector<std::string> dictionaries_;
};

/// The cost of making `typed` into `word` by optimal-string-alignment edits, each 1, but two
/// neighbours swapped 0.5 and a doubled letter typed once, or a letter typed twice, 0.7: the
/// slips of typing ("hte", "writen", "ommission"). The plain edit distance for words that are not
/// ASCII or are 64 bytes or longer.
double typing_cost(std::string_view typed, std::string_view word);

/// Up to five replacements for the unknown `word`, best first: the frequency list's and the
/// document's words within two edits (and the dictionary's within one when neither has one that
/// close), ranked by presence in the document, frequency and edit cost; Hunspell's own suggest()
/// only when nothing else is found.
std::vector<std::string> rank_suggestions(const SpellDocument& words, const SpellWord& word,
                                          Speller& speller);

}  // namespace galley
