#pragma once

#include <memory>
#include <vector>

#include "checks/check.hpp"
#include "rules/rule.hpp"
#include "rules/rule_runner.hpp"

namespace galley {

/// Check `rules.packs`: runs every rule of the rule packs (rules/*.xml and --rules) that the
/// settings leave on; its findings carry each rule's own id (`marker.tk`, `style.utilize`).
class RulePackCheck final : public Check {
 public:
  /// The registry's factory; throws LoadError when a rule file is broken.
  static std::unique_ptr<Check> make(const Settings& settings);
  /// Runs the enabled rules of `rules` (shared, compiled once per process).
  RulePackCheck(std::shared_ptr<const RuleSet> rules, const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;
  /// Dozens of rules over every block: about four times the typography checks together.
  [[nodiscard]] bool runs_long() const override { return true; }

 private:
  std::shared_ptr<const RuleSet> rules_;
  std::vector<std::size_t> enabled_;
  RuleRunner runner_;
};

/// The rules `settings` selects (built-in packs unless switched off, then rule_paths), loaded
/// and compiled once per process. Throws LoadError for a broken file or an id that is taken.
std::shared_ptr<const RuleSet> pack_rules(const Settings& settings);

}  // namespace galley
