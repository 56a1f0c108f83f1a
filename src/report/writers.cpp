// Format name -> writer: the one place the command line's --format meets the writers.
#include "report/writers.hpp"

#include <stdexcept>

#include "report/checkstyle_writer.hpp"
#include "report/html_writer.hpp"
#include "report/json_writer.hpp"
#include "report/sarif_writer.hpp"
#include "report/text_writer.hpp"
#include "report/xml_writer.hpp"

namespace galley {

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats{"text",  "xml",        "html",
                                                "sarif", "checkstyle", "json"};
  return formats;
}

void write_report(const Report& report, std::string_view format, std::ostream& out,
                  const WriteOptions& options) {
  if (format == "text") {
    write_text(report, out, {options.color, true});
  } else if (format == "xml") {
    write_xml(report, out);
  } else if (format == "html") {
    write_html(report, out);
  } else if (format == "sarif") {
    write_sarif(report, out, options.rules.get());
  } else if (format == "checkstyle") {
    write_checkstyle(report, out);
  } else if (format == "json") {
    write_json(report, out);
  } else {
    throw std::logic_error("unknown report format '" + std::string(format) + "'");
  }
}

}  // namespace galley
