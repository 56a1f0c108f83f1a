// The cautious reading of an expression's shape, and the windows it gives: searching only the
// runs of consumable characters around the literals finds exactly what a search of the whole
// text finds, for every built-in pattern rule the reading follows.
#include "rules/regex_shape.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "rules/required_literals.hpp"
#include "rules/rule_loader.hpp"

namespace galley {
namespace {

RegexShape shape_of(std::string_view expression, const std::vector<std::string>& literals,
                    bool case_sensitive = true) {
  RegexError error;
  const SharedPattern pattern = compile_regex(expression, {case_sensitive, false}, error);
  REQUIRE(pattern);
  return regex_shape(*pattern, literals);
}

std::vector<Span> all_spans(RegexScanner& scanner) {
  std::vector<Span> out;
  for (ScanResult result = scanner.next(); result == ScanResult::match; result = scanner.next())
    out.push_back(*scanner.span(0));
  return out;
}

}  // namespace

TEST_CASE("case variants are added as ICU's own closure adds them", "[rules]") {
  // Every code point the shortcut passes over has no case variant of its own.
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet others(u"[[:Changes_When_Casemapped:][:Changes_When_Casefolded:]]", status);
  REQUIRE(U_SUCCESS(status));
  others.complement();
  std::size_t with_variants = 0;
  for (int32_t r = 0; r < others.getRangeCount(); ++r) {
    for (UChar32 c = others.getRangeStart(r); c <= others.getRangeEnd(r); ++c) {
      icu::UnicodeSet one(c, c);
      one.closeOver(USET_CASE_INSENSITIVE);
      if (one.size() != 1) ++with_variants;
    }
  }
  CHECK(with_variants == 0);
  // And on the classes rules use, the result is the closure itself.
  for (const char16_t* pattern : {u"[^\\n]", u"[a-z]", u"[\\p{L}]", u"[k\\u00DF]", u"[\\u212A]",
                                  u"[\\p{Greek}0-9]", u"[\\u0000-\\U0010FFFF]", u"[^a-zA-Z]"}) {
    const icu::UnicodeString source(pattern);
    std::string printable;
    INFO("class " << source.toUTF8String(printable));
    icu::UnicodeSet ours(source, status);
    REQUIRE(U_SUCCESS(status));
    icu::UnicodeSet icus(ours);
    add_case_variants(ours);
    icus.closeOver(USET_CASE_INSENSITIVE);
    CHECK(ours == icus);
  }
}

TEST_CASE("the shape of an expression: what it consumes and the literal it holds",
          "[rules][shape]") {
  const RegexShape plain = shape_of("(?<!\\[)goes\\s+here", {"here"});
  CHECK(plain.known);
  CHECK(plain.holds_literal);
  CHECK(plain.consumed.contains(' '));
  CHECK(plain.consumed.contains('G'));        // Case variants are always included.
  CHECK_FALSE(plain.consumed.contains('['));  // Lookaround consumes nothing.
  CHECK_FALSE(plain.consumed.contains('.'));

  CHECK_FALSE(shape_of("(?:here)?x", {"here"}).holds_literal);
  CHECK(shape_of("(?:he)(?:re)+|x(?=y)here", {"here"}).holds_literal == false);
  CHECK(shape_of("he(?=r)re|(?:here){2}", {"here"}).holds_literal);
  CHECK(shape_of("(?i:NOTE)|a\\s?note", {"note"}, false).holds_literal);
  // A class keeps its white space, which UnicodeSet syntax would skip.
  CHECK(shape_of("[ \\t]+#", {"#"}).consumed.contains(' '));
  // Syntax the reading does not follow.
  CHECK_FALSE(shape_of("a.b", {"a"}).known);
  CHECK_FALSE(shape_of("(a)\\1", {"a"}).known);
  CHECK_FALSE(shape_of("[\\s\\w]+a", {"a"}).known);
  CHECK_FALSE(shape_of("(?x) a b", {"a"}).known);
  // Matches only at line starts: (?m)^ first, and no alternative at the top level.
  CHECK(shape_of("(?m)^(?:a|b)$", {"a"}).line_start);
  CHECK(shape_of("(?m)^[|(]a", {"a"}).line_start);
  CHECK(shape_of("(?m)^\\|a\\)", {"a"}).line_start);
  CHECK(shape_of("(?m)^a[[b][|]]", {"a"}).line_start);
  CHECK_FALSE(shape_of("(?m)^a|b", {"a"}).line_start);
  CHECK_FALSE(shape_of("(?m)^a[b]|c", {"a"}).line_start);
  CHECK_FALSE(shape_of("^a", {"a"}).line_start);  // Without (?m), ^ is the text's start.
  CHECK_FALSE(shape_of("a(?m)^b", {"a"}).line_start);
  CHECK_FALSE(shape_of("(?m)^a\\Q|\\E", {"a"}).line_start);
}

TEST_CASE("line starts: one window per line start within each window's starts", "[rules][shape]") {
  // LF, CR LF, CR, VT, FF, NEL, LS and PS end lines for ICU.
  const std::string text = "a\nb\r\nc\rd\ve\ff\xC2\x85g\xE2\x80\xA8h\xE2\x80\xA9i";
  std::vector<ScanWindow> windows{{{0, text.size()}, text.size()}};
  to_line_starts(text, windows);
  std::vector<std::size_t> starts;
  for (const ScanWindow& window : windows) {
    CHECK(window.starts.size() == 1);
    CHECK(window.limit == text.size());
    starts.push_back(window.starts.begin);
  }
  // The place between CR and LF (4) is kept: a match is tried there, and ^ refuses it.
  CHECK(starts == std::vector<std::size_t>{0, 2, 4, 5, 7, 9, 11, 14, 18, 22});
  std::vector<ScanWindow> inner{{{1, 3}, 4}, {{9, 11}, 14}};
  to_line_starts(text, inner);
  REQUIRE(inner.size() == 2);
  CHECK(inner[0].starts.begin == 2);
  CHECK(inner[0].limit == 4);
  CHECK(inner[1].starts.begin == 9);
}

TEST_CASE("shaped windows find what a whole search finds for every built-in pattern rule",
          "[rules][shape]") {
  const RuleSet set = load_rule_set(true, {});
  std::vector<std::string> pieces = {" ",
                                     "\r\n",
                                     "\r",
                                     "\f",
                                     "\xE2\x80\xA8",
                                     "\n###\n",
                                     "\n-30-",
                                     "\nENDS\n",
                                     "<p>",
                                     "</p>",
                                     "**",
                                     " ",
                                     "  ",
                                     "\n",
                                     ". ",
                                     ", ",
                                     "-",
                                     "[",
                                     "]",
                                     "(",
                                     ")",
                                     "{{",
                                     "}}",
                                     "%",
                                     "#",
                                     "*",
                                     "\xE2\x80\x94",
                                     "\xE2\x80\x99",
                                     "\xC3\xA9",
                                     "here",
                                     "there",
                                     "goes",
                                     "insert",
                                     "text",
                                     "Headline",
                                     "NOTE",
                                     "note",
                                     "to",
                                     "editors",
                                     "TODO",
                                     "TK",
                                     "XX",
                                     "30",
                                     "END",
                                     "ends",
                                     "lorem",
                                     "ipsum",
                                     "Comment",
                                     "GM1",
                                     "click",
                                     "quote",
                                     "your",
                                     "The",
                                     "a",
                                     "day"};
  for (const Rule& rule : set.rules) {
    for (const RuleExample& example : rule.examples)
      pieces.push_back(unmark_example(example.text).text);
  }
  std::uint32_t seed = 12345;
  const auto next = [&] {
    seed = seed * 1103515245U + 12345U;
    return (seed >> 16U) & 0x7FFFU;
  };
  std::size_t compared = 0;
  std::size_t matched = 0;  // Texts with at least one match.
  std::size_t long_texts = 0;
  std::size_t at_line_starts = 0;  // Texts of rules that match only at line starts.
  std::size_t matched_at_line_starts = 0;
  for (std::size_t index = 0; index < set.rules.size(); ++index) {
    const Rule& rule = set.rules[index];
    if (rule.kind != RuleKind::pattern) continue;
    const RegexShape shape = regex_shape(rule.pattern.get(), rule.required);
    if (!shape.known || !shape.holds_literal) continue;
    RuleSet one;
    one.rules.push_back(rule);
    RequiredLiterals required(one, rule.scope);
    RegexScanner whole(rule.pattern.get());
    RegexScanner shaped(rule.pattern.get());
    for (int round = 0; round < 303; ++round) {
      std::string text;
      // A few texts longer than RegexScanner's own windows, which the windows are cut to.
      const std::size_t count = round >= 300 ? 9000 + next() % 4000 : 1 + next() % 60;
      for (std::size_t i = 0; i < count; ++i) text += pieces[next() % pieces.size()];
      IcuText prepared;
      prepared.assign(text);
      required.find(text);
      if (!required.may_match(0) || required.folds_to_ascii()) continue;
      std::vector<ScanWindow> windows;
      shape_windows(shape, text, required.occurrences(0), windows);
      whole.reset(prepared);
      shaped.reset(prepared, windows);
      INFO(rule.id << " on: " << text);
      const std::vector<Span> expected = all_spans(whole);
      CHECK(all_spans(shaped) == expected);
      if (shape.line_start) {  // As the runner scans such a rule: at line starts only.
        to_line_starts(text, windows);
        shaped.reset_at_starts(prepared, windows);
        CHECK(all_spans(shaped) == expected);
        ++at_line_starts;
        if (!expected.empty()) ++matched_at_line_starts;
      }
      ++compared;
      if (!expected.empty()) ++matched;
      if (text.size() > kScanWindow) ++long_texts;
    }
  }
  CHECK(compared > 500);
  CHECK(matched > 100);
  CHECK(long_texts >= 12);
  CHECK(at_line_starts > 100);
  CHECK(matched_at_line_starts > 10);
}

}  // namespace galley
