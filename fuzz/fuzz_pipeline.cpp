// Fuzzes the whole pipeline through the XML writer: the first byte picks the format; every
// finding's span must lie inside the document on UTF-8 boundaries (invalid bytes aside), and the
// report must parse as well-formed XML whatever the input holds.
#include <pugixml.hpp>

#include <sstream>

#include "core/utf8.hpp"
#include "fuzz_support.hpp"
#include "pipeline.hpp"
#include "report/xml_writer.hpp"

namespace {

galley::InputFormat format_of(std::uint8_t byte) {
  switch (byte % 3) {
    case 0:
      return galley::InputFormat::text;
    case 1:
      return galley::InputFormat::markdown;
    default:
      return galley::InputFormat::html;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace galley;
  if (size == 0) return 0;
  static const Settings settings;
  static CheckSet checks(settings);
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  Report report;
  report.tool_version = "fuzz";
  report.documents.push_back(checks.check(read_document(SourceText("fuzz", bytes), format_of(data[0])), "fuzz"));
  for (const Finding& finding : report.documents[0].findings) {
    fuzz::require(finding.span.begin <= finding.span.end && finding.span.end <= bytes.size(), "finding inside");
    if (finding.rule == "typography.invalid-utf8") continue;
    fuzz::require(utf8::is_boundary(bytes, finding.span.begin) && utf8::is_boundary(bytes, finding.span.end),
                  "finding on UTF-8 boundaries");
  }
  std::ostringstream out;
  write_xml(report, out);
  const std::string xml = out.str();
  pugi::xml_document parsed;
  fuzz::require(static_cast<bool>(parsed.load_buffer(xml.data(), xml.size())), "report is well-formed XML");
  return 0;
}
