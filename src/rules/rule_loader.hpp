#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"

namespace galley {

/// Parses and compiles the rule file `path` whose bytes are `bytes`. Throws LoadError (with
/// path, line, column and the line) for XML errors, unknown elements or attributes, bad
/// expressions and rules without examples.
std::vector<Rule> parse_rule_file(const std::string& path, std::string_view bytes);

/// Reads and parses the rule file `path`; throws LoadError when it cannot be read.
std::vector<Rule> load_rule_file(const std::string& path);

/// Adds the rules of `path` (a rule file, or a directory: its *.xml files in name order) to
/// `set`. A rule id already in `set` throws LoadError.
void add_rules(RuleSet& set, const std::string& path);

/// The directory of the built-in packs (`rules/` in the first data directory holding one), or
/// an empty string.
std::string builtin_rules_dir();

/// The built-in packs (when `builtin`) and then `paths`, loaded and compiled.
RuleSet load_rule_set(bool builtin, const std::vector<std::string>& paths);

/// The same, compiled once per process for each distinct (builtin, paths) and shared read-only.
std::shared_ptr<const RuleSet> shared_rule_set(bool builtin, const std::vector<std::string>& paths);

}  // namespace galley
