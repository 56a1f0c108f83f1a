#pragma once

#include <ostream>

#include "report/report.hpp"

namespace galley {

/// How the terminal report looks.
struct TextStyle {
  bool color = false;    ///< ANSI colours (only when writing to a terminal).
  bool summary = true;   ///< A closing line with the counts.
};

/// Compiler-style lines: `path:line:col: severity: message [rule]`, the source line and a caret
/// under the span, then the suggestion.
void write_text(const Report& report, std::ostream& out, const TextStyle& style);

}  // namespace galley
