#pragma once

#include <ostream>

#include "report/report.hpp"

namespace galley {

/// A self-contained review page (inline CSS and script, no network): each document's text with
/// its findings highlighted in place, details on hover, click and focus, and a side list by
/// severity and rule. Everything taken from documents is escaped.
void write_html(const Report& report, std::ostream& out);

}  // namespace galley
