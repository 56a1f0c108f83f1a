// ICU matches well-formed text in UTF-16 and other text through UText: either way a match's span
// is in bytes of the UTF-8 text, whether the text is ASCII, has 2-, 3- and 4-byte sequences, or
// has ill-formed bytes; windows given in bytes select the same matches.
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "rules/rule_regex.hpp"
#include "segment/icu_text.hpp"

namespace galley {
namespace {

/// The byte spans of every match of `expression` in `text`, scanned through one IcuText.
std::vector<Span> spans_of(std::string_view expression, std::string_view text,
                           const std::vector<ScanWindow>* windows = nullptr) {
  RegexError error;
  const SharedPattern pattern = compile_regex(expression, {}, error);
  REQUIRE(pattern);
  IcuText prepared;
  prepared.assign(text);
  RegexScanner scanner(*pattern);
  if (windows != nullptr) {
    scanner.reset(prepared, *windows);
  } else {
    scanner.reset(prepared);
  }
  std::vector<Span> out;
  while (scanner.next() == ScanResult::match) out.push_back(*scanner.span(0));
  return out;
}

}  // namespace

TEST_CASE("regex spans are byte spans of the UTF-8 text", "[rules][regex-text]") {
  CHECK(spans_of("b+", "abba b") == std::vector<Span>{{1, 3}, {5, 6}});
  // é is 2 bytes, € 3, the emoji 4 (two UTF-16 units).
  const std::string text = "\xC3\xA9x \xE2\x82\xAC x \xF0\x9F\x98\x80x \xF0\x9F\x98\x80";
  CHECK(spans_of("x", text) == std::vector<Span>{{2, 3}, {8, 9}, {14, 15}});
  CHECK(spans_of("\\p{So}", text) == std::vector<Span>{{10, 14}, {16, 20}});
  CHECK(spans_of("\\u20AC x", text) == std::vector<Span>{{4, 9}});
  // Lookbehind across a 4-byte sequence.
  CHECK(spans_of("(?<=\\p{So})x", text) == std::vector<Span>{{14, 15}});
}

TEST_CASE("regex spans stay exact far into a long non-ASCII text", "[rules][regex-text]") {
  std::string text;
  std::vector<Span> expected;
  for (int i = 0; i < 500; ++i) {
    text += "\xF0\x9F\x98\x80 \xC3\xA9";  // 4 + 1 + 2 bytes, 2 + 1 + 1 UTF-16 units.
    expected.push_back({text.size(), text.size() + 1});
    text += "x\xE2\x80\x94";
  }
  CHECK(spans_of("x", text) == expected);
}

TEST_CASE("ill-formed UTF-8 is matched through UText with byte spans", "[rules][regex-text]") {
  const std::string text =
      "a\xFF"
      "b \xC3\xA9\xE2\x82"
      "b \xC3\xA9"
      "b";
  CHECK(spans_of("b", text) == std::vector<Span>{{2, 3}, {8, 9}, {12, 13}});
  CHECK(spans_of("\\x{FFFD}b", text) == std::vector<Span>{{1, 3}, {6, 9}});
}

TEST_CASE("windows in bytes select matches in non-ASCII text", "[rules][regex-text]") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "\xE2\x80\x94tk ";  // "—tk " is 6 bytes.
  const std::vector<ScanWindow> windows = {{{0, 4}, 12}, {{60, 66}, 74}, {{200, 240}, 248}};
  CHECK(spans_of("tk", text, &windows) == std::vector<Span>{{3, 5},
                                                            {63, 65},
                                                            {201, 203},
                                                            {207, 209},
                                                            {213, 215},
                                                            {219, 221},
                                                            {225, 227},
                                                            {231, 233},
                                                            {237, 239}});
}

}  // namespace galley

