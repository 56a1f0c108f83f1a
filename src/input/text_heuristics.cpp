#include "input/text_heuristics.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace galley {
namespace {

std::string_view trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// True when `text` begins with lowercase ASCII `prefix` in any letter case.
bool starts_with_folded(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(),
                    [](char p, char c) { return ascii_lower(c) == p; });
}


// Openings that, in newsroom practice, introduce a photo caption or its credit line.
constexpr std::array<std::string_view, 16> kCaptionOpenings{
    "photo:", "photo caption:", "caption:", "pictured:", "pictured ", "image:", "picture:",
    "(l-r)", "l-r:", "l-r ", "(left to right)", "left to right:", "from left:", "photo by ",
    "photograph:", "[photo"};

// Credits that end a caption: "... (Photo: Jane Roe)", "... Photo credit: ...".
constexpr std::array<std::string_view, 4> kCaptionCredits{"(photo", "photo credit", "(credit",
                                                          "photo courtesy"};
static_assert(std::all_of(kCaptionCredits.begin(), kCaptionCredits.end(), [](std::string_view c) {
  return c.front() == '(' || c.front() == 'p';
}), "has_caption_credit tries a match only at '(' and 'p'");

// Words of four letters or more that some house styles (Chicago's) keep lower case in a title:
// prepositions and conjunctions.
constexpr std::array<std::string_view, 24> kTitleLowerCase{
    "about",   "across", "after",   "against", "among", "amid", "before", "behind",
    "between", "during", "from",    "into",    "onto",  "over", "than",   "that",
    "through", "toward", "towards", "under",   "until", "upon", "with",   "within"};

/// True when `word` (its trailing punctuation aside) is one of kTitleLowerCase, in lower case.
bool title_lower_case(std::string_view word) {
  std::size_t end = 0;
  while (end < word.size() && word[end] >= 'a' && word[end] <= 'z') ++end;
  return std::find(kTitleLowerCase.begin(), kTitleLowerCase.end(), word.substr(0, end)) !=
         kTitleLowerCase.end();
}

}  // namespace

bool starts_with_list_marker(std::string_view line) {
  line = trim(line);
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    return true;
  }
  if (line.substr(0, 4) == "\xE2\x80\xA2 ") return true;  // "• "
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(line[digits]))) {
    ++digits;
  }
  return digits > 0 && digits + 1 < line.size() &&
         (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ';
}

// Asked of every line of a plain text: compared in place, with no lowercase copy of its head.
bool starts_like_caption(std::string_view line) {
  const std::string_view head = trim(line);
  return std::any_of(kCaptionOpenings.begin(), kCaptionOpenings.end(),
                     [&](std::string_view opening) { return starts_with_folded(head, opening); });
}

// Every block of a text is asked: word starts are counted without a branch per byte (a word
// boundary every few bytes defeats the branch predictor), and the count is tested every 64.
bool more_words_than(std::string_view text, std::size_t most) {
  std::size_t words = 0;
  bool space_before = true;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t stop = std::min(text.size(), i + 64);
    for (; i < stop; ++i) {
      const bool space = is_blank(text[i]);
      words += static_cast<std::size_t>(space_before && !space);
      space_before = space;
    }
    if (words > most) return true;
  }
  return false;
}

namespace {

/// True when a caption credit starts at `at` of `text`.
bool credit_at(std::string_view text, std::size_t at) {
  const std::string_view rest = text.substr(at);
  return std::any_of(kCaptionCredits.begin(), kCaptionCredits.end(),
                     [&](std::string_view credit) { return starts_with_folded(rest, credit); });
}

/// True when `text` holds a caption credit ("(Photo: ...)", "Photo credit ...") in any case.
/// Every block is asked: the places where one could open, a '(' or a 'p' or 'P', are found by
/// memchr, one byte value at a time, rather than by testing every byte (2.5% of the big bench
/// file's time, all before its checks start).
bool has_caption_credit(std::string_view text) {
  for (const char opener : {'(', 'p', 'P'}) {
    for (std::size_t at = text.find(opener); at != std::string_view::npos;
         at = text.find(opener, at + 1)) {
      if (credit_at(text, at)) return true;
    }
  }
  return false;
}

}  // namespace

