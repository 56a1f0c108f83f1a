#include "core/source_text.hpp"

#include <catch2/catch.hpp>

#include "core/utf8.hpp"

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
  const SourceText invalid("t.txt",
                           "a\x96\x96"
                           "b");
  CHECK(invalid.locate(2).column == 3);
  CHECK(invalid.locate(3).column == 4);
}

}  // namespace galley

namespace galley {

TEST_CASE("source text: columns on long lines match counting from the line start", "[source]") {
  // Lines of 20 KB with multi-byte characters, invalid bytes and CRs, between short lines: the
  // checkpoints every 4 KB must give exactly the naive count at every offset.
  std::string bytes = "short line\n";
  for (int line = 0; line < 3; ++line) {
    for (int i = 0; i < 2000; ++i)
      bytes += i % 7 == 0 ? "\xC3\xA9t\xE2\x80\x99 " : (i % 11 == 0 ? "\xFF\x80z " : "word ");
    bytes += "\r\nx\n";
  }
  const SourceText text("long.txt", bytes);
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t offset = 0; offset < bytes.size();) {
    const LineColumn got = text.locate(offset);
    REQUIRE(got.line == line);
    REQUIRE(got.column == column);
    const std::size_t length = utf8::sequence_length(bytes, offset);
    const bool newline = bytes[offset] == '\n';
    offset += length == 0 ? 1 : length;  // Steps as count_code_points does.
    column = newline ? 1 : column + 1;
    line += newline ? 1 : 0;
  }
}

TEST_CASE(
    "source text: its bytes stay put when it is copied or moved, and a moved-from one is empty",
    "[source]") {
  SourceText first("a.txt", std::string("ab\ncd"));  // Short enough to live inside a std::string.
  const void* bytes = first.bytes().data();  // Compared as pointers, not printed as C strings.
  const SourceText copy = first;
  CHECK(static_cast<const void*>(copy.bytes().data()) == bytes);
  SourceText moved = std::move(first);
  CHECK(static_cast<const void*>(moved.bytes().data()) == bytes);
  CHECK(moved.locate(4).line == 2);
  CHECK(first.bytes().empty());    // NOLINT(bugprone-use-after-move): what is tested.
  CHECK(first.line_count() == 0);  // NOLINT(bugprone-use-after-move)
}

TEST_CASE("invalid UTF-8 runs: exact spans wherever they fall among ASCII words", "[source]") {
  // The scan steps over ASCII eight bytes at a time: runs are put at every offset of that
  // stride, next to each other, at the very end, and next to well-formed multi-byte characters.
  const std::string latin1_e = "caf\xE9";           // One stray lead byte.
  const std::string two = "\x80\xBF";               // Two stray continuation bytes: one run.
  const std::string cut = "\xE2\x80";               // A three-byte sequence cut short.
  const std::string good = "\xC3\xA9\xE2\x80\x94";  // "é—", well formed.
  for (std::size_t lead = 0; lead < 17; ++lead) {
    const std::string pad(lead, 'a');
    const std::string text = pad + latin1_e + " x" + two + good + "yz" + cut;
    std::vector<std::pair<std::size_t, std::size_t>> expected;
    expected.emplace_back(lead + 3, lead + 4);
    expected.emplace_back(lead + 6, lead + 8);
    expected.emplace_back(text.size() - 2, text.size());
    CHECK(utf8::invalid_runs(text) == expected);
  }
  CHECK(utf8::invalid_runs("plain ASCII, longer than eight bytes").empty());
  CHECK(utf8::invalid_runs(good + good + "twelve bytes" + good).empty());
}

TEST_CASE("printable_eight: every byte value at every place of the eight", "[source]") {
  for (std::size_t place = 0; place < 8; ++place) {
    for (unsigned value = 0; value < 256; ++value) {
      std::string text(9, 'a');
      text[place] = static_cast<char>(value);
      INFO("byte " << value << " at " << place);
      CHECK(utf8::printable_eight(text, 0) == (value >= 0x20 && value <= 0x7E));
      CHECK(utf8::printable_eight(text, 1) == (place == 0 || (value >= 0x20 && value <= 0x7E)));
    }
  }
  // A byte below the space next to one at or above it: a borrow must not hide or invent one.
  CHECK_FALSE(utf8::printable_eight(std::string("\x1F ~~~~~~~"), 0));
  CHECK_FALSE(utf8::printable_eight(std::string(" \x1F\x7F     "), 0));
  CHECK(utf8::printable_eight(std::string("  ~~ !} "), 0));
  CHECK_FALSE(utf8::printable_eight("short", 0));  // Fewer than eight bytes.
}

}  // namespace galley
