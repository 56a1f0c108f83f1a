// The spelling decision, in order: skip what is not a word (spell_document.cpp); accept what the
// dictionaries know; leave near-identical names to spelling.name-variant; then a word that
// recurs capitalised is a name, and a word one or two edits from a word of the document or a
// common English word is a typo. What is left is an unknown word, reported as information.
#include "checks/spelling_check.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "checks/registry.hpp"
#include "checks/spell_analysis.hpp"
#include "checks/speller.hpp"
#include "checks/word_index.hpp"
#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace galley {
namespace {

constexpr std::string_view kMisspellingId = "spelling.misspelling";
constexpr std::string_view kUnknownId = "spelling.unknown-word";
constexpr std::size_t kMaxSuggestions = 5;

struct Candidate {
  std::string display;
  bool in_doc = false;
  bool same_first = false;
  std::uint32_t count = 0;
  std::size_t distance = 3;
  double cost = 3.0;  ///< typing_cost: the edits weighed as typists make them.
  std::size_t hunspell_rank = 10;
  double score = 0.0;  ///< score_of, worked out once all else is known (a log10 each).
};

// Weights fitted on misspellings injected into bench/corpus/train.txt (never eval.txt); see
// docs/spelling-evaluation.md. A word of the document that the frequency list hardly knows (a
// name, a term) is put first; common words get no such bonus, since every document has them.
constexpr std::uint32_t kRareInList = 20;

// The slips of typing: two neighbours swapped ("hte"), a doubled letter typed once ("writen")
// or a letter typed twice ("ommission") are likelier than any other edit, so they cost less.
// Fitted on train.txt's injected misspellings (swap 1, 0.7, 0.5, 0.3 x double the same): top-1
// 90.7% -> 93.7% and 89.7% -> 95.1% on its seeds 1 and 2 (docs/spelling-evaluation.md).
constexpr double kSwapCost = 0.5;
constexpr double kDoubleCost = 0.7;

}  // namespace

double typing_cost(std::string_view typed, std::string_view word) {
  constexpr std::size_t kRow = 64;
  const auto ascii = [](std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80U; });
  };
  if (typed.size() >= kRow || word.size() >= kRow || !ascii(typed) || !ascii(word))
    return static_cast<double>(edit_distance(typed, word, typed.size() + word.size()));
  // Row i is for typed's first i letters; column j for word's first j. Dropping word[j - 1] is
  // a doubled letter typed once when typed[i - 1] is its twin (word[j - 2]); typing typed[i - 1]
  // over is one when it is typed[i - 2] again and word[j - 1] is that letter.
  // Three rows turned by pointer: swapping the arrays copied them, half of this function.
  std::array<std::array<double, kRow>, 3> rows{};
  double* before = rows[0].data();
  double* previous = rows[1].data();
  double* current = rows[2].data();
  for (std::size_t j = 1; j <= word.size(); ++j) previous[j] = static_cast<double>(j);
  for (std::size_t i = 1; i <= typed.size(); ++i) {
    const char letter = typed[i - 1];
    const bool typed_twice = i > 1 && typed[i - 2] == letter;
    current[0] = static_cast<double>(i);
    for (std::size_t j = 1; j <= word.size(); ++j) {
      const double extra = typed_twice && word[j - 1] == letter ? kDoubleCost : 1.0;
      const double dropped =
          j > 1 && word[j - 2] == word[j - 1] && letter == word[j - 1] ? kDoubleCost : 1.0;
      double cost = std::min({previous[j] + extra, current[j - 1] + dropped,
                              previous[j - 1] + (letter == word[j - 1] ? 0.0 : 1.0)});
      if (i > 1 && j > 1 && letter == word[j - 2] && typed[i - 2] == word[j - 1])
        cost = std::min(cost, before[j - 2] + kSwapCost);
      current[j] = cost;
    }
    double* const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return previous[word.size()];
}

