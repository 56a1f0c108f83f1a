#pragma once

#include <future>
#include <memory>
#include <string_view>
#include <vector>

#include "checks/check.hpp"
#include "rules/rule.hpp"
#include "rules/rule_runner.hpp"

namespace galley {

/// The rule packs' check id.
inline constexpr std::string_view kRulePacksId = "rules.packs";

/// Check `rules.packs`: runs every rule of the rule packs (rules/*.xml and --rules) that the
/// settings leave on; its findings carry each rule's own id (`marker.tk`, `style.utilize`).
class RulePackCheck final : public Check {
 public:
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  /// Runs the enabled rules of the packs `settings` selects, loaded (once per process, see
  /// pack_rules) at the first document: a run compiles them on another thread meanwhile
  /// (load_rules_ahead). check() throws LoadError when a rule file is broken.
  explicit RulePackCheck(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;
  /// Dozens of rules over every block: about twice the typography checks together (big.txt).
  [[nodiscard]] bool runs_long() const override { return true; }
  /// Rules look at other blocks (unless-next-block) but never at what other rules found.
  [[nodiscard]] bool splits_by_block() const override { return true; }
  void check_blocks(const AnalyzedDocument& doc, BlockPart part,
                    std::vector<Finding>& out) override;

 private:
  /// Takes the rules, which the first call may have to load, and makes the runner.
  void load();

  Settings settings_;
  std::shared_ptr<const RuleSet> rules_;
  std::vector<std::size_t> enabled_;
  std::unique_ptr<RuleRunner> runner_;  ///< Null until load().
};

/// The rules `settings` selects (built-in packs unless switched off, then rule_paths), loaded
/// and compiled once per process. Throws LoadError for a broken file or an id that is taken.
std::shared_ptr<const RuleSet> pack_rules(const Settings& settings);

/// Starts pack_rules(settings) on another thread, for a run whose checks need the rules only
/// after its first document is read (the packs take tens of milliseconds to compile). The
/// future holds any LoadError; the checks meet it again in any case.
std::shared_future<void> load_rules_ahead(const Settings& settings);

}  // namespace galley
