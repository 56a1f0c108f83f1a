#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace galley {

/// A set of byte values, one flag each: the marks a typography check looks for.
using ByteSet = std::array<bool, 256>;

/// The set of the bytes of `members`.
constexpr ByteSet byte_set(std::string_view members) {
  ByteSet set{};
  for (const char c : members) set[static_cast<unsigned char>(c)] = true;
  return set;
}

/// The first position from `pos` on where `text` has a byte of `set`, or text.size(). Checks
/// that look at every byte of a document for a few marks spend most of their time here: eight
/// bytes are looked up at a time and tested once, where a test a byte cost a branch a byte.
inline std::size_t next_in(std::string_view text, std::size_t pos, const ByteSet& set) {
  const auto in = [&](std::size_t i) {
    return static_cast<unsigned>(set[static_cast<unsigned char>(text[i])]);
  };
  for (; pos + 8 <= text.size(); pos += 8) {
    if ((in(pos) | in(pos + 1) | in(pos + 2) | in(pos + 3) | in(pos + 4) | in(pos + 5) |
         in(pos + 6) | in(pos + 7)) != 0) {
      break;
    }
  }
  for (; pos < text.size(); ++pos) {
    if (in(pos) != 0) return pos;
  }
  return text.size();
}

}  // namespace galley
