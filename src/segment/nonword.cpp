// Recognises the tokens of prose that are not words, by scanning bytes. ICU's word rules split a
// URL or an e-mail address into pieces, and a spell checker must not see those pieces.
#include "segment/nonword.hpp"

#include <array>
#include <cctype>

namespace galley {
namespace {

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool is_space_or_open(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '[' || c == '"' ||
         c == '\'' || c == '<' || c == '{';
}

bool starts_token(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  const auto prev = static_cast<unsigned char>(text[pos - 1]);
  return is_space_or_open(static_cast<char>(prev)) || prev >= 0x80;
}

/// Trailing punctuation belongs to the sentence, not to the URL.
std::size_t trim_trailing(std::string_view text, std::size_t begin, std::size_t end) {
  static constexpr std::string_view kTrailing = ".,;:!?)]}'\"";
  while (end > begin && kTrailing.find(text[end - 1]) != std::string_view::npos) --end;
  return end;
}

std::size_t url_end(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size()) {
    const auto c = static_cast<unsigned char>(text[end]);
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 0x80) break;
    ++end;
  }
  return trim_trailing(text, pos, end);
}

/// True when `prefix` (lower case ASCII) is at `pos`, in any case. ASCII folded by hand, not by
/// std::tolower, a call per byte.
bool has_prefix_ci(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

/// True when a URL starts at `pos`: "http://", "https://", "ftp://" or "www." at the start of a
/// token, in any case. Asked about every byte: the first letter decides which prefix to try.
bool url_starts(std::string_view text, std::size_t pos) {
  switch (text[pos]) {
    case 'h':
    case 'H':
      return starts_token(text, pos) &&
             (has_prefix_ci(text, pos, "http://") || has_prefix_ci(text, pos, "https://"));
    case 'w':
    case 'W':
      return starts_token(text, pos) && has_prefix_ci(text, pos, "www.");
    case 'f':
    case 'F':
      return starts_token(text, pos) && has_prefix_ci(text, pos, "ftp://");
    default:
      return false;
  }
}

/// The e-mail address around the '@' at `at`, or an empty span.
Span email_at(std::string_view text, std::size_t at) {
  const auto local_char = [](char c) {
    return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  };
  std::size_t begin = at;
  while (begin > 0 && local_char(text[begin - 1])) --begin;
  std::size_t end = at + 1;
  while (end < text.size() && (is_ascii_alnum(text[end]) || text[end] == '.' || text[end] == '-'))
    ++end;
  end = trim_trailing(text, at + 1, end);
  const std::string_view domain = text.substr(at + 1, end - at - 1);
  if (begin == at || domain.find('.') == std::string_view::npos) return {};
  return {begin, end};
}

Span tag_at(std::string_view text, std::size_t pos) {
  std::size_t end = pos + 1;
  bool letter = false;
  while (end < text.size() && (is_ascii_alnum(text[end]) || text[end] == '_')) {
    letter = letter || std::isalpha(static_cast<unsigned char>(text[end])) != 0;
    ++end;
  }
  if (!letter) return {};
  return {pos, end};
}

}  // namespace

std::vector<Token> find_nonwords(std::string_view text) {
  // The bytes a non-word can start with; the others, nearly all, are passed over in a tight loop.
  static constexpr std::array<bool, 256> kMayStart = [] {
    std::array<bool, 256> may{};
    for (const char c : std::string_view("hHwWfF@#")) may[static_cast<unsigned char>(c)] = true;
    return may;
  }();
  std::vector<Token> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && !kMayStart[static_cast<unsigned char>(text[pos])]) ++pos;
    if (pos == text.size()) break;
    const char c = text[pos];
    Span span;
    TokenKind kind = TokenKind::url;
    if (url_starts(text, pos)) {
      span = {pos, url_end(text, pos)};
    } else if (c == '@' && starts_token(text, pos)) {
      span = tag_at(text, pos);
      kind = TokenKind::handle;
    } else if (c == '@') {
      span = email_at(text, pos);
      kind = TokenKind::email;
      if (!span.empty() && !out.empty() && out.back().span().end > span.begin) {
        span = {};  // Overlaps what was already taken.
      }
    } else if (c == '#' && starts_token(text, pos)) {
      span = tag_at(text, pos);
      kind = TokenKind::hashtag;
    }
    if (span.empty()) {
      ++pos;
      continue;
    }
    // Longer than a token can be: not taken, and ICU then cuts its words as in prose.
    if (span.size() <= Token::kMaxLength) out.emplace_back(span, kind);
    pos = span.end;
  }
  return out;
}

TokenKind classify_word(std::string_view word) {
  const std::size_t dot = word.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= word.size()) return TokenKind::word;
  static constexpr std::array<std::string_view, 24> kDomains{
      "com", "org", "net", "gov", "edu",  "int", "io", "uk",  "eu",  "us",   "ca", "au",
      "de",  "fr",  "ie",  "nz",  "info", "biz", "co", "app", "dev", "news", "ai", "tv"};
  std::string tld(word.substr(dot + 1));
  for (char& ch : tld) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const std::string_view domain : kDomains) {
    if (tld == domain) return TokenKind::url;
  }
  return TokenKind::word;
}

}  // namespace galley
