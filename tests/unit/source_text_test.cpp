#include <catch2/catch.hpp>

#include "core/source_text.hpp"

namespace galley {

TEST_CASE("lines and columns are 1-based, columns in code points", "[source]") {
  const SourceText text("t.txt", "ab\r\nc\xC3\xA9x\nlast");
  CHECK(text.line_count() == 3);
  CHECK(text.locate(0).line == 1);
  CHECK(text.locate(4).line == 2);
  CHECK(text.locate(4).column == 1);
  // "x" follows a two-byte "é": byte 7 is column 3.
  CHECK(text.locate(7).column == 3);
  CHECK(text.line_text(1) == "ab");
  CHECK(text.line_text(3) == "last");
  CHECK(text.locate(text.bytes().size()).line == 3);
}

}  // namespace galley
