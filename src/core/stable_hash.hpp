#pragma once

#include <cstdint>
#include <string_view>

namespace galley {

/// FNV-1a (64-bit) over `bytes`, continuing from `seed`: the same value in every run and on
/// every machine (unlike std::hash), cheap enough for every word of a document, and chainable
/// (the hash of a text is the hash of its second part seeded with that of its first).
inline std::uint64_t stable_hash(std::string_view bytes,
                                 std::uint64_t seed = 14695981039346656037ULL) {
  std::uint64_t hash = seed;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace galley
