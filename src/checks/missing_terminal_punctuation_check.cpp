#include "checks/missing_terminal_punctuation_check.hpp"

#include <algorithm>
#include <array>

#include "checks/registry.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "typography.missing-terminal-punctuation";

// A paragraph this short may be a dateline, a contact line or a label, which end bare.
constexpr std::size_t kMinWords = 8;

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// Strips closing quotes and brackets, which may follow the terminal mark ('... end."').
std::string_view strip_closers(std::string_view text) {
  for (bool stripped = true; stripped && !text.empty();) {
    stripped = false;
    for (const std::string_view closer : {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "*", "_"}) {
      if (ends_with(text, closer)) {
        text.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  return text;
}

/// Strips note references, which follow the terminal mark: a Markdown footnote ("[^1]", "[^note]"),
/// a numbered or lettered reference ("[3]", "[a]"), superscript digits ("¹²"), and a word
/// processor's comment anchor ("[GM1]").
std::string_view strip_note_references(std::string_view text) {
  for (bool stripped = true; stripped && !text.empty();) {
    stripped = false;
    if (text.back() == ']') {
      const std::size_t open = text.rfind('[');
      if (open == std::string_view::npos) break;
      const std::string_view inner = text.substr(open + 1, text.size() - open - 2);
      const bool footnote = inner.size() > 1 && inner[0] == '^' &&
                            inner.find_first_of(" []") == std::string_view::npos;
      const bool numbered =
          !inner.empty() && inner.size() <= 3 &&
          (std::all_of(inner.begin(), inner.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
           (inner.size() == 1 && inner[0] >= 'a' && inner[0] <= 'z'));
      // A Word comment anchor ("[GM1]") is marker.comment-anchor's finding, not the end.
      const std::size_t capitals = static_cast<std::size_t>(
          std::find_if(inner.begin(), inner.end(), [](char c) { return c < 'A' || c > 'Z'; }) -
          inner.begin());
      const std::string_view number = inner.substr(capitals);
      const bool anchor =
          capitals >= 1 && capitals <= 4 && !number.empty() && number.size() <= 3 &&
          std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
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

bool has_terminal_mark(std::string_view text) {
  const std::string_view bare = strip_closers(strip_note_references(text));
  if (bare.empty()) return true;
  static constexpr std::string_view kMarks = ".!?:;";
  return kMarks.find(bare.back()) != std::string_view::npos || ends_with(bare, "\xE2\x80\xA6");
}

// Words that mark a contact block, which a release sets without full stops.
constexpr std::array<std::string_view, 6> kContactCues{"Contact", "Tel", "Phone", "Email", "E-mail", "Mobile"};

/// Lines a release ends without a full stop: contacts, URLs, phone numbers.
bool is_contact_like(std::string_view text, const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.kind() == TokenKind::email || t.kind() == TokenKind::url || t.kind() == TokenKind::handle;
  }) || std::any_of(kContactCues.begin(), kContactCues.end(), [&](std::string_view cue) {
    return text.find(cue) != std::string_view::npos;
  });
}

}  // namespace

std::unique_ptr<Check> MissingTerminalPunctuationCheck::make(const Settings& /*settings*/) {
  return std::make_unique<MissingTerminalPunctuationCheck>();
}

void MissingTerminalPunctuationCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  for (std::size_t b = 0; b < doc.doc.blocks.size(); ++b) {
    const Block& block = doc.doc.blocks[b];
    if (block.kind != BlockKind::paragraph && block.kind != BlockKind::quote) continue;
    const std::vector<Token>& tokens = doc.segments[b].tokens;
    const auto words = std::count_if(tokens.begin(), tokens.end(),
                                     [](const Token& t) { return t.kind() == TokenKind::word; });
    if (static_cast<std::size_t>(words) < kMinWords || tokens.empty()) continue;
    std::string_view text = block.text;
    text = text.substr(0, text.find_last_not_of(" \t\r\n") + 1);
    if (has_terminal_mark(text) || is_contact_like(text, tokens)) continue;
    const Token& last = tokens.back();
    if (last.span().end < strip_closers(text).size()) continue;  // Ends in a symbol, not a word.
    const std::string_view word = std::string_view(block.text).substr(last.span().begin, last.span().size());
    out.push_back(make_finding(info, block.to_source(last.span()),
                               "Paragraph ends without a full stop", {std::string(word) + "."}));
  }
}

}  // namespace galley