namespace galley {

TEST_CASE("IcuText maps byte and unit offsets both ways, asked in any order",
          "[segment][regex-text]") {
  // a é € 😀 b: bytes 0 1-2 3-5 6-9 10; units 0 1 2 3-4 5.
  const std::string text =
      "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
      "b";
  IcuText prepared;
  prepared.assign(text);
  const std::vector<std::pair<std::size_t, int64_t>> byte_unit{{0, 0}, {1, 1},  {3, 2},
                                                               {6, 3}, {10, 5}, {11, 6}};
  for (const auto& [byte, unit] : byte_unit) CHECK(prepared.native(byte) == unit);
  // Forwards, backwards, then forwards again: the cursor must follow.
  for (const auto& [byte, unit] : byte_unit) CHECK(prepared.byte_offset(unit) == byte);
  for (auto it = byte_unit.rbegin(); it != byte_unit.rend(); ++it)
    CHECK(prepared.byte_offset(it->second) == it->first);
  CHECK(prepared.byte_offset(5) == 10);
  CHECK(prepared.byte_offset(2) == 3);
  CHECK(prepared.byte_offset(6) == 11);
  // Ill-formed text is read as it stands: native indexes are byte offsets.
  prepared.assign(
      "\xC3\xA9\xFF"
      "x");
  CHECK_FALSE(prepared.well_formed());
  CHECK(prepared.native(3) == 3);
  CHECK(prepared.byte_offset(3) == 3);
}

// ASCII is converted eight bytes at a time: a non-ASCII letter or an ill-formed byte at any
// place, before, across or after an eight-byte step, must read back as ICU reads the UTF-8.
TEST_CASE("IcuText reads back every code point wherever ASCII steps stop", "[segment][regex-text]") {
  for (std::size_t length = 0; length <= 26; ++length) {
    for (std::size_t at = 0; at <= length; ++at) {
      for (const std::string& insert : {std::string("\xC3\xA9"), std::string("\xFF"), std::string("Q")}) {
        std::string text;
        for (std::size_t i = 0; i < length; ++i) text += static_cast<char>('a' + i % 26);
        text.insert(at, insert);
        IcuText prepared;
        prepared.assign(text);
        std::u32string read;
        utext_setNativeIndex(prepared.utext(), 0);
        for (UChar32 c = utext_next32(prepared.utext()); c >= 0; c = utext_next32(prepared.utext()))
          read.push_back(static_cast<char32_t>(c));
        std::u32string expected;
        const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
        for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1))
          expected.push_back(static_cast<char32_t>(unicode.char32At(i)));
        INFO("length " << length << ", insert at " << at << ", " << insert.size() << " bytes");
        CHECK(read == expected);
        CHECK(prepared.byte_offset(prepared.native(text.size())) == text.size());
      }
    }
  }
}

}  // namespace galley

