#include "checks/missing_terminal_punctuation_check.hpp"

#include <algorithm>
#include <array>

#include "checks/registry.hpp"
#include "input/text_heuristics.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "typography.missing-terminal-punctuation";

// A paragraph this short may be a dateline, a contact line or a label, which end bare.
constexpr std::size_t kMinWords = 8;

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
    // The last word before any closers and note references ("schedule" of "schedule[GM1]").
    const std::string_view bare = paragraph_end(text);
    const auto before_end = std::find_if(tokens.rbegin(), tokens.rend(), [&](const Token& t) {
      return t.span().end <= bare.size();
    });
    if (before_end == tokens.rend()) continue;
    const Token& last = *before_end;
    if (last.span().end < bare.size()) continue;  // Ends in a symbol, not a word.
    const std::string_view word = std::string_view(block.text).substr(last.span().begin, last.span().size());
    out.push_back(make_finding(info, block.to_source(last.span()),
                               "Paragraph ends without a full stop", {std::string(word) + "."}));
  }
}

}  // namespace galley
