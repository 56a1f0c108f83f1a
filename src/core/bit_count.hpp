#pragma once

#include <bit>
#include <cstdint>

namespace galley {

/// The number of bits set in `bits`. std::popcount is one instruction only where the compiler
/// may assume the processor has it (x86-64-v2 and up); for Debian's baseline x86-64 it is a
/// call into libgcc (a table-less loop), 5% of the duplicate search's instructions on big.txt.
/// This is the same count in a dozen inline operations.
constexpr int bit_count(std::uint64_t bits) {
#if defined(__POPCNT__) || !defined(__x86_64__)
  return std::popcount(bits);
#else
  bits -= (bits >> 1U) & 0x5555'5555'5555'5555ULL;
  bits = (bits & 0x3333'3333'3333'3333ULL) + ((bits >> 2U) & 0x3333'3333'3333'3333ULL);
  bits = (bits + (bits >> 4U)) & 0x0F0F'0F0F'0F0F'0F0FULL;
  return static_cast<int>((bits * 0x0101'0101'0101'0101ULL) >> 56U);
#endif
}

static_assert(bit_count(0) == 0 && bit_count(~std::uint64_t{0}) == 64 &&
              bit_count(0x8000'0000'0000'0001ULL) == 2 && bit_count(0xF0F0ULL) == 8);

}  // namespace galley
