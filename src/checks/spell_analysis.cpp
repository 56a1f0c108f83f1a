// One decision per distinct word form, shared by the three spelling checks: a long document
// repeats its words thousands of times, and each of them used to be judged three times over.
#include "checks/spell_analysis.hpp"

#include <algorithm>
#include <array>
#include <atomic>

#include "checks/speller.hpp"
#include "checks/word_index.hpp"
#include "core/load_error.hpp"
#include "core/settings.hpp"
#include "core/utf8.hpp"
#include "segment/normalize.hpp"

namespace galley {
namespace {

// A name-shaped word counts as a typo of a common word only if that word is this common.
constexpr std::uint32_t kCommonForNames = 20;
// A capitalised word this long is a typo of any word of the frequency list one edit away (a
// sentence opener from seven letters).
constexpr std::size_t kLongWord = 10;
// A short sentence opener counts as a typo only of words this common ("the", "and", "with").
constexpr std::uint32_t kVeryCommon = 2000;

/// How many edits a word may be from a word of the document to count as its typo. A name
/// needs more letters for the same distance: short names are often one letter from a word.
std::size_t typo_distance(const SpellWord& word, bool name) {
  const std::size_t length = utf8::count_code_points(word.lower);
  if (name) return length >= 8 ? 2 : (length >= 5 ? 1 : 0);
  return length <= 2 ? 1 : 2;
}

/// True when `word` is `near` with a letter after its first doubled ("wellcome", "welcome"; a
/// doubled first letter is a key struck twice: "Rrecommends").
bool doubles_a_letter(std::string_view word, std::string_view near) {
  if (word.size() != near.size() + 1) return false;
  std::size_t i = 0;
  while (i < near.size() && word[i] == near[i]) ++i;
  return i > 1 && word[i] == word[i - 1] && word.substr(i + 1) == near.substr(i);
}

/// A capitalised word is a typo of a common word only when it is long, one edit away and keeps
/// the first letter ("Developmebt" for "development", not "Carty" for "party"); a sentence
/// opener may also be short if the word is among the commonest ("Teh" for "the"). Inside a
/// sentence, a common word with a letter doubled is a name ("Wellcome", "Buffett", "Pappas"): on
/// Debian's prose, nine in ten such words were; opening one it is a slip ("Thhis", "Forr").
bool common_near_name(const SpellWord& word, const NearWord& near, bool mid_sentence) {
  if (near.distance != 1 || near.word.empty() || near.word[0] != word.lower[0]) return false;
  if (mid_sentence && doubles_a_letter(word.lower, near.word)) return false;
  const std::size_t length = utf8::count_code_points(word.lower);
  if (!mid_sentence && length <= 4) return near.count >= kVeryCommon;
  // Ten letters or more, or seven opening a sentence, any word of the list will do: names that
  // long are seldom one edit from an English word ("Comunications", "Messuring the results";
  // on bench/corpus neither added a false error, where nine letters inside a sentence took
  // "Gardiners" for "gardeners", and five opening one "Hazle" for "have").
  if (length >= kLongWord || (!mid_sentence && length >= 7)) return true;
  return near.count >= kCommonForNames && length >= (mid_sentence ? 7U : 5U);
}

/// True when lowercase `word` is an English prefix and a word the speller knows of four letters
/// or more ("reimagined", "underserved", "unobligated"): a coinage of the writer's, which is a
/// typo only when a word is one edit away ("untill", "relase"; "rewet" too, one from "reset"),
/// not two. On Debian's
/// prose (bench/corpus) such words were 178 of the errors on lowercase words, all but a few of
/// them right; codespell's list of misspellings has 235 of this shape, of which 101 are one
/// edit from a word of the frequency list.
bool prefixed_word(std::string_view word, Speller& speller) {
  static constexpr std::array<std::string_view, 19> kPrefixes = {
      "anti", "counter", "inter", "micro", "mid", "mis",   "multi", "non",   "out", "over",
      "post", "pre",     "re",    "semi",  "sub", "super", "un",    "under", "up"};
  for (const std::string_view prefix : kPrefixes) {
    if (word.size() >= prefix.size() + 4 && word.starts_with(prefix) &&
        speller.known(word.substr(prefix.size()))) {
      return true;
    }
  }
  return false;
}

/// True when `word` is a known English word written as another language writes it: with
/// accents ("Président", "Médecins"), or, capitalised, with an "a" or "o" after it ("Directora
/// General", "Ministro"). A name or a title of that language, not a slip of the keys. (Not "e":
/// codespell's list has a hundred typos of that shape, "Develope", "Considere".)
bool another_language(const SpellWord& word, Speller& speller) {
  if (std::any_of(word.text.begin(), word.text.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80U; })) {
    const std::string bare = without_accents(word.text);
    if (bare != word.text && speller.known(bare)) return true;
  }
  const std::string_view text = word.text;
  return word.capitalised && text.size() >= 6 &&
         (text.back() == 'a' || text.back() == 'o') &&
         speller.known(text.substr(0, text.size() - 1));
}

/// The key of a word form: everything SpellVerdict depends on besides the document's counts.
std::string form_key(const SpellWord& word) {
  std::string key = word.text;
  key += '\n';
  key += word.compound;
  key += word.sentence_start ? 'S' : 's';
  key += word.before_dot ? 'D' : 'd';
  key += word.in_name ? 'N' : 'n';
  key += word.in_title ? 'T' : 't';
  return key;
}

SpellVerdict judge(const SpellDocument& words, const SpellWord& word, Speller& speller) {
  SpellVerdict verdict;  // `word` is one the dictionaries reject (collect_spell_words).
  verdict.rejected_fix = speller.rejected(word.text);
  verdict.variant = name_variant_of(words, word, speller);
  verdict.typo =
      verdict.rejected_fix.empty() && verdict.variant.empty() && likely_typo(words, word, speller);
  return verdict;
}

/// The speller of the variety a document is not checked in, loaded at the first question: only
/// a document with a word taken for a typo, or a word of reject.txt, asks; a release's names do
/// not. Where the document's questions are known ahead (prepare), a speller narrowed to them
/// answers, loaded in a few milliseconds, unless the whole one is loaded already.
class OtherVariety {
 public:
  OtherVariety(std::string language, std::vector<std::string> dictionaries)
      : language_(std::move(language)), dictionaries_(std::move(dictionaries)) {}