namespace {

double score_of(const Candidate& c) {
  return (c.in_doc && c.count < kRareInList ? 2.0 : 0.0) + std::log10(1.0 + c.count) -
         2.5 * c.cost - 0.5 * static_cast<double>(std::min<std::size_t>(c.hunspell_rank, 3)) +
         (c.same_first ? 1.0 : 0.0);
}

void add_candidate(std::map<std::string, Candidate>& candidates, const SpellWord& word,
                   const SpellDocument& words, const std::string& display, Speller& speller) {
  const std::string key = ascii_lower(display);
  if (key == word.lower || candidates.contains(key) || !speller.known(display)) return;
  Candidate c;
  c.display = display;
  c.in_doc = words.has_lower(key);
  c.count = WordIndex::shared().count(key);
  c.distance = edit_distance(word.lower, key, 3);
  // The plain distance stops at 4 (a Hunspell suggestion may be further): no more here.
  c.cost = std::min(static_cast<double>(c.distance), typing_cost(word.lower, key));
  c.same_first = !key.empty() && !word.lower.empty() && key[0] == word.lower[0];
  candidates.emplace(key, std::move(c));
}

Finding rejected_finding(const CheckInfo& info, Span span, const SpellWord& word,
                         const SpellVerdict& verdict) {
  const std::string display = with_case_of(verdict.rejected_fix, word.text);
  return make_finding(
      info, span,
      verdict.rejected_is_word
          ? "'" + word.text + "' is a word, but here most likely a typo for '" + display + "'"
          : "Unknown word '" + word.text + "': a common misspelling of '" + display + "'",
      {display});
}

Finding typo_finding(const CheckInfo& info, Span span, const SpellWord& word,
                     std::vector<std::string> suggestions) {
  std::string message = "Unknown word '" + word.text + "'";
  if (!suggestions.empty()) message += ": probably a typo for '" + suggestions.front() + "'";
  return make_finding(info, span, std::move(message), std::move(suggestions));
}

/// The known word that capitalised `word` is with two neighbouring letters swapped back
/// ("Britian" for "Britain", "Microsfot"), or empty. Such a word is as often another name
/// ("Birgit", "Brigit") as a typo, so it is offered, not reported as one. Neither the first
/// byte nor the last is swapped (letters of one byte only), and a word of four bytes or fewer is
/// left alone: on Debian's prose those gave names of other languages ("Alexandre", "Sayre") and
/// noise ("Corp", "Crop").
std::string swapped_known(const SpellWord& word, Speller& speller) {
  const std::string& text = word.text;
  if (!word.capitalised || text.size() < 5) return {};
  for (std::size_t i = 1; i + 2 < text.size(); ++i) {
    const auto a = static_cast<unsigned char>(text[i]);
    const auto b = static_cast<unsigned char>(text[i + 1]);
    if (a >= 0x80U || b >= 0x80U || a == b) continue;  // Letters of one byte only.
    std::string swapped = text;
    std::swap(swapped[i], swapped[i + 1]);
    if (speller.known(swapped)) return swapped;
  }
  return {};
}

Finding unknown_finding(const CheckInfo& info, Span span, const SpellWord& word, bool name,
                        Speller& speller) {
  std::string message =
      "Unknown word '" + word.text + "', taken for " + (name ? "a name" : "a term");
  std::vector<std::string> suggestions;
  if (std::string swapped = swapped_known(word, speller); !swapped.empty()) {
    message += " or a typo for '" + swapped + "'";
    suggestions.push_back(std::move(swapped));
  }
  message += "; add it to a dictionary (--dictionary) if it is right";
  return make_finding(info, span, std::move(message), std::move(suggestions));
}

/// An unknown word that the other variety's dictionary has ("bootable" in en-US): information,
/// since Debian's en_GB dictionary is much the larger, and has words en-US uses too.
Finding other_variety_finding(const CheckInfo& info, Span span, const SpellWord& word,
                              const std::string& language, const std::string& other) {
  return make_finding(info, span,
                      "Unknown word '" + word.text + "' in " + language + ", but " + other +
                          "'s dictionary has it; add it to a dictionary (--dictionary) if it is "
                          "right");
}

/// Every string one edit from ASCII lowercase `word` (a letter deleted, replaced or inserted, or
/// two neighbours swapped): Hunspell's first strategy, at microseconds a lookup instead of the
/// milliseconds its whole suggest() takes.
std::vector<std::string> one_edit_strings(const std::string& word) {
  std::vector<std::string> out;
  if (std::any_of(word.begin(), word.end(), [](char c) { return c < 'a' || c > 'z'; })) return out;
  for (std::size_t i = 0; i < word.size(); ++i) {
    out.push_back(word.substr(0, i) + word.substr(i + 1));
    if (i + 1 < word.size()) {
      std::string swapped = word;
      std::swap(swapped[i], swapped[i + 1]);
      out.push_back(std::move(swapped));
    }
    for (char c = 'a'; c <= 'z'; ++c) {
      if (c == word[i]) continue;
      std::string replaced = word;
      replaced[i] = c;
      out.push_back(std::move(replaced));
    }
  }
  for (std::size_t i = 0; i <= word.size(); ++i) {
    for (const char c : std::string_view("abcdefghijklmnopqrstuvwxyz'")) {
      out.push_back(word.substr(0, i) + c + word.substr(i));
    }
  }
  return out;
}

/// Hunspell's own suggestions, the last resort: they cost milliseconds a word.
void add_hunspell_candidates(std::map<std::string, Candidate>& candidates, const SpellWord& word,
                             const SpellDocument& words, Speller& speller) {
  const std::vector<std::string>& hunspell = speller.suggest(word.text);
  for (std::size_t rank = 0; rank < hunspell.size(); ++rank) {
    add_candidate(candidates, word, words, hunspell[rank], speller);
    if (auto it = candidates.find(ascii_lower(hunspell[rank])); it != candidates.end()) {
      it->second.hunspell_rank = std::min(it->second.hunspell_rank, rank);
    }
  }
}

}  // namespace

