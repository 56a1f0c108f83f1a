#include "core/byte_set.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace galley {

TEST_CASE("next_in: the first byte of the set from a position on, wherever it falls", "[core]") {
  constexpr ByteSet kMarks = byte_set(",.\xE2");
  // One mark at every place of the eight-byte steps, looked for from every position before,
  // at and after it: the steps must neither skip a mark nor stop short of one.
  for (std::size_t length = 0; length < 27; ++length) {
    for (std::size_t mark = 0; mark <= length; ++mark) {
      std::string text(length, 'a');
      if (mark < length) text[mark] = mark % 2 == 0 ? ',' : '\xE2';
      for (std::size_t from = 0; from <= length; ++from) {
        const std::size_t expected = mark < length && from <= mark ? mark : length;
        INFO("length " << length << ", mark at " << mark << ", from " << from);
        CHECK(next_in(text, from, kMarks) == expected);
      }
    }
  }
  // Two marks in one step: the first is found, then the second from just after it.
  const std::string two = "abc.de,fghij";
  CHECK(next_in(two, 0, kMarks) == 3);
  CHECK(next_in(two, 4, kMarks) == 6);
  CHECK(next_in(two, 7, kMarks) == two.size());
  // From past the end (a check's first place in a text shorter than it): nothing, at once.
  CHECK(next_in(two, two.size() + 3, kMarks) == two.size());
  CHECK(next_in("", 1, kMarks) == 0);
  CHECK_FALSE(kMarks[static_cast<unsigned char>('a')]);
  CHECK(kMarks[0xE2]);
}

}  // namespace galley
