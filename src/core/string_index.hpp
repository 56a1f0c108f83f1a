#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace galley {

/// Distinct strings numbered from 0 in order of first insertion, in one open-addressed table:
/// a lookup reads an 8-byte slot (a 32-bit hash and the id) and, when the hash matches, the
/// string, where std::unordered_map read a bucket and two nodes. The strings are kept one after
/// another in one buffer, which a move of the index keeps in place; a moved-from index is empty.
/// Asked for every token of a document (the spelling checks' forms, the duplicate search's
/// words): offsets are 32-bit, and a document of 4 GiB or more is never checked.
class StringIndex {
 public:
  /// Returned by find() for a string not in the index.
  static constexpr std::uint32_t kAbsent = UINT32_MAX;

  /// Makes room for `strings` distinct strings without rehashing.
  void reserve(std::size_t strings);
  /// The id of `text`, and true when it was added now.
  std::pair<std::uint32_t, bool> insert(std::string_view text);
  /// The id of `text`, added if new.
  std::uint32_t intern(std::string_view text) { return insert(text).first; }
  /// The id of `text`, or kAbsent.
  [[nodiscard]] std::uint32_t find(std::string_view text) const;
  /// The string of `id`; valid until the next insertion.
  [[nodiscard]] std::string_view text(std::uint32_t id) const {
    const std::uint32_t begin = id == 0 ? 0 : end_[id - 1];
    return {chars_.data() + begin, end_[id] - begin};
  }
  /// The number of distinct strings.
  [[nodiscard]] std::size_t size() const { return end_.size(); }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t id_plus_one = 0;  ///< 0: empty.
  };
  /// The slot holding `text`, or the empty slot where it would go.
  [[nodiscard]] std::size_t slot_of(std::string_view text, std::uint32_t hash) const;
  /// Moves the slots to a table of `slots` (a power of two, more than twice the strings).
  void rehash(std::size_t slots);

  std::vector<Slot> slots_;         ///< A power of two, at most half full.
  std::vector<char> chars_;         ///< The strings, one after another.
  std::vector<std::uint32_t> end_;  ///< By id: where its string ends in chars_.
};

}  // namespace galley
