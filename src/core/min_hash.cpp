#include "core/min_hash.hpp"

#include <algorithm>
#include <cassert>

// GCC and Clang build the vector paths for their instruction sets whatever the target; each is
// taken only on a processor that has them (__builtin_cpu_supports), chosen once per process.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GALLEY_MIN_HASH_X86 1
#include <immintrin.h>
#endif

namespace galley::min_hash {
namespace {

/// lower_to_min one hash at a time.
void lower_portable(Lows& lows, std::span<const std::uint64_t> values) {
  for (const std::uint64_t value : values) {
    for (std::size_t k = 0; k < lows.size(); ++k) lows[k] = std::min(lows[k], hash(k, value));
  }
}

#ifdef GALLEY_MIN_HASH_X86

constexpr std::uint64_t kFirstMultiplier = 0xBF58476D1CE4E5B9ULL;
constexpr std::uint64_t kSecondMultiplier = 0x94D049BB133111EBULL;
constexpr std::uint64_t kSignBit = 0x8000'0000'0000'0000ULL;

/// Each function's constant, the value's partner in hash().
constexpr std::array<std::uint64_t, kHashes> kSeeds = [] {
  std::array<std::uint64_t, kHashes> seeds{};
  for (std::size_t k = 0; k < kHashes; ++k) seeds[k] = 0x9E3779B97F4A7C15ULL * (k + 1);
  return seeds;
}();

/// The low 64 bits of each lane of `x` times a constant given as its 32-bit halves: AVX2 has
/// only the 32 x 32 -> 64-bit multiply, and the high half of the product is not needed.
__attribute__((target("avx2"))) __m256i multiply_low(__m256i x, __m256i low, __m256i high) {
  const __m256i cross =
      _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(x, 32), low), _mm256_mul_epu32(x, high));
  return _mm256_add_epi64(_mm256_mul_epu32(x, low), _mm256_slli_epi64(cross, 32));
}

/// `value` in each of four lanes.
__attribute__((target("avx2"))) __m256i broadcast(std::uint64_t value) {
  return _mm256_set1_epi64x(static_cast<long long>(value));
}

// AVX2 compares 64-bit lanes as signed only: the lows are kept with their top bit flipped,
// which maps unsigned order onto signed order.
__attribute__((target("avx2"))) void lower_avx2(Lows& lows, std::span<const std::uint64_t> values) {
  constexpr std::size_t kLanes = 4;
  constexpr std::size_t kVectors = kHashes / kLanes;
  const __m256i first_low = broadcast(kFirstMultiplier & 0xFFFF'FFFFU);
  const __m256i first_high = broadcast(kFirstMultiplier >> 32U);
  const __m256i second_low = broadcast(kSecondMultiplier & 0xFFFF'FFFFU);
  const __m256i second_high = broadcast(kSecondMultiplier >> 32U);
  const __m256i sign = broadcast(kSignBit);
  // Plain arrays: as a template argument the vector type loses its attributes (GCC warns,
  // -Wignored-attributes); the loads and stores below are unaligned either way.
  __m256i seeds[kVectors];
  __m256i least[kVectors];
  for (std::size_t v = 0; v < kVectors; ++v) {
    seeds[v] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(&kSeeds[v * kLanes]));
    least[v] = _mm256_xor_si256(
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(&lows[v * kLanes])), sign);
  }
  for (const std::uint64_t value : values) {
    const __m256i spread = broadcast(value);
    for (std::size_t v = 0; v < kVectors; ++v) {
      __m256i x = _mm256_xor_si256(spread, seeds[v]);
      x = _mm256_xor_si256(x, _mm256_srli_epi64(x, 30));
      x = multiply_low(x, first_low, first_high);
      x = _mm256_xor_si256(x, _mm256_srli_epi64(x, 27));
      x = multiply_low(x, second_low, second_high);
      x = _mm256_xor_si256(x, _mm256_srli_epi64(x, 31));
      x = _mm256_xor_si256(x, sign);
      least[v] = _mm256_blendv_epi8(least[v], x, _mm256_cmpgt_epi64(least[v], x));
    }
  }
  for (std::size_t v = 0; v < kVectors; ++v) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(&lows[v * kLanes]),
                        _mm256_xor_si256(least[v], sign));
  }
}

// GCC 12 takes the "undefined" source operand inside its AVX-512 shift and minimum intrinsics
// for an uninitialised variable (GCC bug 105593, fixed in GCC 13).
#if !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
__attribute__((target("avx512f,avx512dq"))) void lower_avx512(
    Lows& lows, std::span<const std::uint64_t> values) {
  constexpr std::size_t kLanes = 8;
  constexpr std::size_t kVectors = kHashes / kLanes;
  const __m512i first = _mm512_set1_epi64(static_cast<long long>(kFirstMultiplier));
  const __m512i second = _mm512_set1_epi64(static_cast<long long>(kSecondMultiplier));
  __m512i seeds[kVectors];
  __m512i least[kVectors];
  for (std::size_t v = 0; v < kVectors; ++v) {
    seeds[v] = _mm512_loadu_si512(&kSeeds[v * kLanes]);
    least[v] = _mm512_loadu_si512(&lows[v * kLanes]);
  }
  for (const std::uint64_t value : values) {
    const __m512i spread = _mm512_set1_epi64(static_cast<long long>(value));
    for (std::size_t v = 0; v < kVectors; ++v) {
      __m512i x = _mm512_xor_si512(spread, seeds[v]);
      x = _mm512_xor_si512(x, _mm512_srli_epi64(x, 30));
      x = _mm512_mullo_epi64(x, first);
      x = _mm512_xor_si512(x, _mm512_srli_epi64(x, 27));
      x = _mm512_mullo_epi64(x, second);
      x = _mm512_xor_si512(x, _mm512_srli_epi64(x, 31));
      least[v] = _mm512_min_epu64(least[v], x);
    }
  }
  for (std::size_t v = 0; v < kVectors; ++v) _mm512_storeu_si512(&lows[v * kLanes], least[v]);
}
#if !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif  // GALLEY_MIN_HASH_X86

using Lower = void (*)(Lows&, std::span<const std::uint64_t>);

/// The function that works out `path` (the portable one where the build has no other).
Lower lower_of(Path path) {
  switch (path) {
#ifdef GALLEY_MIN_HASH_X86
    case Path::avx2:
      return lower_avx2;
    case Path::avx512:
      return lower_avx512;
#else
    case Path::avx2:
    case Path::avx512:
      break;
#endif
    case Path::portable:
      break;
  }
  return lower_portable;
}

/// The fastest path this processor takes.
Path best_path() {
  if (supported(Path::avx512)) return Path::avx512;
  if (supported(Path::avx2)) return Path::avx2;
  return Path::portable;
}

}  // namespace

bool supported(Path path) {
  switch (path) {
    case Path::portable:
      return true;
#ifdef GALLEY_MIN_HASH_X86
    case Path::avx2:
      return __builtin_cpu_supports("avx2") != 0;
    case Path::avx512:
      return __builtin_cpu_supports("avx512f") != 0 && __builtin_cpu_supports("avx512dq") != 0;
#else
    case Path::avx2:
    case Path::avx512:
      return false;
#endif
  }
  return false;
}

void lower_to_min(Lows& lows, std::span<const std::uint64_t> values) {
  static const Lower lower = lower_of(best_path());
  lower(lows, values);
}

void lower_to_min(Path path, Lows& lows, std::span<const std::uint64_t> values) {
  assert(supported(path));
  lower_of(path)(lows, values);
}

}  // namespace galley::min_hash
