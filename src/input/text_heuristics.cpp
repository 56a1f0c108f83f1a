#include "input/text_heuristics.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

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

std::string lower_prefix(std::string_view text, std::size_t length) {
  std::string out(text.substr(0, length));
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

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

bool starts_like_caption(std::string_view line) {
  const std::string head = lower_prefix(trim(line), 24);
  return std::any_of(kCaptionOpenings.begin(), kCaptionOpenings.end(), [&](std::string_view opening) {
    return head.substr(0, opening.size()) == opening;
  });
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

/// True when `text` holds a caption credit ("(Photo: ...)", "Photo credit ...") in any case.
bool has_caption_credit(std::string_view text) {
  // Every credit opens with '(' or 'p': only there is a match tried.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '(' && ascii_lower(text[i]) != 'p') continue;
    const std::string_view rest = text.substr(i);
    if (std::any_of(kCaptionCredits.begin(), kCaptionCredits.end(),
                    [&](std::string_view credit) { return starts_with_folded(rest, credit); })) {
      return true;
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

bool ends_open(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  static constexpr std::string_view kClosers = ".!?:;,";
  if (kClosers.find(text.back()) != std::string_view::npos) return false;
  // A closing quotation mark usually ends a sentence, not a heading.
  return !(text.size() >= 3 &&
           (text.substr(text.size() - 3) == "\xE2\x80\x9D" || text.back() == '"'));
}

bool opens_with_dateline(std::string_view text) {
  text = trim(text);
  std::size_t capitals = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      ++capitals;
    } else if (c != ' ' && c != '.' && c != '\'' && c != '-') {
      break;
    }
  }
  return capitals >= 3 && i < text.size() && text[i] == ',';
}

bool looks_like_heading(std::string_view text) {
  text = trim(text);
  if (!ends_open(text)) return false;
  if (!more_words_than(text, 15)) return true;  // Last: most paragraphs end as sentences do.
  // A wire headline runs to 30 or 40 words; in title case it reads as no sentence does.
  return !more_words_than(text, 40) && title_cased(text);
}

bool title_cased(std::string_view text) {
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
  return considered >= 6 && capitalised * 20 >= considered * 17;
}

namespace {

/// True when a full stop after a lowercase letter or a digit, then a space and a capital, ends a
/// sentence inside `text` ("46. Each had been"); initials and abbreviations in capitals ("H.
/// Malone", "U.S. Firm", "Co. Names") are passed over, as a headline may have them.
bool has_inner_sentence_end(std::string_view text) {
  for (std::size_t dot = text.find(". "); dot != std::string_view::npos;
       dot = text.find(". ", dot + 1)) {
    if (dot == 0 || dot + 2 >= text.size()) continue;
    const char before = text[dot - 1];
    const char after = text[dot + 2];
    if (((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9')) && after >= 'A' &&
        after <= 'Z') {
      return true;
    }
  }
  return false;
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
    Block& block = blocks[b];
    // An end mark ("###") is no headline: the checks that look for one see it as a paragraph.
    const bool has_letter = std::any_of(block.text.begin(), block.text.end(), [](char c) {
      return ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80U;
    });
    if (block.kind == BlockKind::paragraph && has_letter && !more_words_than(block.text, 40) &&
        !opens_with_dateline(block.text) && !has_inner_sentence_end(block.text)) {
      block.kind = BlockKind::heading;
    }
  }
}

BlockKind classify_text_block(std::string_view text, std::size_t line_count) {
  if (looks_like_caption(text)) return BlockKind::caption;
  if (starts_with_list_marker(text)) return BlockKind::list_item;
  if (line_count == 1 && looks_like_heading(text)) return BlockKind::heading;
  return BlockKind::paragraph;
}

}  // namespace galley
