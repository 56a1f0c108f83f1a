// The spelling decision, in order: skip what is not a word (spell_document.cpp); accept what the
// dictionaries know; leave near-identical names to spelling.name-variant; then a word that
// recurs capitalised is a name, and a word one or two edits from a word of the document or a
// common English word is a typo. What is left is an unknown word, reported as information.
#include "checks/spelling_check.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "checks/registry.hpp"
#include "checks/spell_document.hpp"
#include "checks/speller.hpp"
#include "checks/word_index.hpp"
#include "core/utf8.hpp"

namespace galley {
namespace {

constexpr std::string_view kMisspellingId = "spelling.misspelling";
constexpr std::string_view kUnknownId = "spelling.unknown-word";
constexpr std::size_t kMaxSuggestions = 5;
// A name-shaped word counts as a typo of a common word only if that word is this common.
constexpr std::uint32_t kCommonForNames = 20;
// A short sentence opener counts as a typo only of words this common ("the", "and", "with").
constexpr std::uint32_t kVeryCommon = 2000;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// Lowercase `word` in the case pattern of `model` (Capitalised or ALL CAPS).
std::string with_case_of(std::string word, std::string_view model) {
  if (model.empty() || !is_upper(model[0])) return word;
  const bool all_caps = model.size() > 1 && is_upper(model[1]) &&
                        model.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((i == 0 || all_caps) && word[i] >= 'a' && word[i] <= 'z')
      word[i] = static_cast<char>(word[i] - 'a' + 'A');
  }
  return word;
}

std::string lower_ascii(std::string word) {
  for (char& c : word) {
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return word;
}

/// How many edits a word may be from a word of the document to count as its typo. A name
/// needs more letters for the same distance: short names are often one letter from a word.
std::size_t typo_distance(const SpellWord& word, bool name) {
  const std::size_t length = utf8::count_code_points(word.lower);
  if (name) return length >= 8 ? 2 : (length >= 5 ? 1 : 0);
  return length <= 2 ? 1 : 2;
}

struct Candidate {
  std::string display;
  bool in_doc = false;
  bool same_first = false;
  std::uint32_t count = 0;
  std::size_t distance = 3;
  std::size_t hunspell_rank = 10;
};

// Weights fitted on misspellings injected into bench/corpus/train.txt (never eval.txt); see
// docs/spelling-evaluation.md. A word of the document that the frequency list hardly knows (a
// name, a term) is put first; common words get no such bonus, since every document has them.
constexpr std::uint32_t kRareInList = 20;

double score_of(const Candidate& c) {
  return (c.in_doc && c.count < kRareInList ? 2.0 : 0.0) + std::log10(1.0 + c.count) -
         2.5 * static_cast<double>(c.distance) -
         0.5 * static_cast<double>(std::min<std::size_t>(c.hunspell_rank, 3)) +
         (c.same_first ? 1.0 : 0.0);
}

void add_candidate(std::map<std::string, Candidate>& candidates, const SpellWord& word,
                   const SpellDocument& words, const std::string& display, Speller& speller) {
  const std::string key = lower_ascii(display);
  if (key == word.lower || candidates.contains(key) || !speller.known(display)) return;
  Candidate c;
  c.display = display;
  c.in_doc = words.lower_words.contains(key);
  c.count = WordIndex::shared().count(key);
  c.distance = edit_distance(word.lower, key, 3);
  c.same_first = !key.empty() && !word.lower.empty() && key[0] == word.lower[0];
  candidates.emplace(key, std::move(c));
}

/// A capitalised word is a typo of a common word only when it is long, one edit away and keeps
/// the first letter ("Developmebt" for "development", not "Carty" for "party"); a sentence
/// opener may also be short if the word is among the commonest ("Teh" for "the").
bool common_near_name(const SpellWord& word, const NearWord& near, bool mid_sentence) {
  if (near.distance != 1 || near.word.empty() || near.word[0] != word.lower[0]) return false;
  const std::size_t length = utf8::count_code_points(word.lower);
  if (!mid_sentence && length <= 4) return near.count >= kVeryCommon;
  return near.count >= kCommonForNames && length >= (mid_sentence ? 7U : 5U);
}

}  // namespace

std::vector<std::string> rank_suggestions(const SpellDocument& words, const SpellWord& word,
                                          Speller& speller) {
  std::map<std::string, Candidate> candidates;
  const std::vector<std::string>& hunspell = speller.suggest(word.text);
  for (std::size_t rank = 0; rank < hunspell.size(); ++rank) {
    add_candidate(candidates, word, words, hunspell[rank], speller);
    if (auto it = candidates.find(lower_ascii(hunspell[rank])); it != candidates.end()) {
      it->second.hunspell_rank = std::min(it->second.hunspell_rank, rank);
    }
  }
  for (const NearWord& near : WordIndex::shared().near(word.lower, 2)) {
    add_candidate(candidates, word, words, with_case_of(std::string(near.word), word.text),
                  speller);
  }
  for (const std::string& other : words.lower_words) {
    if (edit_distance(word.lower, other, 2) <= 2)
      add_candidate(candidates, word, words, with_case_of(other, word.text), speller);
  }
  std::vector<Candidate> ranked;
  for (auto& [key, c] : candidates) ranked.push_back(std::move(c));
  std::stable_sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
    return score_of(a) > score_of(b);
  });
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

