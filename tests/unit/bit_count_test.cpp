// bit_count: the inline count used where std::popcount would call into libgcc.
#include "core/bit_count.hpp"

#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>

namespace galley {

TEST_CASE("bit_count agrees with std::popcount on every weight and on mixed patterns", "[core]") {
  std::uint64_t state = 0x9E37'79B9'7F4A'7C15ULL;
  for (int i = 0; i < 100'000; ++i) {
    state ^= state << 13U;  // xorshift64: patterns of every weight, no library needed
    state ^= state >> 7U;
    state ^= state << 17U;
    CHECK(bit_count(state) == std::popcount(state));
  }
  std::uint64_t ones = 0;
  for (int weight = 0; weight <= 64; ++weight) {
    CHECK(bit_count(ones) == weight);
    CHECK(bit_count(~ones) == 64 - weight);
    ones = ones << 1U | 1U;
  }
}

}  // namespace galley
