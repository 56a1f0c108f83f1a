#pragma once

#include <string>
#include <string_view>

#include "report/report.hpp"

namespace galley {

/// Reads an annotated XML report (as write_xml writes it) back into the model: each document's
/// source from its `text` element, its blocks and its findings. Throws LoadError, at `path`'s
/// line and column, when the report is broken.
Report parse_xml_report(std::string_view xml, const std::string& path);

/// Reads the report file at `path` (see parse_xml_report); an unreadable file is a LoadError.
Report read_xml_report(const std::string& path);

}  // namespace galley