bool SpellingCheck::likely_typo(const SpellDocument& words, const SpellWord& word,
                                Speller& speller) {
  const auto count = words.surface_counts.find(word.text);
  if (word.capitalised && count != words.surface_counts.end() && count->second >= 2) return false;
  // A capitalised word that only opens a sentence (or a line) may be a name or a word: it is
  // judged as a name, except that a very common short word ("Teh" for "The") counts too.
  const bool name = word.capitalised || word.inner_capital;
  const std::size_t limit = typo_distance(word, name);
  for (const std::string& other : words.lower_words) {
    if (limit == 0) break;
    if (other != word.lower && edit_distance(word.lower, other, limit) <= limit &&
        speller.known(other))
      return true;
  }
  for (const NearWord& near : WordIndex::shared().near(word.lower, name ? 1 : limit)) {
    if (name && !common_near_name(word, near, name_like(words, word))) continue;
    if (speller.known(near.word)) return true;
  }
  return false;
}

void SpellingCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  Speller& speller = Speller::for_thread(doc.language, dictionaries_);
  const SpellDocument words = collect_spell_words(doc);
  const CheckInfo& info = *find_check(mode_ == Mode::misspelling ? kMisspellingId : kUnknownId);
  std::set<std::string, std::less<>> reported;
  for (const SpellWord& word : words.words) {
    if (spelled_ok(word, speller)) continue;
    const Span span = doc.doc.blocks[word.block].to_source(word.span);
    if (const std::string fix = speller.rejected(word.text); !fix.empty()) {
      if (mode_ == Mode::misspelling) {
        out.push_back(make_finding(info, span,
                                   "'" + word.text +
                                       "' is a word, but here most likely a typo for '" +
                                       with_case_of(fix, word.text) + "'",
                                   {with_case_of(fix, word.text)}));
      }
      continue;
    }
    if (!name_variant_of(words, word, speller).empty()) continue;  // spelling.name-variant's.
    const bool typo = likely_typo(words, word, speller);
    if (typo && mode_ == Mode::misspelling) {
      std::vector<std::string> suggestions = rank_suggestions(words, word, speller);
      std::string message = "Unknown word '" + word.text + "'";
      if (!suggestions.empty()) message += ": probably a typo for '" + suggestions.front() + "'";
      out.push_back(make_finding(info, span, std::move(message), std::move(suggestions)));
    } else if (!typo && mode_ == Mode::unknown_word && reported.insert(word.text).second) {
      const bool name = name_like(words, word);
      out.push_back(make_finding(info, span,
                                 "Unknown word '" + word.text + "', taken for " +
                                     (name ? "a name" : "a term") +
                                     "; add it to a dictionary (--dictionary) if it is right"));
    }
  }
}

}  // namespace galley
