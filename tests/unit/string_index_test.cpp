// StringIndex numbers strings for the spelling checks' forms and the duplicate search's words:
// ids in order of first insertion, one per distinct string, whatever the table's growth.
#include "core/string_index.hpp"

#include <catch2/catch.hpp>
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
