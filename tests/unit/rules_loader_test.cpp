// Broken rule files are load errors with path:line:col (STYLE.md, point 7); a pathological user
// expression is stopped by ICU's time limit and reported, never hangs; the CLI wires it up.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <numeric>

#include "core/load_error.hpp"
#include "input/reader.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_runner.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

/// One rule on one line: `  <pattern id="ID">` is 18 columns, the regex text starts at col 66.
std::string rule_line(std::string_view id, std::string_view regex,
                      std::string_view examples =
                          "<example type=\"incorrect\">x «TK» y</example>"
                          "<example type=\"correct\">x y</example>") {
  return "  <pattern id=\"" + std::string(id) +
         "\"><summary>s</summary><message>m</message><regex>" + std::string(regex) + "</regex>" +
         std::string(examples) + "</pattern>\n";
}

std::string pack(const std::string& rules) {
  return "<rules category=\"t\">\n" + rules + "</rules>\n";
}

/// The `path:line:col: error: message` line of the load error `text` gives.
std::string load_error_of(const std::string& text) {
  const std::string dir = test::temp_dir();
  const std::string path = dir + "/pack.xml";
  test::write_file(path, text);
  try {
    RuleSet set;
    add_rules(set, path);
  } catch (const LoadError& error) {
    const std::string described = error.describe();
    const std::string first = described.substr(0, described.find('\n'));
    return first.substr(0, 1) == "/" ? first.substr(dir.size() + 1) : first;
  }
  return "no error";
}

}  // namespace

TEST_CASE("a valid pack loads with ids prefixed by its category", "[rules][loader]") {
  const std::vector<Rule> rules = parse_rule_file("p.xml", pack(rule_line("a", "TK")));
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].id == "t.a");
  CHECK(rules[0].origin.line == 2);
}

TEST_CASE("broken rule files are load errors at path:line:col", "[rules][loader]") {
  CHECK_THAT(load_error_of("<rules category=\"t\">\n  <pattern id=\"a\">\n</rules>\n"),
             Catch::StartsWith("pack.xml:3:3: error: "));
  CHECK_THAT(load_error_of(pack(rule_line("a", "TK") + rule_line("a", "TK"))),
             Catch::StartsWith("pack.xml:3:3: error: duplicate rule id 't.a'"));
  CHECK_THAT(load_error_of(pack(rule_line("a", "TK") + rule_line("b", "a(b"))),
             Catch::StartsWith("pack.xml:3:69: error: invalid regular expression"));
  CHECK_THAT(
      load_error_of(pack(rule_line("a", "TK", "<example type=\"incorrect\">x «TK» y</example>"))),
      Catch::StartsWith("pack.xml:2:3: error: rule 't.a' needs a correct example"));
  CHECK_THAT(load_error_of(pack(rule_line("a", "TK", ""))),
             Catch::StartsWith("pack.xml:2:3: error: rule 't.a' needs an incorrect example"));
  CHECK_THAT(load_error_of(pack("  <patern id=\"a\"/>\n")),
             Catch::StartsWith("pack.xml:2:3: error: unknown element <patern>"));
  CHECK_THAT(
      load_error_of(pack(rule_line("a", "TK", "<example type=\"incorrect\">x TK y</example>"))),
      Catch::StartsWith("pack.xml:2:") && Catch::Contains("must mark its span"));
  CHECK_THAT(load_error_of("<!DOCTYPE rules SYSTEM \"x.dtd\">\n" + pack(rule_line("a", "TK"))),
             Catch::StartsWith("pack.xml:1:1: error: DOCTYPE is not allowed"));
}

TEST_CASE("a load error shows the line and a caret under the column", "[rules][loader]") {
  try {
    parse_rule_file("p.xml", pack(rule_line("b", "a(b")));
    FAIL("no error");
  } catch (const LoadError& error) {
    const std::string described = error.describe();
    CHECK_THAT(
        described,
        Catch::Contains("\n" + rule_line("b", "a(b").substr(0, rule_line("b", "a(b").size() - 1) +
                        "\n"));
    CHECK_THAT(described, Catch::EndsWith("\n" + std::string(68, ' ') + "^"));
  }
}

TEST_CASE("a catastrophic user expression is stopped by the time limit and reported",
          "[rules][timeout]") {
  RuleSet set;
  set.rules = parse_rule_file(
      "slow.xml",
      pack(rule_line(
          "slow", "(a+)+b",
          "<example type=\"incorrect\">x «aab»</example><example type=\"correct\">x</example>")));
  const std::string text =
      "Intro.\n\n" + std::string(5000, 'a') + "\n\nThe next paragraph has aab in it.\n";
  const Document doc = read_document(SourceText("slow.txt", text), InputFormat::text);
  RuleRunner runner(set);
  std::vector<Finding> findings;
  const auto start = std::chrono::steady_clock::now();
  runner.run(0, doc, findings);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 5.0);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "t.slow");
  CHECK(findings[0].severity == Severity::info);
  CHECK_THAT(findings[0].message, Catch::Contains("time limit"));
  CHECK(doc.source.slice(findings[1].span) == "aab");  // Other blocks are still checked.
}

