#include "rules/required_literals.hpp"

#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <limits>
#include <map>

#include "core/ascii.hpp"

namespace galley {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
/// Shorter words occur nearly everywhere: looking for them would narrow nothing.
constexpr std::size_t kShortestWord = 3;
/// Words found in nearly every paragraph, which would narrow nothing.
constexpr std::string_view kCommonWords[] = {"the",  "and", "for", "with", "that", "this",
                                             "from", "are", "was", "has",  "have", "its",
                                             "our",  "not", "but", "can",  "will", "all"};
/// The words of an entry that are looked for.
constexpr std::size_t kWordsPerEntry = 2;
/// How far ICU's region may end past the limit asked for: to the next code point boundary.
constexpr std::size_t kBoundarySlack = 3;

bool is_ascii_alnum(unsigned char byte) {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
         (byte >= 'A' && byte <= 'Z');
}

/// A word of a list entry that every match of the entry holds.
struct EntryWord {
  std::string text;    ///< Lower-cased.
  bool whole = false;  ///< Every match has it as a whole word (no ASCII letter or digit beside).
};

/// Words of a list entry that any match of it contains, lower-cased: its runs of ASCII letters
/// and digits, each compiled to literal characters (see phrase_alternation). A run that touches
/// a non-ASCII byte is left out (ICU may match it to other text), and so are short and common
/// words; of the rest, the longest few. A run between two other characters of the entry (white
/// space, a hyphen, an apostrophe, punctuation: none matches a letter or a digit), or at an end
/// of the entry of a word-bounded rule, is whole in every match: "able" of "is able to" is not
/// found in "available".
std::vector<EntryWord> entry_words(std::string_view text, bool word_bounded) {
  std::vector<EntryWord> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto in_word = [&](std::size_t at) {
      const auto byte = static_cast<unsigned char>(text[at]);
      return byte >= 0x80 || is_ascii_alnum(byte);
    };
    if (!in_word(pos)) {
      ++pos;
      continue;
    }
    const std::size_t begin = pos;
    bool ascii = true;
    for (; pos < text.size() && in_word(pos); ++pos)
      ascii = ascii && static_cast<unsigned char>(text[pos]) < 0x80;
    std::string word = ascii_lower(text.substr(begin, pos - begin));
    const bool common =
        std::find(std::begin(kCommonWords), std::end(kCommonWords), word) != std::end(kCommonWords);
    const bool whole = (word_bounded || begin > 0) && (word_bounded || pos < text.size());
    if (ascii && word.size() >= kShortestWord && !common) out.push_back({std::move(word), whole});
  }
  // The longest words are the rarest, as a rule: a few narrow as well as all of them, and every
  // word is one more literal to search for in every text.
  std::stable_sort(out.begin(), out.end(), [](const EntryWord& a, const EntryWord& b) {
    return a.text.size() > b.text.size();
  });
  out.resize(std::min(out.size(), kWordsPerEntry));
  return out;
}

/// UTF-8 of each non-ASCII character whose case folding has an ASCII letter (ſ, K, ß, ﬁ...): a
/// case-insensitive expression can match it where a byte search for the letters finds nothing.
std::vector<std::string> folding_to_ascii() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeSet set(u"[[:Changes_When_Casefolded:]&[^\\u0000-\\u007F]]", status);
  std::vector<std::string> out;
  for (int32_t range = 0; U_SUCCESS(status) && range < set.getRangeCount(); ++range) {
    for (UChar32 c = set.getRangeStart(range); c <= set.getRangeEnd(range); ++c) {
      icu::UnicodeString folded(c);
      folded.foldCase(U_FOLD_CASE_DEFAULT);
      bool ascii_letter = false;
      for (int32_t i = 0; i < folded.length(); ++i) {
        const char16_t unit = folded.charAt(i);
        ascii_letter = ascii_letter || (unit < 0x80 && is_ascii_alnum(static_cast<uint8_t>(unit)));
      }
      if (!ascii_letter) continue;
      std::string utf8;
      icu::UnicodeString(c).toUTF8String(utf8);
      out.push_back(std::move(utf8));
    }
  }
  return out;
}

}  // namespace

// Literals of one scope only: a whole source is searched for the few literals of source rules,
// not for every word of every list.
RequiredLiterals::RequiredLiterals(const RuleSet& rules, RuleScope scope)
    : entries_(rules.rules.size()), always_(rules.rules.size(), false), found_(rules.rules.size()) {
  // A whole word is a literal of its own: the same letters inside a word may still count for
  // another rule.
  std::map<std::pair<std::string, bool>, std::size_t> ids;
  std::vector<std::string> texts;
  const auto id_of = [&](const std::string& literal, bool whole = false) {
    const auto [it, added] = ids.emplace(std::make_pair(literal, whole), literals_.size());
    if (added) {
      literals_.emplace_back();
      literals_.back().whole_word = whole;
      texts.push_back(literal);
    }
    return it->second;
  };
  for (std::size_t index = 0; index < rules.rules.size(); ++index) {
    const Rule& rule = rules.rules[index];
    if (rule.scope != scope) continue;
    always_[index] = rule.required.empty();
    for (const std::string& literal : rule.required) {
      if (literal.empty()) always_[index] = true;  // Found in any text, as find("") is.
      if (literal.empty()) continue;
      std::vector<std::size_t>& users = literals_[id_of(literal)].rules;
      if (users.empty() || users.back() != index) users.push_back(index);
    }
    if (rule.kind == RuleKind::pattern) continue;
    for (const RuleEntry& entry : rule.entries) {
      std::vector<std::size_t> words;
      for (const EntryWord& word : entry_words(entry.text, rule.word_bounded))
        words.push_back(id_of(word.text, word.whole));
      if (words.empty()) entries_[index].clear();  // An entry that can match anywhere.
      if (words.empty()) break;
      for (const std::size_t word : words) literals_[word].word = true;
      entries_[index].push_back(std::move(words));
    }
  }
  for (const std::string& character : folding_to_ascii()) {
    literals_[id_of(character)].folds_to_ascii = true;
  }
  matcher_ = LiteralMatcher(texts);
  at_.resize(literals_.size());
}

