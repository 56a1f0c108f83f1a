#pragma once

#include <ostream>

#include "report/report.hpp"
#include "rules/rule.hpp"

namespace galley {

/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules the results name (described
/// from the check registry and `rules`, which may be null), columns in Unicode code points.
void write_sarif(const Report& report, std::ostream& out, const RuleSet* rules);

/// The page of galley's sources that documents rule `id` (e.g. "docs/checks/duplicate.md"), for
/// registry checks and the rules of the packs galley ships; empty for any other rule.
std::string rule_help_page(const std::string& id, const RuleSet* rules);

/// A fingerprint of a finding that survives line shifts: a hash of rule, matched text and context.
std::string finding_fingerprint(const DocumentReport& doc, const Finding& finding);

}  // namespace galley
