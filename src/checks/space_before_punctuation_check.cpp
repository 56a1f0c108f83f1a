#include "checks/space_before_punctuation_check.hpp"

#include <cctype>

#include "checks/registry.hpp"
#include "core/byte_set.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "typography.space-before-punctuation";
constexpr std::string_view kPunctuation = ",.;:!?";
/// kPunctuation by byte: what the scan below stops at.
constexpr ByteSet kIsPunctuation = byte_set(kPunctuation);

bool is_space(char c) { return c == ' ' || c == '\t'; }

/// True for punctuation that may follow a space: an ellipsis, spaced (" . . .") or not, a
/// decimal (" .5"), a leading punctuation of a token (" .NET"), or a mark standing alone as a
/// word (" ? " in a quiz).
bool allowed_after_space(std::string_view text, std::size_t pos) {
  const char mark = text[pos];
  const char next = pos + 1 < text.size() ? text[pos + 1] : ' ';
  if (mark == '.' && next == '.') return true;
  if (mark == '.' && ((pos >= 2 && text[pos - 2] == '.') ||
                      (pos + 2 < text.size() && next == ' ' && text[pos + 2] == '.'))) {
    return true;
  }
  if ((mark == '.' || mark == ',' || mark == ':') && std::isalnum(static_cast<unsigned char>(next))) return true;
  if (mark == ':' && next == ')') return true;  // An emoticon.
  return false;
}

}  // namespace

std::unique_ptr<Check> SpaceBeforePunctuationCheck::make(const Settings& /*settings*/) {
  return std::make_unique<SpaceBeforePunctuationCheck>();
}

void SpaceBeforePunctuationCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  for (const Block& block : doc.doc.blocks) {
    const std::string_view text = block.text;
    for (std::size_t pos = next_in(text, 1, kIsPunctuation); pos < text.size();
         pos = next_in(text, pos + 1, kIsPunctuation)) {
      if (!is_space(text[pos - 1])) continue;
      std::size_t begin = pos;
      while (begin > 0 && is_space(text[begin - 1])) --begin;
      if (begin == 0 || text[begin - 1] == '\n' || allowed_after_space(text, pos)) continue;
      const std::string mark(1, text[pos]);
      out.push_back(make_finding(info, block.to_source({begin, pos}),
                                 "Space before '" + mark + "'", {""}));
    }
  }
}

}  // namespace galley
