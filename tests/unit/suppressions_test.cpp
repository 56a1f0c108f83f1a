// Inline suppressions: the readers' comments with exact spans, then galley-disable / -enable /
// -disable-next-block in Markdown and HTML, unused and malformed directives.
#include "checks/suppressions.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include "checks/registry.hpp"
#include "pipeline.hpp"
#include "rules/rule.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

constexpr std::string_view kRepeated = "typography.repeated-word";

std::vector<Finding> findings_of(const std::string& text, InputFormat format,
                                 std::string_view rule) {
  std::vector<Finding> all = test::check_document(test::read(text, format));
  std::erase_if(all, [&](const Finding& f) { return f.rule != rule; });
  return all;
}

/// The span of the `n`th (0-based) occurrence of `needle` in `text`.
Span span_of(std::string_view text, std::string_view needle, std::size_t n = 0) {
  std::size_t at = text.find(needle);
  for (; n > 0; --n) at = text.find(needle, at + 1);
  REQUIRE(at != std::string_view::npos);
  return {at, at + needle.size()};
}

}  // namespace

TEST_CASE("suppressions: the Markdown reader records comments with exact spans",
          "[suppressions][reader]") {
  const std::string text =
      "<!-- one -->\n\nText <!-- two --> more.\n\n<!-- three\nlines -->\n\n```\n<!-- code "
      "-->\n```\n\n"
      "`<!-- inline code -->`\n";
  const Document doc = test::read(text, InputFormat::markdown);
  REQUIRE(doc.comments.size() == 3);
  CHECK(doc.comments[0].span == span_of(text, "<!-- one -->"));
  CHECK(doc.comments[0].text == " one ");
  CHECK(doc.comments[1].span == span_of(text, "<!-- two -->"));
  CHECK(doc.comments[2].span == span_of(text, "<!-- three\nlines -->"));
  CHECK(doc.comments[2].text == " three\nlines ");
  CHECK(test::block_texts(doc) == std::vector<std::string>{"Text  more.", "\xEF\xBF\xBC"});
}

TEST_CASE("suppressions: the HTML reader records every comment with exact spans",
          "[suppressions][reader]") {
  const std::string text =
      "<!-- before -->\n<html><head><!-- head --><title>T</title></head>\n"
      "<body><p>Text <!-- inline --> more.</p><pre><!-- pre --></pre><!--></body></html>\n";
  const Document doc = test::read(text, InputFormat::html);
  REQUIRE(doc.comments.size() == 4);
  CHECK(doc.comments[0].span == span_of(text, "<!-- before -->"));
  CHECK(doc.comments[1].span == span_of(text, "<!-- head -->"));
  CHECK(doc.comments[2].span == span_of(text, "<!-- inline -->"));
  CHECK(doc.comments[2].text == " inline ");
  CHECK(doc.comments[3].span == span_of(text, "<!-- pre -->"));
}

TEST_CASE("suppressions: galley-disable ... galley-enable in Markdown", "[suppressions]") {
  const std::string text =
      "The the harbour opened.\n\n<!-- galley-disable typography.repeated-word -->\n\n"
      "The the council met.\n\n<!-- galley-enable -->\n\nThe the board met.\n";
  const std::vector<Finding> findings = findings_of(text, InputFormat::markdown, kRepeated);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].span == span_of(text, "The the", 0));
  CHECK(findings[1].span == span_of(text, "The the", 2));
  CHECK(findings_of(text, InputFormat::markdown, "style.unused-suppression").empty());
  CHECK(findings_of(text, InputFormat::markdown, "style.malformed-suppression").empty());
}

