#pragma once

#include <ostream>

#include "report/report.hpp"

namespace galley {

/// The report's namespace and format version.
inline constexpr const char* kReportNamespace = "urn:galley:report:1";
inline constexpr const char* kReportFormatVersion = "1";

/// Writes the annotated XML report (schema/galley-report.xsd), one document at a time.
void write_xml(const Report& report, std::ostream& out);

}  // namespace galley
