#include "core/string_index.hpp"

#include <algorithm>
#include <functional>

#include "core/string_hash.hpp"

namespace galley {
namespace {

constexpr std::size_t kFirstSlots = 16;

std::uint32_t hash_of(std::string_view text) {
  return static_cast<std::uint32_t>(word_hash(text));
}

}  // namespace

void StringIndex::reserve(std::size_t strings) {
  std::size_t slots = kFirstSlots;
  while (slots < 2 * strings) slots *= 2;
  if (slots > slots_.size()) rehash(slots);
  end_.reserve(strings);
}

std::size_t StringIndex::slot_of(std::string_view text, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].id_plus_one != 0 &&
         (slots_[i].hash != hash || this->text(slots_[i].id_plus_one - 1) != text)) {
    i = (i + 1) & mask;
  }
  return i;
}

std::pair<std::uint32_t, bool> StringIndex::insert(std::string_view text) {
  if (2 * (size() + 1) > slots_.size()) rehash(std::max(kFirstSlots, 2 * slots_.size()));
  const std::uint32_t hash = hash_of(text);
  Slot& slot = slots_[slot_of(text, hash)];
  if (slot.id_plus_one != 0) return {slot.id_plus_one - 1, false};
  const auto id = static_cast<std::uint32_t>(size());
  chars_.insert(chars_.end(), text.begin(), text.end());
  end_.push_back(static_cast<std::uint32_t>(chars_.size()));
  slot = {hash, id + 1};
  return {id, true};
}

std::uint32_t StringIndex::find(std::string_view text) const {
  if (slots_.empty()) return kAbsent;
  const Slot& slot = slots_[slot_of(text, hash_of(text))];
  return slot.id_plus_one == 0 ? kAbsent : slot.id_plus_one - 1;
}

// Each string is placed again by the hash its slot keeps; the strings stay where they are.
void StringIndex::rehash(std::size_t slots) {
  std::vector<Slot> old(slots);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id_plus_one == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace galley
