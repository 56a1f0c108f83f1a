// Every example of every check in the registry is a test (STYLE.md, point 4): an incorrect
// example must give exactly the marked span and the expected first suggestion; a correct example
// must raise nothing from that check.
#include <catch2/catch.hpp>

#include "checks/registry.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

constexpr std::string_view kOpen = "\xC2\xAB";   // «
constexpr std::string_view kClose = "\xC2\xBB";  // »

/// The example's text without its marks, and the marked span in that text.
std::pair<std::string, Span> unmark(std::string_view example) {
  const std::size_t open = example.find(kOpen);
  if (open == std::string_view::npos) return {std::string(example), {}};
  const std::size_t close = example.find(kClose, open);
  std::string text(example.substr(0, open));
  text += example.substr(open + kOpen.size(), close - open - kOpen.size());
  text += example.substr(close + kClose.size());
  return {text, {open, close - kOpen.size()}};
}

std::vector<Finding> findings_of(const CheckInfo& info, const CheckExample& example,
                                 const std::string& text) {
  const InputFormat format = parse_input_format(example.format).value_or(InputFormat::text);
  std::vector<Finding> all = test::check_document(test::read(text, format));
  std::erase_if(all, [&](const Finding& f) { return f.rule != info.id; });
  return all;
}

}  // namespace

/// Rows whose examples are run elsewhere: the rule-pack row's rules carry their own examples
/// (rules_examples_test.cpp); a batch check needs two documents (duplicate_cross_document_test.cpp).
bool examples_run_elsewhere(const CheckInfo& info) {
  return info.id == "rules.packs" || info.make_batch != nullptr;
}

TEST_CASE("every registry row has an incorrect and a correct example", "[registry]") {
  for (const CheckInfo& info : check_registry()) {
    INFO(info.id);
    if (info.id == "rules.packs") continue;
    bool incorrect = false;
    bool correct = false;
    for (const CheckExample& example : info.examples) (example.incorrect ? incorrect : correct) = true;
    CHECK(incorrect);
    CHECK(correct);
    CHECK(info.id.find('.') != std::string_view::npos);
  }
}

TEST_CASE("every registry example gives exactly its marked finding", "[registry]") {
  for (const CheckInfo& info : check_registry()) {
    if (examples_run_elsewhere(info)) continue;
    for (const CheckExample& example : info.examples) {
      const auto [text, span] = unmark(example.text);
      INFO(info.id << ": " << example.text);
      const std::vector<Finding> findings = findings_of(info, example, text);
      if (!example.incorrect) {
        CHECK(findings.empty());
        continue;
      }
      CHECK(findings.size() == 1);
      if (findings.size() != 1) continue;
      CHECK(findings[0].span == span);
      if (example.suggestion == "-") {
        CHECK(findings[0].suggestions.empty());
      } else {
        REQUIRE_FALSE(findings[0].suggestions.empty());
        CHECK(findings[0].suggestions[0] == example.suggestion);
      }
    }
  }
}

}  // namespace galley
