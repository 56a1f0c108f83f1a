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
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t words = 0;
  bool space_before = true;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t stop = std::min(text.size(), i + 64);
    for (; i < stop; ++i) {
      const bool space = is_space(text[i]);
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

bool looks_like_heading(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  static constexpr std::string_view kClosers = ".!?:;,";
  if (kClosers.find(text.back()) != std::string_view::npos) return false;
  // A closing quotation mark usually ends a sentence, not a heading.
  if (text.size() >= 3 && (text.substr(text.size() - 3) == "\xE2\x80\x9D" || text.back() == '"'))
    return false;
  return !more_words_than(text, 15);  // Last: most paragraphs end as sentences do.
}

BlockKind classify_text_block(std::string_view text, std::size_t line_count) {
  if (looks_like_caption(text)) return BlockKind::caption;
  if (starts_with_list_marker(text)) return BlockKind::list_item;
  if (line_count == 1 && looks_like_heading(text)) return BlockKind::heading;
  return BlockKind::paragraph;
}

}  // namespace galley
