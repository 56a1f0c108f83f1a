// StringIndex numbers strings for the spelling checks' forms and the duplicate search's words:
// ids in order of first insertion, one per distinct string, whatever the table's growth.
#include "core/string_index.hpp"
#include "core/string_hash.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace galley {

TEST_CASE("string index: ids in order of first use, one per distinct string, through growth",
          "[core]") {
  StringIndex index;
  CHECK(index.find("harbour") == StringIndex::kAbsent);  // Empty: no table yet.
  std::vector<std::string> strings;
  // 7919 is prime to 5000: every number below 5000 once, out of order.
  for (std::size_t n = 0; n < 5000; ++n) strings.push_back("w" + std::to_string(n * 7919 % 5000));
  strings.push_back("");  // The empty string is a string like another.
  for (std::size_t n = 0; n < strings.size(); ++n) {
    CHECK(index.insert(strings[n]) == std::pair<std::uint32_t, bool>(n, true));
  }
  REQUIRE(index.size() == strings.size());
  index.reserve(20000);  // Moves the slots; the ids stay.
  for (std::size_t n = 0; n < strings.size(); ++n) {
    CHECK(index.insert(strings[n]) == std::pair<std::uint32_t, bool>(n, false));
    CHECK(index.find(strings[n]) == n);
    CHECK(index.text(static_cast<std::uint32_t>(n)) == strings[n]);
  }
  CHECK(index.find("w5000") == StringIndex::kAbsent);
  CHECK(index.intern("w5000") == strings.size());
  CHECK(index.size() == strings.size() + 1);
}

TEST_CASE("string index: a move keeps the strings where views of them point", "[core]") {
  // SpellDocument's groups of forms view the index's strings, and the document is moved.
  StringIndex index;
  index.intern("a");  // Short enough for a string's own buffer, which a move would not keep.
  const std::string_view before = index.text(0);
  const StringIndex moved = std::move(index);
  CHECK(moved.text(0).data() == before.data());
  CHECK(moved.text(0) == "a");
  // The moved-from index is empty and serves again (NOLINT: use after move is the point).
  CHECK(index.size() == 0);  // NOLINT(bugprone-use-after-move)
  CHECK(index.find("a") == StringIndex::kAbsent);
  CHECK(index.intern("b") == 0);
  CHECK(index.text(0) == "b");
}

}  // namespace galley

namespace galley {

// The tables asked about every token hash with word_hash: each byte of a key must count, at
// every length, through the overlapping 8-byte and 4-byte steps and the 1-3 byte tail.
TEST_CASE("word hash: every byte and the length count", "[core]") {
  std::set<std::uint64_t> seen;
  std::size_t keys = 0;
  for (std::size_t length = 0; length <= 20; ++length) {
    const std::string base(length, 'a');
    seen.insert(word_hash(base));
    ++keys;
    for (std::size_t at = 0; at < length; ++at) {
      for (const char c : {'b', 'A', '\0', '\xC3'}) {
        std::string changed = base;
        changed[at] = c;
        seen.insert(word_hash(changed));
        ++keys;
      }
    }
  }
  CHECK(seen.size() == keys);  // No two of these keys alike: every byte and length counted.
  CHECK(word_hash("colour") == word_hash(std::string("colour")));
  CHECK(StringHash{}(std::string_view("harbour")) == word_hash("harbour"));
}

}  // namespace galley
