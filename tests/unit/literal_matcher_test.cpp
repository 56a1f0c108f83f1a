// The one-pass search for the `required` literals of all rules: every occurrence at its exact
// byte offset, overlapping ones too, ASCII letters in any case, UTF-8 literals byte for byte; and
// the windows it gives list rules, as one search per literal gave them.
#include "rules/literal_matcher.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/ascii.hpp"
#include "rules/required_literals.hpp"

namespace galley {
namespace {

/// (literal, begin) of every hit of `literals` in `text`, sorted.
std::vector<std::pair<std::size_t, std::size_t>> hits_of(const std::vector<std::string>& literals,
                                                         std::string_view text) {
  const LiteralMatcher matcher(literals);
  std::vector<LiteralHit> hits;
  matcher.find_all(text, hits);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const LiteralHit& hit : hits) out.emplace_back(hit.literal, hit.begin);
  std::sort(out.begin(), out.end());
  return out;
}

/// The same by brute force over the lower-cased text with each run of white space made one
/// space (in the literals too), a hit's offset mapped back to the text; or, with `last_bytes`,
/// (the byte its last character was read at, literal), sorted.
std::vector<std::pair<std::size_t, std::size_t>> brute_hits(
    const std::vector<std::string>& literals, std::string_view text, bool last_bytes = false) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  const auto collapse = [&](std::string_view from, std::vector<std::size_t>* at) {
    std::string out;
    for (std::size_t i = 0; i < from.size(); ++i) {
      if (space(from[i]) && i > 0 && space(from[i - 1])) continue;
      out += space(from[i]) ? ' ' : ascii_lower(from.substr(i, 1))[0];
      if (at != nullptr) at->push_back(i);
    }
    return out;
  };
  std::vector<std::size_t> at;
  const std::string lowered = collapse(text, &at);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < literals.size(); ++i) {
    const std::string literal = collapse(literals[i], nullptr);
    for (std::size_t pos = lowered.find(literal); pos != std::string::npos;
         pos = lowered.find(literal, pos + 1)) {
      if (last_bytes) {
        out.emplace_back(at[pos + literal.size() - 1], i);
      } else {
        out.emplace_back(i, at[pos]);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Rule list_rule(std::vector<std::string> required, std::vector<std::string> entries = {}) {
  Rule rule;
  rule.kind = RuleKind::phrase_list;
  rule.required = std::move(required);
  for (std::string& entry : entries) rule.entries.push_back({std::move(entry), {}});
  return rule;
}

/// (start begin, start end, limit) of each window.
std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> windows_of(
    const std::vector<ScanWindow>& windows) {
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> out;
  for (const ScanWindow& window : windows)
    out.emplace_back(window.starts.begin, window.starts.end, window.limit);
  return out;
}

using Windows = std::vector<std::tuple<std::size_t, std::size_t, std::size_t>>;

}  // namespace

TEST_CASE("the literal matcher finds every occurrence at its byte offset", "[rules][literals]") {
  using Hits = std::vector<std::pair<std::size_t, std::size_t>>;
  CHECK(hits_of({"note"}, "A NOTE, a note and a Note.") == Hits{{0, 2}, {0, 10}, {0, 21}});
  CHECK(hits_of({"abc"}, "").empty());
  CHECK(hits_of({"xyz"}, "no such thing").empty());
  // Overlapping and nested literals, and a literal inside another.
  CHECK(hits_of({"aa", "aaa", "a"}, "aaaa") ==
        Hits{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {2, 0}, {2, 1}, {2, 2}, {2, 3}});
  CHECK(hits_of({"he", "she", "his", "hers"}, "ushers") == Hits{{0, 2}, {1, 1}, {3, 2}});
  // White space in the text is a space: hard-wrapped paragraphs break lines between words.
  CHECK(hits_of({"could of", " then"}, "could\nof; rather\r\nthen, could\tof, more\fthen") ==
        Hits{{0, 0}, {0, 24}, {1, 16}, {1, 38}});
  // A run of white space is one space, in the text and in a literal; a hit spans the run.
  CHECK(hits_of({"could of", "in\n  order"}, "could \r\n  of, in order") == Hits{{0, 0}, {1, 14}});
  const LiteralMatcher matcher({"could of"});
  std::vector<LiteralHit> hits;
  matcher.find_all("He could\r\n   of", hits);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].begin == 3);
  CHECK(hits[0].end == 15);
  // A duplicate literal is reported under each of its indexes.
  CHECK(hits_of({"tk", "tk"}, "TK") == Hits{{0, 0}, {1, 0}});
}

