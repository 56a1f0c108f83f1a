// Every example of every shipped rule is a test (STYLE.md, point 4): an incorrect example must
// give exactly its marked span and expected first suggestion; a correct example must raise
// nothing from that rule. The loader already refuses a rule without both kinds of example.
#include <algorithm>
#include <catch2/catch.hpp>

#include "input/reader.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_runner.hpp"

namespace galley {
namespace {

std::vector<Finding> run_rule(const RuleSet& set, std::size_t index, const std::string& text) {
  const Document doc = read_document(SourceText("example", text), InputFormat::text);
  RuleRunner runner(set);
  std::vector<Finding> findings;
  runner.run(index, doc, findings);
  return findings;
}

void check_example(const RuleSet& set, std::size_t index, const RuleExample& example) {
  const Rule& rule = set.rules[index];
  const UnmarkedExample unmarked = unmark_example(example.text);
  INFO(rule.id << " (" << rule.origin.path << ":" << rule.origin.line << "): " << example.text);
  const std::vector<Finding> findings = run_rule(set, index, unmarked.text);
  if (!example.incorrect) {
    for (const Finding& finding : findings) INFO("unexpected: " << finding.message);
    CHECK(findings.empty());
    return;
  }
  CHECK(findings.size() == 1);
  if (findings.size() != 1) return;
  CHECK(findings[0].rule == rule.id);
  CHECK(findings[0].span == unmarked.marked);
  if (example.has_suggestion) {
    CHECK_FALSE(findings[0].suggestions.empty());
    if (!findings[0].suggestions.empty()) CHECK(findings[0].suggestions[0] == example.suggestion);
  } else {
    CHECK(findings[0].suggestions.empty());
  }
}

}  // namespace

TEST_CASE("every shipped rule's examples give exactly their marked findings", "[rules]") {
  const RuleSet set = load_rule_set(true, {});
  REQUIRE(set.find("marker.comment-anchor") != nullptr);
  REQUIRE(set.find("style.in-order-to") != nullptr);
  for (std::size_t i = 0; i < set.rules.size(); ++i) {
    const Rule& rule = set.rules[i];
    INFO(rule.id);
    CHECK(std::any_of(rule.examples.begin(), rule.examples.end(),
                      [](const RuleExample& e) { return e.incorrect; }));
    CHECK(std::any_of(rule.examples.begin(), rule.examples.end(),
                      [](const RuleExample& e) { return !e.incorrect; }));
    CHECK_FALSE(rule.summary.empty());
    for (const RuleExample& example : rule.examples) check_example(set, i, example);
  }
}

TEST_CASE("shipped packs have their file's category and severity", "[rules]") {
  const RuleSet set = load_rule_set(true, {});
  for (const Rule& rule : set.rules) {
    INFO(rule.id);
    if (rule.category == "marker") CHECK(rule.severity == Severity::error);
    if (rule.category == "style") CHECK(rule.severity == Severity::info);
    CHECK(rule.id.starts_with(rule.category + "."));
  }
}

TEST_CASE("phrase suggestions keep the capitals of the match", "[rules]") {
  CHECK(match_case("In order to", "to") == "To");
  CHECK(match_case("IN ORDER TO", "to") == "TO");
  CHECK(match_case("in order to", "to") == "to");
  CHECK(match_case("Utilise", "use") == "Use");
}

}  // namespace galley

namespace galley {

// Long blocks are searched by lists only near their required words (RuleRunner's windows); each
// list example inside a long paragraph must give what it gives alone, at the shifted span.
TEST_CASE("list rules find their examples inside long paragraphs", "[rules]") {
  const RuleSet set = load_rule_set(true, {});
  std::string pad;
  while (pad.size() < 1500)
    pad += "Members of the board met in the harbour office on a bright morning. ";
  std::size_t lists = 0;
  for (std::size_t i = 0; i < set.rules.size(); ++i) {
    const Rule& rule = set.rules[i];
    if (rule.kind == RuleKind::pattern) continue;
    ++lists;
    const std::vector<Finding> around = run_rule(set, i, pad);
    for (const RuleExample& example : rule.examples) {
      const UnmarkedExample unmarked = unmark_example(example.text);
      INFO(rule.id << ": " << example.text);
      const std::string text = pad + unmarked.text + " " + pad;
      std::vector<Span> expected;
      for (const Finding& f : around) expected.push_back(f.span);
      for (const Finding& f : run_rule(set, i, unmarked.text)) {
        expected.push_back({f.span.begin + pad.size(), f.span.end + pad.size()});
      }
      const std::size_t after = pad.size() + unmarked.text.size() + 1;
      for (const Finding& f : around)
        expected.push_back({f.span.begin + after, f.span.end + after});
      std::vector<Span> actual;
      for (const Finding& f : run_rule(set, i, text)) actual.push_back(f.span);
      const auto by_begin = [](Span a, Span b) { return a.begin < b.begin; };
      std::sort(expected.begin(), expected.end(), by_begin);
      std::sort(actual.begin(), actual.end(), by_begin);
      CHECK(actual == expected);
      if (example.incorrect)
        CHECK(std::find(actual.begin(), actual.end(),
                        Span{unmarked.marked.begin + pad.size(),
                             unmarked.marked.end + pad.size()}) != actual.end());
    }
  }
  CHECK(lists >= 20);
}

}  // namespace galley

namespace galley {

// Hard-wrapped text breaks its lines between words, where these rules' expressions match \s+:
// their `requires` literals, written with a space, must find the words across a line break.
TEST_CASE("rules that match any white space find their examples across line breaks", "[rules]") {
  const RuleSet set = load_rule_set(true, {});
  for (const char* id : {"usage.could-of", "usage.then-than", "usage.has-lead"}) {
    const Rule* rule = set.find(id);
    REQUIRE(rule != nullptr);
    const auto index = static_cast<std::size_t>(rule - set.rules.data());
    std::size_t incorrect = 0;
    for (const RuleExample& example : rule->examples) {
      if (!example.incorrect) continue;
      ++incorrect;
      const UnmarkedExample unmarked = unmark_example(example.text);
      // A line of usual length, broken before the marked word (a short line alone would be
      // read as a line of a list or an address).
      const std::string lead = "Members of the board met in the harbour office and agreed. ";
      // Unix and Windows line ends, and a space left before the break and an indent after it.
      for (const std::string line_break : {"\n", "\r\n", " \n  "}) {
        std::string text = lead + unmarked.text;
        const std::size_t space = lead.size() + unmarked.marked.begin - 1;
        CHECK(text[space] == ' ');
        text.replace(space, 1, line_break);
        const std::size_t shift = lead.size() + line_break.size() - 1;
        const Span marked{unmarked.marked.begin + shift, unmarked.marked.end + shift};
        INFO(id << ": " << text);
        const std::vector<Finding> findings = run_rule(set, index, text);
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].span == marked);
      }
    }
    CHECK(incorrect >= 2);
  }
}

}  // namespace galley
