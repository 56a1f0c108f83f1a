#include "core/utf8.hpp"

namespace galley::utf8 {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

}  // namespace

std::size_t multibyte_length(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80U) return 1;
  std::size_t length = 0;
  char32_t min = 0;
  char32_t cp = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2, min = 0x80, cp = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3, min = 0x800, cp = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4, min = 0x10000, cp = lead & 0x07U;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(byte)) return 0;
    cp = (cp << 6U) | (byte & 0x3FU);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

char32_t decode(std::string_view text, std::size_t pos) {
  const std::size_t length = sequence_length(text, pos);
  if (length == 0) return U'\uFFFD';
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (length == 1) return lead;
  static constexpr unsigned char kLeadMask[] = {0, 0, 0x1F, 0x0F, 0x07};
  char32_t cp = lead & kLeadMask[length];
  for (std::size_t i = 1; i < length; ++i) {
    cp = (cp << 6U) | (static_cast<unsigned char>(text[pos + i]) & 0x3FU);
  }
  return cp;
}

// Every input is asked, before anything else is done with it: ASCII, nearly all of most
// inputs, is stepped over eight bytes at a time (a byte at a time was half of reading big.txt).
std::vector<std::pair<std::size_t, std::size_t>> invalid_runs(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (std::uint64_t eight = 0; ascii_eight(text, pos, eight)) {
      pos += 8;
      continue;
    }
    const std::size_t length = sequence_length(text, pos);
    if (length > 0) {
      pos += length;
      continue;
    }
    if (!runs.empty() && runs.back().second == pos) {
      runs.back().second = pos + 1;
    } else {
      runs.emplace_back(pos, pos + 1);
    }
    ++pos;
  }
  return runs;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (std::uint64_t eight = 0; ascii_eight(text, pos, eight)) {
      pos += 8, count += 8;
      continue;
    }
    if (static_cast<unsigned char>(text[pos]) < 0x80U) {  // The common case, counted apace.
      ++pos, ++count;
      continue;
    }
    const std::size_t length = multibyte_length(text, pos);
    pos += length == 0 ? 1 : length;
    ++count;
  }
  return count;
}

bool is_boundary(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos >= text.size()) return true;
  if (!is_continuation(static_cast<unsigned char>(text[pos]))) return true;
  // A continuation byte is a boundary only if no well-formed sequence covers it.
  for (std::size_t back = 1; back <= 3 && back <= pos; ++back) {
    const std::size_t start = pos - back;
    if (is_continuation(static_cast<unsigned char>(text[start]))) continue;
    return sequence_length(text, start) <= back;
  }
  return true;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0U | (cp >> 6U));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0U | (cp >> 12U));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (cp >> 18U));
    out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  }
}

}  // namespace galley::utf8
