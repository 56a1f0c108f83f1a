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

TEST_CASE("an offset inside a multi-byte character gives that character's column", "[source]") {
  // Found by fuzz_config: pugixml's error offset fell on the last byte of U+F582 at the end of a
  // line, and the column pointed past the line's end.
  const SourceText text("t.xml", "ab\xEF\x96\x82\ncd");
  CHECK(text.locate(2).column == 3);
  CHECK(text.locate(3).column == 3);
  CHECK(text.locate(4).column == 3);
  CHECK(text.locate(5).column == 4);
  // Ill-formed bytes still count one column each.
  const SourceText invalid("t.txt", "a\x96\x96" "b");
  CHECK(invalid.locate(2).column == 3);
  CHECK(invalid.locate(3).column == 4);
}

}  // namespace galley