  /// Readies answers to `questions`, the only words knows() and in_dictionaries() will be
  /// asked about (spelled_ok's forms of each word): a narrowed speller (Speller::narrowed) when
  /// the whole one is not loaded and the process has not narrowed much. A narrowing costs a few
  /// milliseconds and a few microseconds a question (big.txt's 1,623: 13-16 ms), the whole load
  /// 60-70 ms once for the process: past eight narrowings, or 4,096 questions in all, the whole
  /// one costs less.
  void prepare(const std::vector<std::string>& questions) {
    constexpr std::size_t kQuestionBudget = 4096;
    constexpr int kMaxNarrowings = 8;
    static std::atomic<int> narrowings{0};
    static std::atomic<std::size_t> asked{0};
    if (questions.empty() || narrowings >= kMaxNarrowings ||
        asked + questions.size() > kQuestionBudget || Speller::loaded(language_, dictionaries_)) {
      return;
    }
    asked += questions.size();
    ++narrowings;
    try {
      narrowed_ = Speller::narrowed(language_, dictionaries_, questions);
    } catch (const LoadError&) {  // Missing: speller() finds it so, and remembers.
    }
  }

  /// True when the other variety's dictionaries take `word`; false, for every word, when that
  /// variety's Hunspell dictionary is not installed (the run needs only its own).
  bool knows(const SpellWord& word) {
    Speller* other = speller();
    return other != nullptr && spelled_ok(word, *other);
  }
  /// True when the other variety's Hunspell takes `word`, reject.txt aside.
  bool in_dictionaries(std::string_view word) {
    Speller* other = speller();
    return other != nullptr && other->in_dictionaries(word);
  }

 private:
  /// The other variety's speller, or null when its dictionary cannot be loaded. The LoadError is
  /// caught here, against the rule that load errors go up to main, because the run does not need
  /// this speller: its own variety's loaded. The failure is remembered for the process, so that
  /// no later document tries the load again.
  Speller* speller() {
    if (narrowed_) return narrowed_.get();
    static std::array<std::atomic<bool>, 2> missing{};
    std::atomic<bool>& failed = missing[language_ == "en-GB" ? 1 : 0];
    if (speller_ == nullptr && !failed.load(std::memory_order_relaxed)) {
      try {
        speller_ = &Speller::for_thread(language_, dictionaries_);
      } catch (const LoadError&) {
        failed.store(true, std::memory_order_relaxed);
      }
    }
    return speller_;
  }

