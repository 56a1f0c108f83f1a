#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/severity.hpp"

namespace galley {

/// A rule switched off (nullopt) or given another severity, by rule id or by category.
using SeverityOverrides = std::map<std::string, std::optional<Severity>, std::less<>>;

/// What the command line and configuration say about how to check. Checks read it; nothing in
/// it refers to the command line itself.
struct Settings {
  std::string language = "auto";             ///< "en-US", "en-GB" or "auto".
  std::vector<std::string> dictionaries;      ///< Extra word lists (.dic files or one word a line).
  std::vector<std::string> rule_paths;        ///< Extra rule files or directories.
  bool builtin_rules = true;                  ///< Load the packs shipped in rules/.
  SeverityOverrides overrides;                ///< By id ("marker.tk") or category ("style").
  std::optional<Severity> fail_on = Severity::error;  ///< nullopt: never fail on findings.
  std::vector<std::string> ignore;            ///< Path globs not to check.
  unsigned jobs = 0;                          ///< Worker threads; 0 = one per core.
  std::size_t max_document_bytes = 8U << 20U;  ///< Larger inputs are skipped with a message.
};

/// The severity a rule ends up with after overrides; nullopt when it is switched off.
/// An override by id wins over one by category.
std::optional<Severity> effective_severity(const SeverityOverrides& overrides,
                                           std::string_view rule_id, Severity default_severity);

}  // namespace galley