TEST_CASE("the literal matcher compares UTF-8 literals byte for byte", "[rules][literals]") {
  using Hits = std::vector<std::pair<std::size_t, std::size_t>>;
  const std::vector<std::string> literals = {"\xC2\xAB", "\xC2\xA3x", "\xE2\x82\xAC x",
                                             "$x",       "{{",        "*"};
  // «x» £X 5 € x {{a}} *: « is 2 bytes, £ 2, € 3.
  const std::string text = "\xC2\xABx\xC2\xBB \xC2\xA3X 5 \xE2\x82\xAC x {{{a}} *";
  CHECK(hits_of(literals, text) == Hits{{0, 0}, {1, 6}, {2, 12}, {4, 18}, {4, 19}, {5, 25}});
  // A lead byte alone, or the same bytes in another order, is no match.
  CHECK(hits_of(literals, "\xC2 \xAB\xC2").empty());
  // Only ASCII letters fold: an upper-case literal never matches, as in lower-cased text.
  CHECK(hits_of({"\xC3\xA9t\xC3\xA9", "Tk"}, "\xC3\x89T\xC3\x89 \xC3\xA9T\xC3\xA9 tk TK") ==
        Hits{{0, 6}});
}

TEST_CASE("the literal matcher agrees with a search of the lower-cased text", "[rules][literals]") {
  const std::vector<std::string> literals = {
      "in order",     "order", "ord",  "x",   "xx", "$x", "$ x", "$  x",
      "\xE2\x82\xAC", "tk",    "here", "the", "e",  "e ", " i"};
  std::string text;
  std::uint32_t seed = 7;
  const std::string alphabet = "InOrDeR xX$\xE2\x82\xAC tkHhE\n\t \r\n  ";
  for (int i = 0; i < 5000; ++i) {
    seed = seed * 1103515245U + 12345U;
    text += alphabet[(seed >> 16U) % alphabet.size()];
  }
  CHECK(hits_of(literals, text) == brute_hits(literals, text));
  // Runs of white space read in the transitions, whether or not a literal has a space (without
  // one, white space shares its column with every byte of no literal), opens with one or ends
  // with one.
  for (const std::vector<std::string>& set :
       std::vector<std::vector<std::string>>{{"order", "ord", "x", "xx", "tk", "the", "e"},
                                             {" in", " x", "order"},
                                             {"e ", "x  ", "here"},
                                             {" ", "x"}}) {
    INFO(set.front());
    CHECK(hits_of(set, text) == brute_hits(set, text));
  }
}

TEST_CASE("required literals decide which rules run and where lists look", "[rules][literals]") {
  RuleSet set;
  set.rules.push_back(list_rule({"order", "present"}));
  set.rules.push_back(list_rule({}));                     // Requires nothing: always runs.
  set.rules.push_back(list_rule({"\xC2\xA3", "order"}));  // Shares a literal with rule 0.
  RequiredLiterals required(set, RuleScope::prose);

  required.find("Nothing here.");
  CHECK_FALSE(required.may_match(0));
  CHECK(required.may_match(1));
  CHECK_FALSE(required.may_match(2));

  // "order" at 3 and 28, "present" at 16, "£" (two bytes) at 34.
  const std::string text = "In ORDER to, at present, in order \xC2\xA3";
  required.find(text);
  CHECK(required.may_match(0));
  CHECK(required.may_match(2));
  // Windows start `lead` bytes before each occurrence and end after it; close ones merge.
  CHECK(windows_of(required.windows(0, 2)) == Windows{{1, 8, 10}, {14, 23, 25}, {26, 33, 35}});
  CHECK(windows_of(required.windows(0, 5)) == Windows{{0, 8, 13}, {11, 33, 38}});
  CHECK(windows_of(required.windows(2, 0)) == Windows{{3, 8, 8}, {28, 33, 33}, {34, 36, 36}});

  required.find("");  // The previous text's hits are forgotten.
  CHECK_FALSE(required.may_match(0));
  CHECK_FALSE(required.may_match(2));
}

}  // namespace galley

