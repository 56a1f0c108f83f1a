#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace galley {

/// A hash of a short string (a word, a key) for the tables asked about every token: eight bytes
/// a step, the last one or two steps overlapping (wyhash's trick), so that a word of up to eight
/// bytes is one multiplication and a finish, inline, where std::hash made an out-of-line call
/// and walked the bytes in a loop. The same in every run; not a stable file format. The bits of
/// `set_bits` are set in every step before it is mixed: 0x20 in each byte hashes a word the same
/// in any ASCII letter case, without a lower-cased copy (the variety table's filter).
inline std::uint64_t word_hash(std::string_view text, std::uint64_t set_bits = 0) noexcept {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  const auto step = [set_bits](std::uint64_t hash, std::uint64_t chunk) {
    hash = (hash ^ (chunk | set_bits)) * kMultiplier;
    return hash ^ (hash >> 32U);
  };
  const char* at = text.data();
  std::size_t left = text.size();
  std::uint64_t hash = (text.size() + 1) * kMultiplier;
  for (; left > 8; at += 8, left -= 8) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, at, 8);
    hash = step(hash, chunk);
  }
  std::uint64_t last = 0;  // The last 1 to 8 bytes, every one of them in it.
  if (left >= 4) {
    std::uint32_t head = 0;
    std::uint32_t tail = 0;
    std::memcpy(&head, at, 4);
    std::memcpy(&tail, at + left - 4, 4);
    last = std::uint64_t{head} << 32U | tail;
  } else if (left > 0) {
    const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(at[i])}; };
    last = byte(0) << 16U | byte(left / 2) << 8U | byte(left - 1);
  }
  hash = step(hash, last);
  hash ^= hash >> 29U;  // splitmix64's finish: every bit of the result depends on every byte.
  hash *= 0xBF58476D1CE4E5B9ULL;
  return hash ^ (hash >> 32U);
}

/// Hashes std::string and std::string_view alike, so that a map keyed by strings is searched
/// with a view, without a copy: the maps here are looked up once per token.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return word_hash(text); }
};

/// An unordered map from strings, searched with a std::string_view without a copy.
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace galley