bool looks_like_caption(std::string_view text) {
  text = trim(text);
  // The words are counted last: nearly every block lacks the marks, and counting is the dearer.
  return !text.empty() && (starts_like_caption(text) || has_caption_credit(text)) &&
         !more_words_than(text, 80);
}

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// Strips closing quotes, brackets and emphasis marks, which may follow the terminal mark
/// ('... end."').
std::string_view strip_closers(std::string_view text) {
  for (bool stripped = true; stripped && !text.empty();) {
    stripped = false;
    for (const std::string_view closer :
         {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "*", "_"}) {
      if (ends_with(text, closer)) {
        text.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  return text;
}

/// True when `inner` is all ASCII digits, and not empty.
bool all_digits(std::string_view inner) {
  return !inner.empty() &&
         std::all_of(inner.begin(), inner.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Strips note references, which follow the terminal mark: a Markdown footnote ("[^1]",
/// "[^note]"), a numbered or lettered reference ("[3]", "[a]"), superscript digits ("¹²"), and a
/// word processor's comment anchor ("[GM1]", which marker.comment-anchor reports).
std::string_view strip_note_references(std::string_view text) {
  for (bool stripped = true; stripped && !text.empty();) {
    stripped = false;
    if (text.back() == ']') {
      const std::size_t open = text.rfind('[');
      if (open == std::string_view::npos) break;
      const std::string_view inner = text.substr(open + 1, text.size() - open - 2);
      const bool footnote = inner.size() > 1 && inner[0] == '^' &&
                            inner.find_first_of(" []") == std::string_view::npos;
      const bool numbered = (all_digits(inner) && inner.size() <= 3) ||
                            (inner.size() == 1 && inner[0] >= 'a' && inner[0] <= 'z');
      const std::size_t capitals = static_cast<std::size_t>(
          std::find_if(inner.begin(), inner.end(), [](char c) { return c < 'A' || c > 'Z'; }) -
          inner.begin());
      const bool anchor = capitals >= 1 && capitals <= 4 && inner.size() - capitals <= 3 &&
                          all_digits(inner.substr(capitals));
      if (footnote || numbered || anchor) {
        text.remove_suffix(text.size() - open);
        stripped = true;
      }
      continue;
    }
    // Superscript one, two, three (U+00B9, U+00B2, U+00B3) and zero to nine (U+2070-U+2079).
    for (const std::string_view digit :
         {"\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB0", "\xE2\x81\xB4", "\xE2\x81\xB5",
          "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9"}) {
      if (ends_with(text, digit)) {
        text.remove_suffix(digit.size());
        stripped = true;
      }
    }
  }
  return text;
}

}  // namespace

std::string_view paragraph_end(std::string_view text) {
  return strip_closers(strip_note_references(text));
}

bool has_terminal_mark(std::string_view text) {
  const std::string_view bare = paragraph_end(text);
  if (bare.empty()) return true;
  static constexpr std::string_view kMarks = ".!?:;";
  return kMarks.find(bare.back()) != std::string_view::npos || ends_with(bare, "\xE2\x80\xA6");
}

bool ends_open(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.back() == ',') return false;
  // A closing quotation mark usually ends a sentence, not a heading.
  if (text.back() == '"' || ends_with(text, "\xE2\x80\x9D")) return false;
  return !has_terminal_mark(text);
}

namespace {

/// True when `word` (its trailing full stop aside) is a month's name or its abbreviation.
bool is_month(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kMonths = {
      "January",   "February", "March",    "April",    "May",  "June", "July", "August",
      "September", "October",  "November", "December", "Jan",  "Feb",  "Mar",  "Apr",
      "Jun",       "Jul",      "Aug",      "Sep",      "Sept", "Oct",  "Nov",  "Dec"};
  if (ends_with(word, ".") || ends_with(word, ",")) word.remove_suffix(1);
  return std::find(kMonths.begin(), kMonths.end(), word) != kMonths.end();
}

/// True when one of the first ten words of `text` is a month's name with a number beside it: a
/// dateline's date ("London, 12 January 2027 -", "Nov. 24, 2026 --"), where a headline's month
/// stands alone ("Ashby festival returns in May with 40 events").
bool date_near_start(std::string_view text) {
  std::array<std::string_view, 11> words{};
  std::size_t count = 0;
  for (std::size_t i = 0; count < words.size() && i < text.size();) {
    while (i < text.size() && is_blank(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_blank(text[i])) ++i;
    if (i > start) words[count++] = text.substr(start, i - start);
  }
  const auto number = [](std::string_view word) {
    return !word.empty() && word[0] >= '0' && word[0] <= '9';
  };
  for (std::size_t w = 0; w < count && w < 10; ++w) {
    if (!is_month(words[w])) continue;
    if ((w > 0 && number(words[w - 1])) || (w + 1 < count && number(words[w + 1]))) return true;
  }
  return false;
}

}  // namespace

bool opens_with_place(std::string_view text) {
  text = trim(text);
  std::size_t capitals = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      ++capitals;
      continue;
    }
    const std::string_view rest = text.substr(i);
    const bool hyphen = c == '-' && ((i > 0 && text[i - 1] == ' ') || rest.starts_with("--"));
    if (c == ',' || c == '(' || hyphen || rest.starts_with("\xE2\x80\x93") ||
        rest.starts_with("\xE2\x80\x94")) {
      return capitals >= 3;
    }
    // Spaces, initials' stops, apostrophes and letters beyond ASCII ("É") belong to the place.
    if (c != ' ' && c != '.' && c != '\'' && static_cast<unsigned char>(c) < 0x80U) return false;
  }
  return false;
}

bool opens_with_dateline(std::string_view text) {
  return opens_with_place(text) || date_near_start(trim(text));
}

bool looks_like_heading(std::string_view text) {
  text = trim(text);
  // Last: most paragraphs end as sentences do.
  return ends_open(text) && !more_words_than(text, 15);
}

namespace {

/// The words of `text` of four letters or more that are not prepositions (kTitleLowerCase), and
/// how many of them are capitalised.
std::pair<std::size_t, std::size_t> content_word_capitals(std::string_view text) {
  std::size_t considered = 0;
  std::size_t capitalised = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_blank(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_blank(text[i])) ++i;
    std::string_view word = text.substr(start, i - start);
    // Quotation marks and brackets before the word are no part of its case.
    while (!word.empty() && (word.front() == '"' || word.front() == '\'' || word.front() == '(' ||
                             word.front() == '[')) {
      word.remove_prefix(1);
    }
    const std::size_t letters =
        static_cast<std::size_t>(std::count_if(word.begin(), word.end(), ascii_letter));
    // Short words (of, in, the, and) stay lower case in a title; words not opening with an ASCII
    // letter (figures, tickers like "2b", accented names) say nothing either way.
    if (letters < 4 || !ascii_letter(word.front()) || title_lower_case(word)) continue;
    ++considered;
    capitalised += static_cast<std::size_t>(word.front() >= 'A' && word.front() <= 'Z');
  }
  return {considered, capitalised};
}

}  // namespace

bool title_cased(std::string_view text) {
  const auto [considered, capitalised] = content_word_capitals(text);
  return considered >= 6 && capitalised * 20 >= considered * 17;
}

bool sentence_cased(std::string_view text) {
  const auto [considered, capitalised] = content_word_capitals(text);
  return capitalised < considered;
}

namespace {

/// True when the word that ends at `dot` is an abbreviation a name or a company's follows
/// ("Dr. Ana", "St. Albans", "Co. Names").
bool abbreviation_before(std::string_view text, std::size_t dot) {
  static constexpr std::array<std::string_view, 24> kAbbreviations = {
      "Bros", "Capt", "Co", "Col", "Corp", "Dr",  "Ft",  "Gen", "Gov", "Inc", "Jr", "Ltd",
      "Mr",   "Mrs",  "Ms", "Mt",  "No",   "Plc", "Pty", "Rep", "Rev", "Sen", "Sr", "St"};
  std::size_t start = dot;
  while (start > 0 && ascii_letter(text[start - 1])) --start;
  const std::string_view word = text.substr(start, dot - start);
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end() ||
         word == "Prof" || word == "vs";
}

/// True when a sentence ends inside `text`: a full stop, question or exclamation mark after a
/// lowercase letter or a digit, then a space and a capital or an opening quotation mark ("46.
/// Each had been", "home. “It is"). Initials and abbreviations ("H. Malone", "U.S. Firm", "Dr.
/// Ana", "Co. Names") are passed over, as a headline may have them.
bool has_inner_sentence_end(std::string_view text) {
  for (std::size_t at = 1; at + 2 < text.size(); ++at) {
    const char mark = text[at];
    if ((mark != '.' && mark != '?' && mark != '!') || text[at + 1] != ' ') continue;
    const char before = text[at - 1];
    if (!((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9'))) continue;
    const std::string_view after = text.substr(at + 2);
    const bool opens = (after[0] >= 'A' && after[0] <= 'Z') || after[0] == '"' ||
                       after.starts_with("\xE2\x80\x9C") || after.starts_with("\xE2\x80\x98");
    if (opens && !(mark == '.' && abbreviation_before(text, at))) return true;
  }
  return false;
}

/// True when `block` reads as a line of a release's top matter: a headline, a standfirst, a
/// label. In title case up to 40 words, else up to 30 and opening with no dateline.
bool reads_as_top_matter(const Block& block) {
  const std::string_view text = block.text;
  // An end mark ("###") is no headline: the checks that look for one see it as a paragraph.
  const bool has_letter = std::any_of(text.begin(), text.end(), [](char c) {
    return ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80U;
  });
  if (block.kind != BlockKind::paragraph || !has_letter || has_inner_sentence_end(text)) {
    return false;
  }
  if (title_cased(text)) return !more_words_than(text, 40);
  return !more_words_than(text, 30) && !opens_with_dateline(text);
}

}  // namespace

void mark_top_matter_headings(std::vector<Block>& blocks) {
  // Release label, embargo, headline, standfirst: a text that runs on longer without a sentence
  // is no release's top matter (notes, a list of names), and its lines stay paragraphs.
  // A headline comes before body text: a text with no sentence after it (a snippet of one
  // paragraph) keeps its paragraphs, so that a lost full stop is still seen.
  constexpr std::size_t kTopMatterBlocks = 6;
  std::size_t body = 0;
  while (body < blocks.size() && body <= kTopMatterBlocks && ends_open(blocks[body].text)) ++body;
  if (body == blocks.size() || body > kTopMatterBlocks) return;
  for (std::size_t b = 0; b < body; ++b) {
    if (reads_as_top_matter(blocks[b])) blocks[b].kind = BlockKind::heading;
  }
}

BlockKind classify_text_block(std::string_view text, std::size_t line_count) {
  if (looks_like_caption(text)) return BlockKind::caption;
  if (starts_with_list_marker(text)) return BlockKind::list_item;
  if (line_count == 1 && looks_like_heading(text)) return BlockKind::heading;
  return BlockKind::paragraph;
}

}  // namespace galley