namespace galley {

TEST_CASE("scanners sharing one IcuText, their calls interleaved, find what each finds alone",
          "[rules][regex-text]") {
  // Each scanner asks for offsets in its own order: the cursor goes back and forth, and far
  // ahead (a binary search past a few steps).
  std::string text;
  for (int i = 0; i < 400; ++i) text += i % 7 == 0 ? "x \xC3\xA9t\xC3\xA9 " : "\xE2\x82\xAC y ";
  RegexError error;
  const SharedPattern xs = compile_regex("x", {}, error);
  const SharedPattern ys = compile_regex("y", {}, error);
  REQUIRE(xs);
  REQUIRE(ys);
  IcuText prepared;
  prepared.assign(text);
  RegexScanner first(*xs);
  RegexScanner second(*ys);
  first.reset(prepared);
  second.reset(prepared);
  std::vector<Span> found_x;
  std::vector<Span> found_y;
  bool more_x = true;
  bool more_y = true;
  while (more_x || more_y) {
    if (more_x && (more_x = first.next() == ScanResult::match)) found_x.push_back(*first.span(0));
    for (int twice = 0; twice < 2 && more_y; ++twice) {
      if ((more_y = second.next() == ScanResult::match)) found_y.push_back(*second.span(0));
    }
  }
  CHECK(found_x == spans_of("x", text));
  CHECK(found_y == spans_of("y", text));
  CHECK(found_x.size() == 58);
  CHECK(found_y.size() == 342);
}

TEST_CASE("a text over the converted size is read through UText with byte offsets",
          "[segment][regex-text]") {
  std::string text(IcuText::kConvertedUpTo, 'a');
  text += " \xC3\xA9x";
  IcuText prepared;
  prepared.assign(text);
  CHECK(prepared.well_formed());
  CHECK(prepared.native(text.size() - 1) == static_cast<int64_t>(text.size() - 1));
  CHECK(prepared.byte_offset(static_cast<int64_t>(text.size())) == text.size());
  CHECK(spans_of("x", text) == std::vector<Span>{{text.size() - 1, text.size()}});
}

// A rule's expression may compile at its first use (checked_regex): whatever it compiles then
// must be what compile_regex compiles at load, and what compile_regex rejects it rejects.
TEST_CASE("checked expressions: the same pattern as compiled at once, and the same refusals",
          "[rules][regex-text]") {
  const auto matches = [](const icu::RegexPattern& pattern, std::string_view text) {
    RegexScanner scanner(pattern);
    scanner.reset(text);
    std::vector<Span> out;
    while (scanner.next() == ScanResult::match) out.push_back(*scanner.span(0));
    return out;
  };
  const std::string text = "Reach out to the team; outreach reached them. (?x) #";
  for (const RegexOptions options :
       {RegexOptions{true, true}, RegexOptions{false, true}, RegexOptions{false, false}}) {
    for (const std::string& expression : std::vector<std::string>{
             "reach(ed)? out", "(out)(reach)", "a)(?:b", "\\p{Lu}\\w+", "(?x) reach # note",
             "\\Qreach", "[unclosed", "(?<=a+)b", "(?x) reach \\ out", "[[a-z]&&[^x]]each",
             // Nesting near ICU's parser's limit (100), which the wrapper's group adds to.
             std::string(49, '(') + "reach" + std::string(49, ')'),
             std::string(98, '(') + "reach" + std::string(98, ')'),
             std::string(99, '(') + "reach" + std::string(99, ')')}) {
      CAPTURE(expression, options.case_sensitive, options.word_bounded);
      RegexError at_once_error;
      const SharedPattern at_once = compile_regex(expression, options, at_once_error);
      RegexError checked_error;
      const LazyPattern checked = checked_regex(expression, options, checked_error);
      REQUIRE(static_cast<bool>(checked) == static_cast<bool>(at_once));
      if (!at_once) {
        CHECK(checked_error.message == at_once_error.message);
        CHECK(checked_error.offset == at_once_error.offset);
        continue;
      }
      CHECK(checked.source() == at_once->pattern());
      CHECK(checked.flags() == at_once->flags());
      CHECK(checked.groups() == group_count(*at_once));
      CHECK(matches(checked.get(), text) == matches(*at_once, text));
    }
  }
  // "a)(?:b" compiles only within the wrapper, which closes what it opens: accepted, as before.
  RegexError error;
  CHECK(checked_regex("a)(?:b", {true, true}, error));
  CHECK_FALSE(checked_regex("a)(?:b", {true, false}, error));
}

TEST_CASE("checked expressions: threads asking at once share one compilation",
          "[rules][regex-text]") {
  RegexError error;
  const LazyPattern pattern = checked_regex("harbour|quay", {false, true}, error);
  REQUIRE(pattern);
  const LazyPattern copy = pattern;  // A rule copied before its first use shares the state.
  const icu::RegexPattern* seen[2] = {nullptr, nullptr};
  std::thread other([&] { seen[1] = &copy.get(); });
  seen[0] = &pattern.get();
  other.join();
  CHECK(seen[0] == seen[1]);
}

}  // namespace galley
