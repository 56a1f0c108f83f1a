#include "core/settings.hpp"

namespace galley {

std::optional<Severity> effective_severity(const SeverityOverrides& overrides,
                                           std::string_view rule_id, Severity default_severity) {
  if (const auto by_id = overrides.find(rule_id); by_id != overrides.end()) return by_id->second;
  const std::string_view category = rule_id.substr(0, rule_id.find('.'));
  if (const auto by_category = overrides.find(category); by_category != overrides.end()) {
    return by_category->second;
  }
  return default_severity;
}

}  // namespace galley
