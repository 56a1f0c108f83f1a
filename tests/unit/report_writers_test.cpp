// The writers other than XML: JSON escaping, the JSON Lines records, checkstyle, SARIF's shape and
// fingerprints, and the review page's escaping of hostile documents.
#include <catch2/catch.hpp>
#include <filesystem>
#include <pugixml.hpp>
#include <sstream>

#include "checks/registry.hpp"
#include "checks/rule_pack_check.hpp"
#include "core/utf8.hpp"
#include "input/reader.hpp"
#include "report/checkstyle_writer.hpp"
#include "report/html_page.hpp"
#include "report/html_writer.hpp"
#include "report/json_text.hpp"
#include "report/json_writer.hpp"
#include "report/sarif_writer.hpp"
#include "report/writers.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

/// A report of one document `bytes` (read as `format`), checked with every check.
Report report_of(std::string bytes, InputFormat format = InputFormat::text,
                 std::string path = "doc.txt") {
  Document doc = read_document(SourceText(path, std::move(bytes)), format);
  DocumentReport checked;
  checked.path = path;
  checked.format = "text";
  checked.language = "en-US";
  checked.source = doc.source;
  for (const Block& block : doc.blocks) checked.blocks.push_back({block.kind, block.span});
  checked.findings = test::check_document(std::move(doc));
  Report report;
  report.tool_version = "9.9.9";
  report.documents.push_back(std::move(checked));
  return report;
}

std::string render(const Report& report, std::string_view format) {
  std::ostringstream out;
  write_report(report, format, out, {});
  return out.str();
}

std::size_t count(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

const std::string kHostile = std::string(
    "<script>alert(1)</script> The the \"onload=alert(2) x='y' </style></textarea> <!-- "
    "<img src=x onerror=alert(3)> \xff\xfe\x01 and NUL \0 here.\n\n&lt;b&gt; \xe2\x80\xae "
    "reversed\n",
    150);

}  // namespace

