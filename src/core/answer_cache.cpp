#include "core/answer_cache.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

namespace galley {
namespace {

constexpr std::size_t kFirstSlots = 1024;
constexpr std::uint8_t kLongKey = 255;

}  // namespace

AnswerCache::AnswerCache(std::size_t capacity)
    : capacity_(std::max<std::size_t>(capacity, 1)), slots_(kFirstSlots) {}

bool AnswerCache::holds(const Slot& slot, std::uint64_t hash, std::string_view key) const {
  if (slot.hash != hash) return false;
  if (slot.length != kLongKey) {
    // No memcmp for the empty key: its data() may be null, which memcmp may not be given.
    return slot.length == key.size() &&
           (key.empty() || std::memcmp(slot.key, key.data(), key.size()) == 0);
  }
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::memcpy(&offset, slot.key, sizeof offset);
  std::memcpy(&length, slot.key + sizeof offset, sizeof length);
  return std::string_view(long_keys_).substr(offset, length) == key;
}

std::optional<bool> AnswerCache::find(std::string_view key) const {
  const std::uint64_t hash = hash_of(key);
  for (std::size_t i = index_of(hash);; i = (i + 1) & (slots_.size() - 1)) {
    const Slot& slot = slots_[i];
    if (slot.state == 0) return std::nullopt;
    if (holds(slot, hash, key)) return slot.state == 2;
  }
}

void AnswerCache::insert(std::string_view key, bool answer) {
  if (size_ >= capacity_) {
    slots_.assign(kFirstSlots, Slot{});
    long_keys_.clear();
    size_ = 0;
  }
  if (2 * (size_ + 1) > slots_.size()) grow();
  place(hash_of(key), key, answer);
  ++size_;
}

void AnswerCache::place(std::uint64_t hash, std::string_view key, bool answer) {
  std::size_t i = index_of(hash);
  while (slots_[i].state != 0) i = (i + 1) & (slots_.size() - 1);
  Slot& slot = slots_[i];
  slot.hash = hash;
  slot.state = answer ? 2 : 1;
  if (key.size() <= kInline) {
    slot.length = static_cast<std::uint8_t>(key.size());
    if (!key.empty()) std::memcpy(slot.key, key.data(), key.size());
    return;
  }
  const auto offset = static_cast<std::uint32_t>(long_keys_.size());
  const auto length = static_cast<std::uint32_t>(key.size());
  long_keys_.append(key);
  slot.length = kLongKey;
  std::memcpy(slot.key, &offset, sizeof offset);
  std::memcpy(slot.key + sizeof offset, &length, sizeof length);
}

// Doubling moves each slot to its place in the larger array; long keys stay where they are.
void AnswerCache::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  for (const Slot& slot : old) {
    if (slot.state == 0) continue;
    std::size_t i = index_of(slot.hash);
    while (slots_[i].state != 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = slot;
  }
}

}  // namespace galley
