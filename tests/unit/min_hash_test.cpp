#include "core/min_hash.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <random>
#include <vector>

namespace galley {

TEST_CASE("min_hash: the hash functions keep their values", "[core]") {
  // The fingerprints of one run are compared with each other only, but a change of values
  // would change which blocks the banding brings together: they are pinned here.
  CHECK(min_hash::mix(0) == 0);
  CHECK(min_hash::mix(1) == 0x5692161D100B05E5ULL);
  CHECK(min_hash::hash(0, 0) == min_hash::mix(0x9E3779B97F4A7C15ULL));
  CHECK(min_hash::hash(31, 7) == min_hash::mix(7 ^ (0x9E3779B97F4A7C15ULL * 32)));
}

TEST_CASE("min_hash: every path this processor takes gives the portable path's values", "[core]") {
  using min_hash::Path;
  CHECK(min_hash::supported(Path::portable));
  std::mt19937_64 random(20261128);
  for (const Path path : {Path::avx2, Path::avx512}) {
    if (!min_hash::supported(path)) {
      WARN("this processor cannot take path " << static_cast<int>(path) << ": not compared");
      continue;
    }
    for (std::size_t count = 0; count < 40; ++count) {
      std::vector<std::uint64_t> values(count);
      for (std::uint64_t& value : values) value = random();
      // Lows that start anywhere, below every hash, or differing from the first value's
      // hashes in the top bit only, where a signed comparison would go wrong.
      min_hash::Lows start{};
      start.fill(std::numeric_limits<std::uint64_t>::max());
      if (count % 3 == 1) {
        for (std::uint64_t& low : start) low = random();
      }
      if (count % 7 == 2) start.fill(0);
      if (count % 5 == 4) {
        for (std::size_t k = 0; k < start.size(); ++k) {
          start[k] = min_hash::hash(k, values[0]) ^ 0x8000'0000'0000'0000ULL;
        }
      }
      min_hash::Lows expected = start;
      min_hash::Lows got = start;
      min_hash::lower_to_min(Path::portable, expected, values);
      min_hash::lower_to_min(path, got, values);
      INFO("path " << static_cast<int>(path) << ", " << count << " values");
      CHECK(got == expected);
    }
  }
  // The process's own choice agrees too.
  std::vector<std::uint64_t> values(100);
  for (std::uint64_t& value : values) value = random();
  min_hash::Lows expected{};
  expected.fill(std::numeric_limits<std::uint64_t>::max());
  min_hash::Lows got = expected;
  min_hash::lower_to_min(Path::portable, expected, values);
  min_hash::lower_to_min(got, values);
  CHECK(got == expected);
}

}  // namespace galley
