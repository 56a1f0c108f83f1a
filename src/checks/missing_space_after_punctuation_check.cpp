// "12 February.The extra hours" and "the cabinet,which": a space lost in editing. ICU's word
// rules take a full stop between letters for part of one word (as in "Node.js"), so the
// spelling checks pass such a token over as a name or a domain; this check reads the bytes.
#include "checks/missing_space_after_punctuation_check.hpp"

#include <algorithm>

#include "checks/registry.hpp"
#include "core/byte_set.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "typography.missing-space-after-punctuation";

/// The marks after which a word needs a space, by byte: a sentence's end and a clause's.
constexpr ByteSet kIsMark = byte_set(".!?,;");

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return is_lower(c) || is_upper(c); }

/// True when the two bytes before `pos` are letters, the last lowercase: a word of two letters
/// or more ends there, so that "e.g.The" and "J.R." (one letter) are passed over.
bool word_before(std::string_view text, std::size_t pos) {
  return pos >= 2 && is_lower(text[pos - 1]) && is_letter(text[pos - 2]);
}

/// True when the word after the mark at `pos` reads as a new sentence's or clause's: after a
/// sentence's mark a capital and a lowercase letter ("The", not ".NET" or "Node.js"); after a
/// comma or semicolon two letters ("which").
bool word_after(std::string_view text, std::size_t pos) {
  if (pos + 2 >= text.size()) return false;
  const char first = text[pos + 1];
  const char second = text[pos + 2];
  const char mark = text[pos];
  if (mark == ',' || mark == ';') return is_letter(first) && is_letter(second);
  return is_upper(first) && is_lower(second);
}

/// True when byte `pos` lies inside a URL, an e-mail address, a handle or a hashtag of the
/// block: their marks are their own ("example.org/a,b").
bool inside_nonword(const std::vector<Token>& tokens, std::size_t pos) {
  const auto after = std::upper_bound(tokens.begin(), tokens.end(), pos,
                                      [](std::size_t at, const Token& t) { return at < t.span().begin; });
  if (after == tokens.begin()) return false;
  const Token& token = *(after - 1);
  return token.kind() != TokenKind::word && token.kind() != TokenKind::number &&
         pos < token.span().end;
}

/// True when the run of non-space bytes around `pos` reads as code or a path, not prose: it
/// has a byte prose words lack ("extents,uninit_bg", "a=1;b=2", "src/a.c", "String.Format()"),
/// a second mark between letters ("java.util.List", "Microsoft.Extensions.Logging"), or a
/// capital inside the word after the mark ("Console.WriteLine").
bool code_like(std::string_view text, std::size_t pos) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t begin = pos;
  while (begin > 0 && !space(text[begin - 1])) --begin;
  std::size_t end = pos;
  while (end < text.size() && !space(text[end])) ++end;
  const std::string_view run = text.substr(begin, end - begin);
  if (run.find_first_of("_=/\\<>{}|()") != std::string_view::npos) return true;
  std::size_t marks = 0;
  for (std::size_t i = 1; i + 1 < run.size(); ++i) {
    marks += static_cast<std::size_t>(kIsMark[static_cast<unsigned char>(run[i])] &&
                                      is_letter(run[i - 1]) && is_letter(run[i + 1]));
  }
  if (marks >= 2) return true;
  std::size_t after = pos + 2;  // The capital after the mark, then its word's other letters.
  while (after < end && is_letter(text[after]) && !is_upper(text[after])) ++after;
  return after < end && is_upper(text[after]);
}

}  // namespace

std::unique_ptr<Check> MissingSpaceAfterPunctuationCheck::make(const Settings& /*settings*/) {
  return std::make_unique<MissingSpaceAfterPunctuationCheck>();
}

void MissingSpaceAfterPunctuationCheck::check(const AnalyzedDocument& doc,
                                              std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  for (std::size_t b = 0; b < doc.doc.blocks.size(); ++b) {
    const Block& block = doc.doc.blocks[b];
    const std::string_view text = block.text;
    // A mark needs a word of two letters before it (word_before) and two bytes after it
    // (word_after): only marks from the third byte to the third last can count.
    const std::string_view scanned = text.substr(0, std::max<std::size_t>(text.size(), 2) - 2);
    for (std::size_t pos = next_in(scanned, 2, kIsMark); pos < scanned.size();
         pos = next_in(scanned, pos + 1, kIsMark)) {
      if (!is_letter(text[pos + 1])) continue;  // Most marks are followed by a space.
      if (!word_before(text, pos) || !word_after(text, pos)) continue;
      if (inside_nonword(doc.segments[b].tokens, pos) || code_like(text, pos)) continue;
      const std::string mark(1, text[pos]);
      out.push_back(make_finding(info, block.to_source({pos, pos + 1}),
                                 "No space after '" + mark + "'", {mark + " "}));
    }
  }
}

}  // namespace galley