  std::string language_;
  std::vector<std::string> dictionaries_;
  Speller* speller_ = nullptr;
  std::unique_ptr<Speller> narrowed_;  ///< Answers prepare()'s questions, when made.
};

std::shared_ptr<const SpellAnalysis> analyse(const AnalyzedDocument& doc, Speller& speller,
                                             const std::vector<std::string>& dictionaries) {
  auto analysis = std::make_shared<SpellAnalysis>();
  analysis->dictionaries = dictionaries;
  analysis->words = collect_spell_words(doc, speller);
  // The checks ask for the near words of each rejected word: on a long document, all at once.
  std::vector<std::string> rejected;
  rejected.reserve(analysis->words.words.size());
  for (const SpellWord& word : analysis->words.words) rejected.push_back(word.lower);
  find_near_words(analysis->words, rejected);
  analysis->verdicts.reserve(analysis->words.words.size());
  analysis->other_language = doc.language == "en-GB" ? "en-US" : "en-GB";
  // Each form judged first, then the other variety asked about the typos and reject.txt's
  // words all at once: its speller can then be narrowed to them (OtherVariety::prepare).
  std::vector<std::pair<SpellVerdict*, const SpellWord*>> judged;
  for (const SpellWord& word : analysis->words.words) {
    auto [it, added] = analysis->by_form.try_emplace(form_key(word));
    if (added) {
      it->second = judge(analysis->words, word, speller);
      judged.emplace_back(&it->second, &word);
    }
    analysis->verdicts.push_back(&it->second);
  }
  OtherVariety other{analysis->other_language, dictionaries};
  std::vector<std::string> questions;
  for (const auto& [verdict, word] : judged) {
    if (verdict->typo) add_spelled_ok_forms(*word, questions);
    if (!verdict->rejected_fix.empty()) questions.push_back(word->text);
  }
  std::sort(questions.begin(), questions.end());
  questions.erase(std::unique(questions.begin(), questions.end()), questions.end());
  other.prepare(questions);
  for (const auto& [verdict, word] : judged) {
    if (verdict->typo && other.knows(*word)) {
      verdict->typo = false;
      verdict->other_variety = true;
    }
    // "pubic" is a word in both varieties; "informations" only in en-GB's dictionary, which
    // takes a few misspellings (reject.txt).
    verdict->rejected_is_word = !verdict->rejected_fix.empty() &&
                                speller.in_dictionaries(word->text) &&
                                other.in_dictionaries(word->text);
  }
  return analysis;
}

}  // namespace

const SpellAnalysis& spell_analysis(const AnalyzedDocument& doc, Speller& speller,
                                    const std::vector<std::string>& dictionaries) {
  if (!doc.spelling || doc.spelling->dictionaries != dictionaries) {
    doc.spelling = analyse(doc, speller, dictionaries);
  }
  return *doc.spelling;
}

bool likely_typo(const SpellDocument& words, const SpellWord& word, Speller& speller) {
  if (word.in_title) return true;  // Whether or not it recurs: a title is often repeated.
  if (another_language(word, speller)) return false;
  const bool mid_sentence = name_like(words, word);
  // A capitalised word that recurs is a name, unless it has three or four letters and only ever
  // opens a sentence: a habit of the fingers ("Teh" twice) more likely than a short name that
  // never comes later. Two letters are interjections and initials ("Ay", Austen's, recurs).
  const std::size_t length = utf8::count_code_points(word.lower);
  if (word.capitalised && words.count(word.text) >= 2 &&
      (mid_sentence || length < 3 || length > 4)) {
    return false;
  }
  // A surname is near some common word as often as not ("Dr Collett", "J. H. Hearn"); its
  // slips are left to spelling.name-variant, which compares it with the document's names.
  if (word.in_name) return false;
  // A capitalised word that only opens a sentence (or a line) may be a name or a word: it is
  // judged as a name, except that a very common short word ("Teh" for "The") counts too.
  const bool name = word.capitalised || word.inner_capital;
  const std::size_t limit =
      !name && prefixed_word(word.lower, speller) ? 1 : typo_distance(word, name);
  if (limit > 0) {
    for (const std::uint32_t id : near_document_words(words, word.lower, limit)) {
      const std::string& near = words.lower_list[id];
      // As for name variants: a name's first letter is seldom the slip ("Jeffords", "affords");
      // nor, inside a sentence, a doubled letter (common_near_name).
      if (name && (near.front() != word.lower.front() ||
                   (mid_sentence && doubles_a_letter(word.lower, near)))) {
        continue;
      }
      if (speller.known(near)) return true;
    }
  }
  for (const NearWord& near : WordIndex::shared().near(word.lower, name ? 1 : limit)) {
    if (name && !common_near_name(word, near, mid_sentence)) continue;
    if (speller.known(near.word)) return true;
    // The list is lowercase, and a name ("Wednesday", "Britain") is known only capitalised.
    if (name && speller.known(with_case_of(std::string(near.word), word.text))) return true;
  }
  return false;
}

std::vector<std::shared_future<void>> load_spelling_ahead(const Settings& settings) {
  std::vector<std::shared_future<void>> loads;
  if (settings.language != "auto") {
    if (std::shared_future<void> speller =
            Speller::load_ahead(settings.language, settings.dictionaries);
        speller.valid()) {
      loads.push_back(std::move(speller));
    }
  }
  // A load error here is dropped: the check that needs the index meets it again and reports it.
  loads.push_back(std::async(std::launch::async, [] {
                    try {
                      static_cast<void>(WordIndex::shared());
                    } catch (const LoadError&) {
                    }
                  }).share());
  return loads;
}

}  // namespace galley