TEST_CASE("suppressions: by category, every rule, and to the end without an enable",
          "[suppressions]") {
  const std::string by_category =
      "<!-- galley-disable typography -- quoted verbatim -->\n\nThe the council met.\n";
  CHECK(findings_of(by_category, InputFormat::markdown, kRepeated).empty());
  CHECK(findings_of(by_category, InputFormat::markdown, "style.unused-suppression").empty());
  const std::string all =
      "<p>The the council met.</p><!-- galley-disable --><p>The the board met  here.</p>";
  const std::vector<Finding> findings = test::check_document(test::read(all, InputFormat::html));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == kRepeated);
  CHECK(findings[0].span == span_of(all, "The the"));
}

TEST_CASE("suppressions: galley-enable RULE ends only that rule", "[suppressions]") {
  const std::string text =
      "<!-- galley-disable typography.repeated-word, typography.doubled-space -->\n\n"
      "The the council met  today.\n\n<!-- galley-enable typography.doubled-space -->\n\n"
      "The the board met  today.\n";
  CHECK(findings_of(text, InputFormat::markdown, kRepeated).empty());
  const std::vector<Finding> spaces =
      findings_of(text, InputFormat::markdown, "typography.doubled-space");
  REQUIRE(spaces.size() == 1);
  CHECK(spaces[0].span == Span{span_of(text, "met  ", 1).begin + 3, span_of(text, "met  ", 1).end});
}

TEST_CASE("suppressions: galley-disable-next-block covers the next block only", "[suppressions]") {
  const std::string markdown =
      "<!-- galley-disable-next-block typography.repeated-word -->\n"
      "The the council met.\n\nThe the board met.\n";
  std::vector<Finding> findings = findings_of(markdown, InputFormat::markdown, kRepeated);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].span == span_of(markdown, "The the", 1));
  const std::string html =
      "<p>The the harbour.</p>\n<!-- galley-disable-next-block typography -->\n"
      "<p>The the council met.</p>\n<p>The the board met.</p>\n";
  findings = findings_of(html, InputFormat::html, kRepeated);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].span == span_of(html, "The the", 0));
  CHECK(findings[1].span == span_of(html, "The the", 2));
}

TEST_CASE("suppressions: an unused suppression is an info finding on its rule", "[suppressions]") {
  const std::string text =
      "<!-- galley-disable typography.repeated-word typography.doubled-space -->\n\n"
      "The the council met.\n\n<!-- galley-disable-next-block -->\n\nThe board met.\n";
  const std::vector<Finding> unused =
      findings_of(text, InputFormat::markdown, "style.unused-suppression");
  REQUIRE(unused.size() == 2);
  CHECK(unused[0].severity == Severity::info);
  CHECK(unused[0].span == span_of(text, "typography.doubled-space"));
  CHECK(unused[0].message == "this galley-disable typography.doubled-space suppresses nothing");
  CHECK(unused[1].span == span_of(text, "<!-- galley-disable-next-block -->"));
  CHECK(unused[1].message == "this galley-disable-next-block suppresses nothing");
}

TEST_CASE("suppressions: malformed directives are warnings on the word at fault",
          "[suppressions]") {
  const std::string text =
      "<!-- galley-disable typography.repeated-wrd -->\n\nThe the council met.\n\n"
      "<!-- galley-disabel typography -->\n\n<!-- galley-enable spelling -->\n\n<!-- not a "
      "directive -->\n";
  const std::vector<Finding> malformed =
      findings_of(text, InputFormat::markdown, "style.malformed-suppression");
  REQUIRE(malformed.size() == 3);
  CHECK(malformed[0].severity == Severity::warning);
  CHECK(malformed[0].span == span_of(text, "typography.repeated-wrd"));
  CHECK(malformed[0].message ==
        "unknown rule or category 'typography.repeated-wrd' in galley-disable (`galley rules` "
        "lists them)");
  CHECK(malformed[1].span == span_of(text, "galley-disabel"));
  CHECK(malformed[2].span == span_of(text, "spelling"));
  CHECK(malformed[2].message ==
        "galley-enable spelling without a galley-disable spelling before it");
  // A directive whose only rule is unknown suppresses nothing (rather than everything).
  CHECK(findings_of(text, InputFormat::markdown, kRepeated).size() == 1);
  CHECK(findings_of(text, InputFormat::markdown, "style.unused-suppression").empty());
}

