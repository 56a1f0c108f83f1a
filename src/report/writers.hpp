#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"
#include "rules/rule.hpp"

namespace galley {

/// What some writers need beyond the report.
struct WriteOptions {
  bool color = false;  ///< ANSI colours in the text format.
  std::shared_ptr<const RuleSet>
      rules;  ///< Rule packs, for SARIF's rule descriptions; may be null.
};

/// The format names write_report knows: text, xml, html, sarif, checkstyle, json.
const std::vector<std::string>& report_formats();

/// Writes `report` to `out` in `format` (one of report_formats(); anything else is a bug).
void write_report(const Report& report, std::string_view format, std::ostream& out,
                  const WriteOptions& options);

}  // namespace galley
