#pragma once

#include <future>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/check.hpp"
#include "checks/spell_document.hpp"

namespace galley {

class Speller;

/// What the spelling checks decided about one form of a word the dictionaries reject (its text
/// and the position facts that change the decision: sentence start, compound, a following stop).
struct SpellVerdict {
  std::string rejected_fix;  ///< reject.txt's replacement when it is a known typo.
  bool rejected_is_word =
      false;                 ///< Both varieties' dictionaries take it, reject.txt aside ("pubic").
  std::string variant;       ///< A more frequent unknown name it is a near-identical variant of.
  bool typo = false;         ///< Unknown, not rejected, not a variant, and most likely mistyped.
  /// Taken for a typo, but the other variety's dictionary has it ("acquirements", "bootable"
  /// in en-US): an unknown word, not a misspelling.
  bool other_variety = false;
};

/// The words of a document and the verdict on each, computed once per document and shared by
/// spelling.misspelling, spelling.unknown-word and spelling.name-variant.
struct SpellAnalysis {
  std::vector<std::string> dictionaries;      ///< The user dictionaries it was made with.
  std::string other_language;                 ///< The variety not checked in ("en-GB" for en-US).
  SpellDocument words;                        ///< The candidates and the document's word counts.
  std::vector<const SpellVerdict*> verdicts;  ///< One per words.words entry.
  std::unordered_map<std::string, SpellVerdict> by_form;  ///< Owns the verdicts, one per form.
};

/// The spelling analysis of `doc` with `speller` and `dictionaries`, made on first use and kept
/// on `doc` for the other spelling checks.
const SpellAnalysis& spell_analysis(const AnalyzedDocument& doc, Speller& speller,
                                    const std::vector<std::string>& dictionaries);

/// Starts loading, on other threads, what the spelling checks need before their first word:
/// the speller for the run's variety, when the settings name one, and the frequency list's
/// index. A small run spends most of its time there; the loads overlap each other and the rule
/// packs' compilation. Where the variety is decided per document ("auto"), the first document's
/// speller is loaded once it is decided (CheckSet::begin), a few milliseconds in and still
/// ahead of the rule packs' compilation: a guess would load en-US for a British release too,
/// a third load on two cores. The caller waits on the futures before it returns.
std::vector<std::shared_future<void>> load_spelling_ahead(const Settings& settings);

/// True when the unknown `word` is most likely a typo rather than a name or a term: one or two
/// edits from a known word of the document or a common English word.
bool likely_typo(const SpellDocument& words, const SpellWord& word, Speller& speller);

}  // namespace galley