TEST_CASE("a broken expression's error is placed as the file counts lines", "[rules][loader]") {
  // ICU's regex compiler starts a line at a CR, the file only at a LF: a CR inside the
  // expression once had the error reported on the next line of the file, off its end.
  CHECK_THAT(load_error_of(pack(rule_line("b", "ab\rcd(e"))),
             Catch::StartsWith("pack.xml:2:73: error: invalid regular expression"));
  // A multi-line expression (CDATA keeps the LF): the error on its second line.
  CHECK_THAT(load_error_of(pack(rule_line("b", "<![CDATA[ab\n  cd(e]]>"))),
             Catch::StartsWith("pack.xml:3:7: error: invalid regular expression"));
}

TEST_CASE("galley check --rules reports a broken pack and exits 2", "[rules][cli]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/bad.xml", pack(rule_line("b", "a(b")));
  const test::RunResult result =
      test::run_galley("check --rules '" + dir + "/bad.xml' samples/clean-release.txt");
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("bad.xml:2:69: error: invalid regular expression"));
  CHECK_THAT(result.err, Catch::Contains("^"));
  // The rules load at the first document's check: with no document checked (a binary file,
  // skipped), and with several workers, the broken pack is still the error.
  test::write_file(dir + "/image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  const test::RunResult none =
      test::run_galley("check --rules '" + dir + "/bad.xml' '" + dir + "/image.txt'");
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.err, Catch::Contains("bad.xml:2:69: error: invalid regular expression"));
  const test::RunResult many =
      test::run_galley("check --jobs 2 --rules '" + dir + "/bad.xml' samples");
  CHECK(many.exit_code == 2);
  CHECK_THAT(many.err, Catch::Contains("bad.xml:2:69: error: invalid regular expression"));
}

TEST_CASE("user packs add rules; --disable and --severity work by id and category",
          "[rules][cli]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/mine.xml", pack(rule_line("harbour", "Harbour")));
  const std::string file = "samples/harbour-authority.txt";
  const test::RunResult plain = test::run_galley("check --no-color --rules '" + dir + "' " + file);
  CHECK_THAT(plain.out,
             Catch::Contains("[t.harbour]") && Catch::Contains("[marker.comment-anchor]"));
  const test::RunResult off =
      test::run_galley("check --no-color --disable marker --disable t.harbour " + file);
  CHECK_THAT(off.out, !Catch::Contains("[marker.") && !Catch::Contains("[t.harbour]"));
  const test::RunResult regraded =
      test::run_galley("check --no-color --severity marker.comment-anchor=info " + file);
  CHECK_THAT(regraded.out, Catch::Contains("info: Comment anchor '[GM1]'"));
  CHECK(test::run_galley("check --severity marker=loud " + file).exit_code == 2);
}

TEST_CASE("galley rules and explain cover pack rules", "[rules][cli]") {
  const test::RunResult rules = test::run_galley("rules");
  CHECK(rules.exit_code == 0);
  CHECK_THAT(rules.out,
             Catch::Contains("marker.tk  error") && Catch::Contains("style.in-order-to  info"));
  const test::RunResult explained = test::run_galley("explain marker.tk");
  CHECK(explained.exit_code == 0);
  CHECK_THAT(explained.out, Catch::Contains("TKO") && Catch::Contains("flagged:"));
  CHECK(test::run_galley("explain marker.nonesuch").exit_code == 2);
}

}  // namespace galley

namespace galley {

TEST_CASE("long texts are searched in windows without losing or doubling matches",
          "[rules][long]") {
  const RuleSet set = load_rule_set(true, {});
  const auto index_of = [&](std::string_view id) {
    return static_cast<std::size_t>(set.find(id) - set.rules.data());
  };
  std::string text;
  while (text.size() < (std::size_t{64} << 10U) - 3) text += "ab ";
  text.resize((std::size_t{64} << 10U) - 3);
  const std::size_t straddling = text.size();
  text += "[GM1] Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
  while (text.size() < (std::size_t{200} << 10U)) text += "cd ";
  const std::size_t last = text.size();
  text += "[KG2]";
  const Document doc = read_document(SourceText("long.txt", text), InputFormat::text);
  REQUIRE(doc.blocks.size() == 1);
  RuleRunner runner(set);
  std::vector<Finding> findings;
  runner.run({index_of("marker.comment-anchor"), index_of("marker.lorem-ipsum")}, doc, findings);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].span == Span{straddling, straddling + 5});
  CHECK(findings[1].span == Span{last, last + 5});
  CHECK(findings[2].rule == "marker.lorem-ipsum");
  CHECK(doc.source.slice(findings[2].span) ==
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.");
}

}  // namespace galley