namespace {

/// True when `text[begin, end)` has no ASCII letter or digit on either side.
bool whole_word_at(std::string_view text, std::size_t begin, std::size_t end) {
  return (begin == 0 || !is_ascii_alnum(static_cast<unsigned char>(text[begin - 1]))) &&
         (end == text.size() || !is_ascii_alnum(static_cast<unsigned char>(text[end])));
}

}  // namespace

void RequiredLiterals::find(std::string_view text) {
  for (const std::size_t index : touched_) found_[index].clear();
  for (const std::size_t literal : words_touched_) at_[literal].clear();
  touched_.clear();
  words_touched_.clear();
  folds_ = false;
  text_size_ = text.size();
  hits_.clear();
  matcher_.find_all(text, hits_);
  for (const LiteralHit& hit : hits_) {
    const Literal& literal = literals_[hit.literal];
    const Span where{hit.begin, hit.end};
    for (const std::size_t index : literal.rules) {
      if (found_[index].empty()) touched_.push_back(index);
      found_[index].push_back(where);
    }
    if (literal.word && (!literal.whole_word || whole_word_at(text, where.begin, where.end))) {
      if (at_[hit.literal].empty()) words_touched_.push_back(hit.literal);
      at_[hit.literal].push_back(hit.begin);
    }
    folds_ = folds_ || literal.folds_to_ascii;
  }
}

const std::vector<Span>& RequiredLiterals::occurrences(std::size_t index) {
  merged_.assign(found_[index].begin(), found_[index].end());
  std::sort(merged_.begin(), merged_.end(), [](Span a, Span b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
  });
  return merged_;
}

bool RequiredLiterals::narrowed(std::size_t index) const {
  return !entries_[index].empty() && !folds_;
}

bool RequiredLiterals::may_match(std::size_t index) const {
  if (!always_[index] && found_[index].empty()) return false;
  return !narrowed(index) || last_match_start(index, 0, text_size_) != kNone;
}

// The last occurrence of `literal` at or after `begin` that ends by `limit`.
std::size_t RequiredLiterals::last_start(std::size_t literal, std::size_t begin,
                                         std::size_t limit) const {
  const std::size_t length = matcher_.length(literal);
  if (limit < length) return kNone;
  const std::vector<std::size_t>& starts = at_[literal];
  const auto after = std::upper_bound(starts.begin(), starts.end(), limit - length);
  if (after == starts.begin() || *(after - 1) < begin) return kNone;
  return *(after - 1);
}

// A match starting at p and ending by `limit` holds every word of its entry after p: p can be
// no later than the last start of the entry's scarcest word. kNone when no entry fits at all.
std::size_t RequiredLiterals::last_match_start(std::size_t index, std::size_t begin,
                                               std::size_t limit) const {
  std::size_t latest = kNone;
  for (const std::vector<std::size_t>& words : entries_[index]) {
    std::size_t entry_latest = kNone - 1;
    bool fits = true;
    for (const std::size_t word : words) {
      const std::size_t start = last_start(word, begin, limit);
      fits = start != kNone;
      if (!fits) break;
      entry_latest = std::min(entry_latest, start);
    }
    if (!fits) continue;
    latest = latest == kNone ? entry_latest : std::max(latest, entry_latest);
  }
  return latest;
}

// The windows are those one search per literal gave; narrowing only moves a window's end (never
// its limit) back past starts where no match fits, or drops a window where none does, so ICU
// finds the same matches.
const std::vector<ScanWindow>& RequiredLiterals::windows(std::size_t index, std::size_t lead) {
  merged_.clear();
  for (const Span where : found_[index]) {
    merged_.push_back({where.begin > lead ? where.begin - lead : 0, where.end});
  }
  std::sort(merged_.begin(), merged_.end(), [](Span a, Span b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
  });
  windows_.clear();
  for (const Span window : merged_) {
    if (!windows_.empty() && window.begin <= windows_.back().starts.end) {
      windows_.back().starts.end = std::max(windows_.back().starts.end, window.end);
    } else {
      windows_.push_back({window, 0});
    }
  }
  std::size_t kept = 0;
  for (ScanWindow window : windows_) {
    window.limit = window.starts.end + lead;
    if (narrowed(index)) {
      const std::size_t limit =
          std::min(text_size_, std::min(text_size_, window.limit) + kBoundarySlack);
      const std::size_t latest = last_match_start(index, window.starts.begin, limit);
      if (latest == kNone) continue;
      window.starts.end = std::min(window.starts.end, latest + 1);
    }
    windows_[kept++] = window;
  }
  windows_.resize(kept);
  return windows_;
}

}  // namespace galley