TEST_CASE("suppressions: their findings follow the settings like any other", "[suppressions]") {
  Settings settings;
  settings.overrides["style.unused-suppression"] = Severity::warning;
  CheckSet checks(settings);
  const std::string text = "<!-- galley-disable spelling -->\n\nThe council met.\n";
  const DocumentReport report = checks.check(test::read(text, InputFormat::markdown), "test");
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].rule == "style.unused-suppression");
  CHECK(report.findings[0].severity == Severity::warning);
  CHECK(report.findings[0].span == span_of(text, "spelling"));
}

TEST_CASE("suppressions: the registry examples of their two rules, read as their format",
          "[suppressions]") {
  // The generic registry test stops at its first failing row; these rows are checked here as well.
  for (const std::string_view id : {"style.unused-suppression", "style.malformed-suppression"}) {
    const CheckInfo* info = find_check(id);
    REQUIRE(info != nullptr);
    for (const CheckExample& example : info->examples) {
      INFO(example.text);
      const UnmarkedExample unmarked = unmark_example(example.text);
      const std::vector<Finding> findings =
          findings_of(unmarked.text, *parse_input_format(example.format), id);
      if (!example.incorrect) {
        CHECK(findings.empty());
        continue;
      }
      REQUIRE(findings.size() == 1);
      CHECK(findings[0].span == unmarked.marked);
    }
  }
}

TEST_CASE("suppressions: they cover batch checks, duplicate.cross-document included",
          "[suppressions][batch]") {
  const std::string dir = test::temp_dir();
  const std::string caption =
      "Photo: Councillor Priti Rahman with Market Street traders outside the clock tower.\n";
  const std::string directive = "<!-- galley-disable-next-block duplicate.cross-document -->\n";
  const std::string first = dir + "/week-1.md";
  const std::string second = dir + "/week-2.md";
  const std::string third = dir + "/week-3.md";
  test::write_file(first, "Market Street will close to traffic in September.\n\n" + caption);
  const std::string suppressed = "Ardlow's new library opens on Monday.\n\n" + directive + caption;
  test::write_file(second, suppressed);
  test::write_file(third, "The library has a cafe.\n\n" + directive + "\nThe cafe opens at 9.\n");
  const auto of = [](const DocumentReport& doc, std::string_view rule) {
    std::vector<Finding> found;
    for (const Finding& f : doc.findings) {
      if (f.rule == rule) found.push_back(f);
    }
    return found;
  };
  for (const unsigned jobs : {1U, 2U}) {
    Settings settings;
    settings.builtin_rules = false;
    settings.jobs = jobs;
    const Report report = run_pipeline(
        {{first, std::nullopt}, {second, std::nullopt}, {third, std::nullopt}}, settings);
    REQUIRE(report.documents.size() == 3);
    // Without the directive the second copy is flagged (duplicate_cross_document_test.cpp).
    CHECK(of(report.documents[1], "duplicate.cross-document").empty());
    CHECK(of(report.documents[1], "style.unused-suppression").empty());
    // A directive for a batch rule that finds nothing there is still unused.
    const std::vector<Finding> unused = of(report.documents[2], "style.unused-suppression");
    REQUIRE(unused.size() == 1);
    CHECK(unused[0].span == span_of(test::read_file_text(third), "duplicate.cross-document"));
  }
  // The same run without the directive flags the copy: the test above is not vacuous.
  test::write_file(second, "Ardlow's new library opens on Monday.\n\n" + caption);
  Settings settings;
  settings.builtin_rules = false;
  const Report report = run_pipeline({{first, std::nullopt}, {second, std::nullopt}}, settings);
  CHECK(of(report.documents[1], "duplicate.cross-document").size() == 1);
  std::filesystem::remove_all(dir);
}

}  // namespace galley
