#include "checks/rule_pack_check.hpp"

#include "checks/registry.hpp"
#include "core/load_error.hpp"
#include "rules/rule_loader.hpp"

namespace galley {

std::shared_ptr<const RuleSet> pack_rules(const Settings& settings) {
  std::shared_ptr<const RuleSet> rules =
      shared_rule_set(settings.builtin_rules, settings.rule_paths);
  for (const Rule& rule : rules->rules) {
    if (find_check(rule.id) != nullptr) {
      throw LoadError(rule.origin.path, rule.origin.line, rule.origin.column,
                      "rule id '" + rule.id + "' is taken by a built-in check",
                      rule.origin.source_line);
    }
  }
  return rules;
}

std::shared_future<void> load_rules_ahead(const Settings& settings) {
  return std::async(std::launch::async, [settings] { static_cast<void>(pack_rules(settings)); })
      .share();
}

std::unique_ptr<Check> RulePackCheck::make(const Settings& settings) {
  return std::make_unique<RulePackCheck>(settings);
}

RulePackCheck::RulePackCheck(const Settings& settings) : settings_(settings) {}

// Severity overrides are applied by the pipeline to every finding, by id or category; rules
// switched off are not even run.
void RulePackCheck::load() {
  rules_ = pack_rules(settings_);
  for (std::size_t i = 0; i < rules_->rules.size(); ++i) {
    const Rule& rule = rules_->rules[i];
    if (effective_severity(settings_.overrides, rule.id, rule.severity)) enabled_.push_back(i);
  }
  runner_ = std::make_unique<RuleRunner>(*rules_);
}

void RulePackCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  check_blocks(doc, {0, doc.doc.blocks.size(), true}, out);
}

void RulePackCheck::check_blocks(const AnalyzedDocument& doc, BlockPart part,
                                 std::vector<Finding>& out) {
  if (!runner_) load();
  runner_->run_blocks(enabled_, doc.doc, part, out);
}

}  // namespace galley