namespace galley {

TEST_CASE("a list rule looks only where all words of one entry fit", "[rules][literals]") {
  RuleSet set;
  set.rules.push_back(list_rule({"the"}, {"at the end of the day"}));
  set.rules.push_back(list_rule({"the"}, {"at the end of the day", "x y"}));  // Short words.
  RequiredLiterals required(set, RuleScope::prose);

  // "the" at 3, 13 and 24; "end" at 17, "day" at 28.
  required.find("xx the yy at the end of the day zz");
  CHECK(required.may_match(0));
  // One window, merged from three; its limit stays, but no match can start after "end".
  CHECK(windows_of(required.windows(0, 10)) == Windows{{0, 18, 37}});
  // An entry without a word of three letters or more could match anywhere: no narrowing.
  CHECK(windows_of(required.windows(1, 10)) == Windows{{0, 27, 37}});

  // Words too far apart for a window's limit: that window goes.
  required.find("the day. " + std::string(40, '.') + " the end");
  CHECK(required.may_match(0));
  CHECK(windows_of(required.windows(0, 4)).empty());

  required.find("xx the yy at the end of the night zz");
  CHECK_FALSE(required.may_match(0));
  CHECK(required.may_match(1));

  // ICU folds U+017F (long s) to "s": such text is never narrowed.
  required.find("xx the yy at the end of the night \xC5\xBF");
  CHECK(required.may_match(0));
  CHECK(windows_of(required.windows(0, 10)) == Windows{{0, 27, 37}});
}

TEST_CASE("a list entry's word counts only where a match could hold it", "[rules][literals]") {
  RuleSet set;
  set.rules.push_back(list_rule({"able"}, {"is able to"}));  // Between spaces: always whole.
  set.rules.push_back(list_rule({"ability"}, {"ability"}));  // Its edges may be inside a word,
  set.rules.push_back(list_rule({"ability"}, {"ability"}));  // unless the rule is word-bounded.
  set.rules[2].word_bounded = true;
  RequiredLiterals required(set, RuleScope::prose);

  required.find("It is available to all, with disability access.");
  CHECK_FALSE(required.may_match(0));
  CHECK(required.may_match(1));
  CHECK_FALSE(required.may_match(2));

  // Whole words: at the text's ends, and beside punctuation, white space or a non-ASCII byte.
  required.find(
      "Able to: (ability) and \xE2\x80\x9C"
      "ability\xE2\x80\x9D is able");
  CHECK(required.may_match(0));
  CHECK(required.may_match(2));
  CHECK(windows_of(required.windows(2, 0)) == Windows{{10, 11, 17}, {26, 27, 33}});
  CHECK(windows_of(required.windows(0, 3)) == Windows{{0, 1, 7}, {37, 41, 47}});
}

}  // namespace galley

namespace galley {

// A text of 256 bytes or more is searched as two halves at once, the second starting a
// literal's length early: the hits, in order, must be a single search's, at every length and
// with literals across the middle.
TEST_CASE("the literal matcher's two halves give one search's hits in order", "[rules][literals]") {
  const std::vector<std::string> literals = {"abcabcabcab", "ab",        "bca", "c",       "cab",
                                             "aaaa",        "b\xC3\xA9", "c a", "b\n\tc b"};
  const std::string alphabet = "abcABCa\xC3\xA9 \n\r\t";
  const LiteralMatcher matcher(literals);
  std::uint32_t seed = 11;
  std::size_t long_texts = 0;
  for (std::size_t length = 200; length <= 700; length += 7) {
    std::string text;
    while (text.size() < length) {
      seed = seed * 1103515245U + 12345U;
      // Runs of "abc" now and then, so that the longest literal crosses the middle, and long
      // runs of white space inside literals that cross it.
      const std::uint32_t pick = seed >> 28U;
      text += pick == 0   ? std::string("abcabcabcabc")
              : pick == 1 ? "b" + std::string((seed >> 8U) % 40, ' ') + "c \r\n b"
                          : std::string(1, alphabet[(seed >> 16U) % alphabet.size()]);
    }
    std::vector<LiteralHit> hits;
    matcher.find_all(text, hits);
    std::vector<std::pair<std::size_t, std::size_t>> found;  // (last byte, literal)
    std::vector<std::pair<std::size_t, std::size_t>> begins;  // (literal, first byte)
    for (const LiteralHit& hit : hits) {
      found.emplace_back(hit.end - 1, hit.literal);
      begins.emplace_back(hit.literal, hit.begin);
    }
    const auto expected = brute_hits(literals, text, true);
    std::sort(begins.begin(), begins.end());
    CHECK(begins == brute_hits(literals, text));
    INFO("length " << text.size());
    CHECK(found == expected);  // Unsorted: find_all's own order.
    if (text.size() >= 256) ++long_texts;
  }
  CHECK(long_texts > 50);
}

}  // namespace galley
