#pragma once

#include <optional>
#include <string_view>

namespace galley {

/// How serious a finding is; ordered so that a larger value is more serious.
enum class Severity { info = 0, warning = 1, error = 2 };

/// The lower-case name used in reports and on the command line.
std::string_view to_string(Severity severity);
/// Parses "info", "warning" or "error"; nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view name);

}  // namespace galley