namespace galley {

namespace {

/// `findings` in report order, described.
std::vector<std::string> sorted(std::vector<Finding> findings) {
  std::sort(findings.begin(), findings.end(), finding_before);
  return test::described(findings);
}

}  // namespace

TEST_CASE("rules run over parts of the blocks find what one run over all of them finds",
          "[rules][parts]") {
  // A large document's rule packs run in parts on two threads (CheckSet::run_beside): each part
  // its blocks, one of them also the rules over the whole source. The end mark in the middle is
  // a source rule's finding (the one at the end has nothing after it); "in order to" is a prose
  // rule's; the editor's note before the end mark is flagged and the one after it is not, since
  // unless-after-block looks at the blocks before, which another part may hold.
  const std::string text =
      "Harbour Board to utilize new cranes\n\n"
      "The board met in order to approve the plan [GM1] for the quay. Ed. note: check the date.\n\n"
      "###\n\n"
      "A later paragraph in order to show that the end mark came too early.\n\n"
      "Note to editors: photos of the cranes are available on request.\n\n"
      "Contact the press office in order to arrange a visit.\n\n"
      "ENDS\n";
  const RuleSet set = load_rule_set(true, {});
  std::vector<std::size_t> all(set.rules.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  for (const InputFormat format : {InputFormat::text, InputFormat::markdown}) {
    const Document doc = read_document(SourceText("parts.txt", text), format);
    REQUIRE(doc.blocks.size() == 7);
    RuleRunner whole_runner(set);
    std::vector<Finding> whole;
    whole_runner.run(all, doc, whole);
    const std::vector<std::string> expected = sorted(whole);
    CHECK(std::count_if(whole.begin(), whole.end(),
                        [](const Finding& f) { return f.rule == "marker.early-end-mark"; }) == 1);
    CHECK(std::count_if(whole.begin(), whole.end(),
                        [](const Finding& f) { return f.rule == "style.in-order-to"; }) == 3);
    CHECK(std::count_if(whole.begin(), whole.end(),
                        [](const Finding& f) { return f.rule == "marker.editor-note"; }) == 1);
    for (std::size_t cut = 0; cut <= doc.blocks.size(); ++cut) {
      for (std::size_t second = cut; second <= doc.blocks.size(); ++second) {
        INFO("parts at " << cut << " and " << second);
        RuleRunner runner(set);  // One runner for the parts, as one thread's instance.
        std::vector<Finding> parts;
        runner.run_blocks(all, doc, {0, cut, false}, parts);
        runner.run_blocks(all, doc, {second, doc.blocks.size(), false}, parts);
        runner.run_blocks(all, doc, {cut, second, true}, parts);  // Out of order, as threads may.
        CHECK(sorted(parts) == expected);
      }
    }
  }
}

}  // namespace galley

namespace galley {

// unless-after-block asks about the blocks before each match: the answer for one match must not
// leak into another's, whichever order they come in (the source rules run before the prose), nor
// into another document's or another part's run on the same runner.
TEST_CASE("each match's earlier blocks are its own", "[rules][parts]") {
  std::string text = "Harbour Board opens new quay\n\n";
  for (int i = 0; i < 3; ++i) text += "The quay opens in May. Ed. note: check the month.\n\n";
  text += "###\n\n";
  for (int i = 0; i < 3; ++i) text += "Note to editors: photos are available on request.\n\n";
  text += "###\n";
  // The end mark first: its notes come after it, and none is flagged.
  std::string after = "Harbour Board opens new quay\n\n###\n\n";
  for (int i = 0; i < 3; ++i) after += "The quay opens in May. Ed. note: check the month.\n\n";
  const RuleSet set = load_rule_set(true, {});
  const Rule* rule = set.find("marker.editor-note");
  REQUIRE(rule != nullptr);
  std::vector<std::size_t> all(set.rules.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  const Document doc = read_document(SourceText("notes.txt", text), InputFormat::text);
  const Document late = read_document(SourceText("late.txt", after), InputFormat::text);
  REQUIRE(doc.blocks.size() == 9);
  REQUIRE(late.blocks.size() == 5);
  const auto notes_of = [](const std::vector<Finding>& findings) {
    std::vector<std::size_t> notes;
    for (const Finding& f : findings) {
      if (f.rule == "marker.editor-note") notes.push_back(f.span.begin);
    }
    std::sort(notes.begin(), notes.end());
    return notes;
  };
  const std::vector<std::size_t> expected{
      doc.blocks[1].span.begin + 23, doc.blocks[2].span.begin + 23, doc.blocks[3].span.begin + 23};
  RuleRunner runner(set);
  for (int pass = 0; pass < 2; ++pass) {  // Each document, and each part, starts afresh.
    std::vector<Finding> findings;
    runner.run(all, doc, findings);
    CHECK(notes_of(findings) == expected);
    // Notes to editors may follow an end mark (unless-next-block).
    CHECK(std::count_if(findings.begin(), findings.end(),
                        [](const Finding& f) { return f.rule == "marker.early-end-mark"; }) == 0);
    findings.clear();
    runner.run(all, late, findings);
    CHECK(notes_of(findings).empty());
    findings.clear();
    runner.run_blocks(all, doc, {4, 9, true}, findings);
    runner.run_blocks(all, doc, {0, 4, false}, findings);
    CHECK(notes_of(findings) == expected);
  }
}

}  // namespace galley
