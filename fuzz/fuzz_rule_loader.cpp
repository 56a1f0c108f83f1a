// Fuzzes the rule-pack loader: any bytes either load or give a LoadError that points inside the
// file; nothing else may escape. Rules that load are complete, and their expressions run on
// their own examples within ICU's time limit, every match inside the text on UTF-8 boundaries.
#include <string>
#include <string_view>

#include "core/load_error.hpp"
#include "core/source_text.hpp"
#include "core/utf8.hpp"
#include "fuzz_support.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_regex.hpp"

namespace {

void scan_examples(const galley::Rule& rule) {
  using galley::fuzz::require;
  galley::RegexScanner scanner(rule.pattern.get());
  for (const galley::RuleExample& example : rule.examples) {
    const std::string text = galley::unmark_example(example.text).text;
    scanner.reset(text);
    for (int matches = 0; matches < 64 && scanner.next() == galley::ScanResult::match; ++matches) {
      const std::optional<galley::Span> span = scanner.span(0);
      require(span.has_value(), "a match has a span");
      require(span->begin < span->end && span->end <= text.size(), "match inside the example");
      require(galley::utf8::is_boundary(text, span->begin) &&
                  galley::utf8::is_boundary(text, span->end),
              "match on UTF-8 boundaries");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using galley::fuzz::require;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::vector<galley::Rule> rules;
  try {
    rules = galley::parse_rule_file("fuzz.xml", bytes);
  } catch (const galley::LoadError& error) {
    galley::fuzz::require_inside(error, bytes);
    return 0;
  }
  for (const galley::Rule& rule : rules) {
    require(rule.id.size() > rule.category.size() + 1, "a rule has an id");
    require(static_cast<bool>(rule.pattern), "a rule has an expression");
    require(rule.examples.size() >= 2, "a rule has an incorrect and a correct example");
    require(rule.origin.line >= 1 && rule.origin.line <= galley::SourceText("", bytes).line_count(),
            "a rule's origin is inside the file");
    scan_examples(rule);
  }
  return 0;
}
