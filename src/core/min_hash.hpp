#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace galley::min_hash {

/// Hash functions per signature.
inline constexpr std::size_t kHashes = 32;
/// A signature in the making: per hash function, the least value met so far.
using Lows = std::array<std::uint64_t, kHashes>;

/// splitmix64's finaliser: a bijection that spreads every input bit over the whole word.
[[nodiscard]] constexpr std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30U;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27U;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31U);
}

/// Hash function `k` (0-based) of the signature: mix of the value with its own constant.
[[nodiscard]] constexpr std::uint64_t hash(std::size_t k, std::uint64_t value) {
  return mix(value ^ (0x9E3779B97F4A7C15ULL * (k + 1)));
}

/// The ways lower_to_min can be worked out; each gives the same values.
enum class Path {
  portable,  ///< One hash at a time.
  avx2,      ///< Four at a time, each 64-bit multiply made of three 32-bit ones (x86-64-v3).
  avx512,    ///< Eight at a time with AVX-512's 64-bit multiply (x86-64-v4).
};

/// Lowers each of `lows` to its hash function's value over `values` where smaller, by the
/// fastest path this processor has: the signature's 32 hashes of every 3-shingle of every
/// paragraph are most of the cross-document check's time.
void lower_to_min(Lows& lows, std::span<const std::uint64_t> values);
/// lower_to_min by `path`, which must be supported (for the tests, which compare the paths).
void lower_to_min(Path path, Lows& lows, std::span<const std::uint64_t> values);
/// True when this processor (and this build) can take `path`.
[[nodiscard]] bool supported(Path path);

}  // namespace galley::min_hash
