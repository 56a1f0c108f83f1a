#pragma once

#include <ostream>

#include "report/report.hpp"

namespace galley {

/// Checkstyle XML as reviewdog and Jenkins read it: `<checkstyle version="4.3">`, one `<file>`
/// per input, one `<error>` per finding (or per problem reading the input).
void write_checkstyle(const Report& report, std::ostream& out);

}  // namespace galley