TEST_CASE("json: strings are escaped by hand, exactly", "[report][json]") {
  CHECK(json_string("plain") == "\"plain\"");
  CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_string("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"");
  CHECK(json_string(std::string("\0\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\\u007f\"");
  CHECK(json_string("caf\xc3\xa9 \xe2\x80\xa8") == "\"caf\xc3\xa9 \\u2028\"");
  CHECK(json_string("bad \xff\xc3 end") == "\"bad \xef\xbf\xbd\xef\xbf\xbd end\"");
  CHECK(json_string("</script>&", true) == "\"\\u003c/script\\u003e\\u0026\"");
  JsonBuilder json;
  json.begin_object().field("a", std::size_t{1}).key("b").begin_array().string("x").end_array();
  json.key("c").begin_object().end_object().key("d").boolean(false).end_object();
  CHECK(json.str() ==
        "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ],\n  \"c\": {},\n  \"d\": false\n}");
}

TEST_CASE("json lines: one record per finding, problems as status lines", "[report][json]") {
  Report report = report_of("The the council met  on Monday.\n");
  DocumentReport failed;
  failed.path = "gone\".txt";
  failed.status = DocumentStatus::failed;
  failed.problem = "cannot read it";
  report.documents.push_back(failed);
  const std::string out = render(report, "json");
  CHECK(count(out, "\n") == report.documents[0].findings.size() + 1);
  CHECK(out.find(
            "{\"path\":\"doc.txt\",\"rule\":\"typography.repeated-word\",\"severity\":\"error\","
            "\"line\":1,\"column\":1,\"end_line\":1,\"end_column\":8,\"offset\":0,\"length\":7,") ==
        0);
  CHECK(out.find(
            "{\"path\":\"gone\\\".txt\",\"status\":\"failed\",\"problem\":\"cannot read it\"}\n") !=
        std::string::npos);
}

TEST_CASE("checkstyle: well-formed, one error per finding", "[report][checkstyle]") {
  const std::string out = render(report_of(kHostile), "checkstyle");
  pugi::xml_document xml;
  REQUIRE(xml.load_string(out.c_str()));
  const pugi::xml_node file = xml.child("checkstyle").child("file");
  CHECK(std::string_view(xml.child("checkstyle").attribute("version").value()) == "4.3");
  CHECK(std::string_view(file.attribute("name").value()) == "doc.txt");
  const pugi::xml_node first = file.child("error");
  CHECK(std::string_view(first.attribute("source").value()).find('.') != std::string_view::npos);
  CHECK(first.attribute("line").as_int() >= 1);
}

TEST_CASE("sarif: rules, results and fingerprints that survive line shifts", "[report][sarif]") {
  const std::string first =
      render(report_of("Intro.\n\nThe the council met on Monday.\n"), "sarif");
  const std::string shifted =
      render(report_of("Intro.\n\nMore.\n\n\nThe the council met on Monday.\n"), "sarif");
  CHECK(first.find("\"columnKind\": \"unicodeCodePoints\"") != std::string::npos);
  CHECK(first.find("\"id\": \"typography.repeated-word\"") != std::string::npos);
  CHECK(first.find("\"ruleId\": \"typography.repeated-word\"") != std::string::npos);
  CHECK(first.find("\"level\": \"error\"") != std::string::npos);
  const auto fingerprint = [](const std::string& sarif) {
    const std::size_t at = sarif.find("\"galleyFindingHash/v1\": \"");
    return at == std::string::npos ? std::string() : sarif.substr(at, 45);
  };
  CHECK_FALSE(fingerprint(first).empty());
  CHECK(fingerprint(first) == fingerprint(shifted));
  CHECK(first.find("\"startLine\": 3") != std::string::npos);
  CHECK(shifted.find("\"startLine\": 6") != std::string::npos);
}

TEST_CASE("sarif: the driver and every rule galley ships link to their documentation",
          "[report][sarif]") {
  const std::string sarif = render(report_of("The the council met on Monday.\n"), "sarif");
  CHECK(sarif.find("\"informationUri\": \"https://") != std::string::npos);
  CHECK(sarif.find("/blob/main/docs/checks/typography.repeated-word.md\"") != std::string::npos);
  std::vector<std::string> ids;
  for (const CheckInfo& info : check_registry()) ids.emplace_back(info.id);
  const std::shared_ptr<const RuleSet> packs = pack_rules(Settings{});
  for (const Rule& rule : packs->rules) ids.push_back(rule.id);
  for (const std::string& id : ids) {
    INFO(id);
    const std::string page = rule_help_page(id, packs.get());
    REQUIRE_FALSE(page.empty());
    CHECK(std::filesystem::is_regular_file(std::string(GALLEY_SOURCE_DIR) + "/" + page));
  }
  CHECK(rule_help_page("house.no-such-rule", packs.get()).empty());
}

TEST_CASE("html: a hostile document cannot inject markup or script", "[report][html]") {
  for (const InputFormat format : {InputFormat::text, InputFormat::markdown, InputFormat::html}) {
    Report report = report_of(kHostile, format, "<script>alert('path')</script>\".md");
    report.documents[0].findings.push_back({"x.<b>rule",
                                            Severity::warning,
                                            "message </script><script>",
                                            {0, 8},
                                            {"\"><img>"},
                                            {{{9, 15}, "<i>"}},
                                            {}});
    const std::string page = render(report, "html");
    CHECK(count(page, "<script") == 1);
    CHECK(count(page, "</script") == 1);
    CHECK(count(page, "</style") == 1);
    CHECK(count(page, "<img") == 0);
    CHECK(count(page, "<textarea") == 0);
    CHECK(count(page, "</textarea") == 0);
    CHECK(count(page, "<!--") == 0);
    CHECK(count(page, "<b>rule") == 0);
    CHECK(count(page, "<i>") == 0);
    CHECK(page.find('\0') == std::string::npos);
    CHECK(page.find("\xff") == std::string::npos);
    CHECK(page.find("innerHTML") == std::string::npos);
    CHECK(page.find("&lt;script&gt;") != std::string::npos);
    CHECK(page.find("<span class=\"byte\" title=\"invalid UTF-8 byte 0xFF\">FF</span>") !=
          std::string::npos);
    CHECK(page.find("<span class=\"byte\" title=\"control character U+0000\">00</span>") !=
          std::string::npos);
    CHECK(page.find("<mark class=\"f sev-") != std::string::npos);
  }
}

TEST_CASE("html: escaping helpers", "[report][html]") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(html_escape(std::string("a\0b\xff", 4)) ==
        "a\xef\xbf\xbd"
        "b\xef\xbf\xbd");
  std::string out;
  append_source_html(out, "tab\tline\r\n");
  CHECK(out == "tab\tline\r\n");
}

TEST_CASE("writers: every format name has a writer", "[report]") {
  const Report report = report_of("The the council met.\n");
  for (const std::string& format : report_formats()) CHECK_FALSE(render(report, format).empty());
  CHECK_THROWS_AS(render(report, "pdf"), std::logic_error);
}

}  // namespace galley

namespace galley {

// Found by fuzz_pipeline: a 50 KB line without a sentence end and thousands of findings gave
// each finding the whole line as context, a report quadratic in the input.
TEST_CASE("report: a finding's context is its sentence and at most 300 bytes either side", "[report]") {
  std::string line;
  while (line.size() < 20000) line += "the the harbour \xC3\xA9t\xC3\xA9 board ";
  const std::string text = "A short sentence with the the twin.\n\n" + line + "\n";
  const std::vector<Finding> findings =
      test::check_document(read_document(SourceText("long.txt", text), InputFormat::text));
  std::size_t repeated = 0;
  for (const Finding& finding : findings) {
    if (finding.rule != "typography.repeated-word") continue;
    ++repeated;
    INFO(finding.span.begin);
    CHECK(finding.context.begin <= finding.span.begin);
    CHECK(finding.context.end >= finding.span.end);
    CHECK(finding.context.size() <= 600 + finding.span.size());
    CHECK(utf8::is_boundary(text, finding.context.begin));
    CHECK(utf8::is_boundary(text, finding.context.end));
  }
  CHECK(repeated > 500);
  CHECK(findings.front().context == Span{0, 35});  // A short sentence is kept whole.
}

// A pasted blob (base64, a long path) has no space to cut its context at: the cut falls on a
// code point, and a search for a space past the finding's reach (to the end of the source, once
// for each finding) made a 4 MB blob take 8 s.
TEST_CASE("report: a finding in a line without spaces has a context cut at code points",
          "[report]") {
  std::string line;
  for (std::size_t i = 0; line.size() < 20000; ++i) {
    line += "Qzx";  // Capitalised: unknown names, not a block of unknown lowercase words.
    line += static_cast<char>('a' + i % 26);
    line += static_cast<char>('a' + i / 26 % 26);
    line += i % 7 == 0 ? "\xC3\xA9/" : "/";
  }
  const std::string text = "A short sentence.\n\n" + line + "\n";
  const std::vector<Finding> findings =
      test::check_document(read_document(SourceText("blob.txt", text), InputFormat::text));
  REQUIRE(findings.size() > 500);
  for (const Finding& finding : findings) {
    INFO(finding.rule << " at " << finding.span.begin);
    CHECK(finding.context.begin <= finding.span.begin);
    CHECK(finding.context.end >= finding.span.end);
    CHECK(finding.context.size() <= 600 + finding.span.size());
    const std::size_t line_begin = text.size() - 1 - line.size();
    if (finding.span.begin >= line_begin + 304 &&
        finding.span.end + 304 <= line_begin + line.size())
      CHECK(finding.context.size() >= 600 + finding.span.size() - 6);  // Cut near the reach.
    CHECK(utf8::is_boundary(text, finding.context.begin));
    CHECK(utf8::is_boundary(text, finding.context.end));
  }
}

}  // namespace galley

namespace galley {

// From 1 MB on, the spelling checks run on a second thread beside the others (CheckSet): the
// duplicate check, which reads their findings, must still see them, and nothing may be lost.
TEST_CASE("pipeline: a large document gets every check's findings", "[report][size]") {
  std::string text;
  while (text.size() < (std::size_t{1} << 20U) + 1000) {
    text += "The harbour board met on Tuesday and approved the budget for the year.\n\n";
  }
  const std::string wrong = "Photo: Mayor Ada Kent opens the new Harbour Developmebt centre in Leeds.";
  const std::string right = "Photo: Mayor Ada Kent opens the new Harbour Development centre in Leeds.";
  const std::size_t wrong_at = text.size();
  text += wrong + "\n\n";
  const std::string plan = "The board met in order to agree the plan.";
  const std::size_t phrase_at = text.size() + plan.find("in order to");
  text += plan + "\n\n";
  text += right + "\n";
  const std::vector<Finding> findings =
      test::check_document(read_document(SourceText("big.txt", text), InputFormat::text));
  const auto has = [&](std::string_view rule, std::size_t begin, std::size_t end) {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
      return f.rule == rule && f.span == Span{begin, end};
    });
  };
  const std::size_t typo = wrong_at + wrong.find("Developmebt");
  CHECK(has("spelling.misspelling", typo, typo + 11));
  CHECK(has("style.in-order-to", phrase_at, phrase_at + 11));
  CHECK(has("duplicate.caption", wrong_at, wrong_at + wrong.size()));  // The misspelt copy goes.
}

}  // namespace galley
