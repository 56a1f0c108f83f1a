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
