#pragma once

#include <ostream>

#include "report/report.hpp"

namespace galley {

/// JSON Lines: one object per finding (path, rule, severity, positions, message, suggestions,
/// related spans, matched text), and `{"path", "status", "problem"}` for each input not checked.
void write_json(const Report& report, std::ostream& out);

}  // namespace galley
