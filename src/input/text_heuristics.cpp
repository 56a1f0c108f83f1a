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

std::string lower_prefix(std::string_view text, std::size_t length) {
  std::string out(text.substr(0, length));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}


// Openings that, in newsroom practice, introduce a photo caption or its credit line.
constexpr std::array<std::string_view, 16> kCaptionOpenings{
    "photo:", "photo caption:", "caption:", "pictured:", "pictured ", "image:", "picture:",
    "(l-r)", "l-r:", "l-r ", "(left to right)", "left to right:", "from left:", "photo by ",
    "photograph:", "[photo"};

// Credits that end a caption: "... (Photo: Jane Roe)", "... Photo credit: ...".
constexpr std::array<std::string_view, 4> kCaptionCredits{"(photo", "photo credit", "(credit",
                                                          "photo courtesy"};

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

bool more_words_than(std::string_view text, std::size_t most) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word && ++words > most) return true;
    in_word = !space;
  }
  return false;
}

bool looks_like_caption(std::string_view text) {
  text = trim(text);
  if (text.empty() || more_words_than(text, 80)) return false;
  if (starts_like_caption(text)) return true;
  const std::string lower = lower_prefix(text, text.size());
  return std::any_of(kCaptionCredits.begin(), kCaptionCredits.end(),
                     [&](std::string_view credit) { return lower.find(credit) != std::string::npos; });
}

bool looks_like_heading(std::string_view text) {
  text = trim(text);
  if (text.empty() || more_words_than(text, 15)) return false;
  static constexpr std::string_view kClosers = ".!?:;,";
  if (kClosers.find(text.back()) != std::string_view::npos) return false;
  // A closing quotation mark usually ends a sentence, not a heading.
  return !(text.size() >= 3 && (text.substr(text.size() - 3) == "\xE2\x80\x9D" || text.back() == '"'));
}

BlockKind classify_text_block(std::string_view text, std::size_t line_count) {
  if (looks_like_caption(text)) return BlockKind::caption;
  if (starts_with_list_marker(text)) return BlockKind::list_item;
  if (line_count == 1 && looks_like_heading(text)) return BlockKind::heading;
  return BlockKind::paragraph;
}

}  // namespace galley
