#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace galley::utf8 {

/// sequence_length() for a lead byte of 0x80 or more.
std::size_t multibyte_length(std::string_view text, std::size_t pos);

/// Length in bytes of the well-formed UTF-8 sequence starting at `pos`, or 0 if it is ill-formed
/// (overlong, surrogate, beyond U+10FFFF, truncated or a stray continuation byte). Inline for
/// ASCII: it is asked about every byte of a report and every column counted.
inline std::size_t sequence_length(std::string_view text, std::size_t pos) {
  return static_cast<unsigned char>(text[pos]) < 0x80U ? 1 : multibyte_length(text, pos);
}

/// The eight bytes of `text` from `pos` as one word, when they are all there and ASCII (loops
/// over text that is nearly all ASCII step over it a word at a time); none otherwise.
inline bool ascii_eight(std::string_view text, std::size_t pos, std::uint64_t& eight) {
  if (pos + 8 > text.size()) return false;
  std::memcpy(&eight, text.data() + pos, 8);
  return (eight & 0x8080808080808080ULL) == 0;
}

/// True when the eight bytes of `text` from `pos` are all there and all printable ASCII (0x20 to
/// 0x7E): no control character, no DEL, no byte of a multi-byte sequence.
inline bool printable_eight(std::string_view text, std::size_t pos) {
  std::uint64_t eight = 0;
  if (!ascii_eight(text, pos, eight)) return false;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  // Every byte is below 0x80 here (ascii_eight). Subtracting 0x20 from each sets the high bit
  // of the lowest byte below 0x20, if any; a borrow it passes up can set the high bits of bytes
  // above it too, but only when such a byte exists, so the answer to "any?" is exact. Adding 1
  // to each sets the high bit of exactly the bytes 0x7F and passes nothing up. ("Bit Twiddling
  // Hacks": hasless and hasmore.)
  const bool below_space = ((eight - kOnes * 0x20U) & kHigh) != 0;
  const bool del = ((eight + kOnes * 0x01U) & kHigh) != 0;
  return !below_space && !del;
}

/// Decodes the well-formed sequence at `pos`; U+FFFD when ill-formed. `pos` must be in range.
char32_t decode(std::string_view text, std::size_t pos);

/// Byte offsets of every ill-formed byte run (each run is reported once, as a span).
std::vector<std::pair<std::size_t, std::size_t>> invalid_runs(std::string_view text);

/// Number of code points in `text`, counting each ill-formed byte as one.
std::size_t count_code_points(std::string_view text);

/// True when `pos` is not inside a multi-byte sequence (a valid place to cut the text).
bool is_boundary(std::string_view text, std::size_t pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

}  // namespace galley::utf8