std::vector<std::string> rank_suggestions(const SpellDocument& words, const SpellWord& word,
                                          Speller& speller) {
  std::map<std::string, Candidate> candidates;
  for (const NearWord& near : WordIndex::shared().near(word.lower, 2)) {
    add_candidate(candidates, word, words, with_case_of(std::string(near.word), word.text),
                  speller);
  }
  for (const std::uint32_t id : near_document_words(words, word.lower, 2)) {
    add_candidate(candidates, word, words, with_case_of(words.lower_list[id], word.text), speller);
  }
  const bool one_edit_found =
      std::any_of(candidates.begin(), candidates.end(),
                  [](const auto& entry) { return entry.second.distance <= 1; });
  if (!one_edit_found) {
    for (const std::string& edit : one_edit_strings(word.lower)) {
      if (!speller.may_know(edit)) continue;  // Not worth Hunspell's time (Speller::may_know).
      add_candidate(candidates, word, words, with_case_of(edit, word.text), speller);
    }
  }
  if (candidates.empty()) add_hunspell_candidates(candidates, word, words, speller);
  std::vector<Candidate> ranked;
  for (auto& [key, c] : candidates) {
    c.score = score_of(c);
    ranked.push_back(std::move(c));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < kMaxSuggestions; ++i)
    out.push_back(ranked[i].display);
  return out;
}

SpellingCheck::SpellingCheck(Mode mode, std::vector<std::string> dictionaries)
    : mode_(mode), dictionaries_(std::move(dictionaries)) {
  Speller::check_user_dictionaries(dictionaries_);
}

std::unique_ptr<Check> SpellingCheck::make(const Settings& settings) {
  return std::make_unique<SpellingCheck>(Mode::misspelling, settings.dictionaries);
}

std::unique_ptr<Check> SpellingCheck::make_unknown(const Settings& settings) {
  return std::make_unique<SpellingCheck>(Mode::unknown_word, settings.dictionaries);
}

void SpellingCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  Speller& speller = Speller::for_thread(doc.language, dictionaries_);
  const SpellAnalysis& analysis = spell_analysis(doc, speller, dictionaries_);
  const CheckInfo& info = *find_check(mode_ == Mode::misspelling ? kMisspellingId : kUnknownId);
  std::unordered_set<std::string> reported;
  // Ranking looks words up by the hundred: once per distinct word of the document.
  std::unordered_map<std::string, std::vector<std::string>> suggestions;
  const auto suggestions_for = [&](const SpellWord& word) -> const std::vector<std::string>& {
    auto [it, added] = suggestions.try_emplace(word.text);
    if (added) it->second = rank_suggestions(analysis.words, word, speller);
    return it->second;
  };
  for (std::size_t i = 0; i < analysis.words.words.size(); ++i) {
    const SpellWord& word = analysis.words.words[i];
    const SpellVerdict& verdict = *analysis.verdicts[i];
    const Span span = doc.doc.blocks[word.block].to_source(word.span);
    if (mode_ == Mode::misspelling && !verdict.rejected_fix.empty()) {
      out.push_back(rejected_finding(info, span, word, verdict));
    } else if (mode_ == Mode::misspelling && verdict.typo) {
      out.push_back(typo_finding(info, span, word, suggestions_for(word)));
    } else if (mode_ == Mode::unknown_word && verdict.rejected_fix.empty() &&
               verdict.variant.empty() && !verdict.typo && reported.insert(word.text).second) {
      out.push_back(
          verdict.other_variety
              ? other_variety_finding(info, span, word, doc.language, analysis.other_language)
              : unknown_finding(info, span, word, name_like(analysis.words, word), speller));
    }
  }
}

}  // namespace galley
