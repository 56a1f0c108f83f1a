#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/prefetch.hpp"
#include "core/string_hash.hpp"

namespace galley {

/// A bounded cache of yes/no answers about strings (is this word spelt right?) in one flat,
/// open-addressed array: a lookup reads one 32-byte slot holding the hash and, for keys up to
/// 22 bytes, the key itself, where std::unordered_map read a bucket, a node and the nodes
/// before it in the chain, each a cache miss once the cache outgrows the processor's. Asked
/// for every distinct form of every document of a batch.
class AnswerCache {
 public:
  /// A cache that holds up to `capacity` answers, then starts again empty.
  explicit AnswerCache(std::size_t capacity);

  /// The answer cached for `key`, if any.
  [[nodiscard]] std::optional<bool> find(std::string_view key) const;
  /// Asks the processor to bring the slot where `key` would be into its cache, for a find()
  /// soon after: lookups of words met one after another each wait for a miss, prefetched ones
  /// overlap.
  void prefetch(std::string_view key) const { galley::prefetch(&slots_[index_of(hash_of(key))]); }
  /// Caches `answer` for `key`, which is not cached yet; empties the cache first when full.
  void insert(std::string_view key, bool answer);
  /// Answers cached.
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t kInline = 22;  ///< Keys up to this long live in their slot.

  /// Aligned to its size, so that a slot never straddles two cache lines.
  struct alignas(32) Slot {
    std::uint64_t hash = 0;
    std::uint8_t state = 0;   ///< 0 empty, 1 answer no, 2 answer yes.
    std::uint8_t length = 0;  ///< Key length when inline; 255 when the key is in `long_keys_`.
    char key[kInline] = {};   ///< The key, or (long keys) its offset and length in `long_keys_`.
  };
  static_assert(sizeof(Slot) == 32);

  [[nodiscard]] static std::uint64_t hash_of(std::string_view key) { return word_hash(key); }
  [[nodiscard]] bool holds(const Slot& slot, std::uint64_t hash, std::string_view key) const;
  [[nodiscard]] std::size_t index_of(std::uint64_t hash) const {
    return hash & (slots_.size() - 1);
  }
  void place(std::uint64_t hash, std::string_view key, bool answer);
  void grow();

  std::size_t capacity_;
  std::size_t size_ = 0;
  std::vector<Slot> slots_;  ///< A power of two, at most half full.
  std::string long_keys_;    ///< The keys longer than kInline, one after another.
};

}  // namespace galley
