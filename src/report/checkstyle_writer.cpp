// Checkstyle XML, the lingua franca of CI annotators (reviewdog -f=checkstyle, Jenkins'
// warnings-ng). It has no place for suggestions, so the first one goes into the message.
#include "report/checkstyle_writer.hpp"

#include <pugixml.hpp>

#include "report/xml_text.hpp"

namespace galley {
namespace {

std::string message_with_suggestion(const Finding& finding) {
  std::string message = finding.message;
  if (!finding.suggestions.empty()) {
    const std::string& best = finding.suggestions.front();
    message += best.empty() ? " (suggestion: delete it)" : " (suggestion: '" + best + "')";
  }
  return xml_safe(message);
}

void add_error(pugi::xml_node file, const DocumentReport& doc, const Finding& finding) {
  const LineColumn at = doc.source.locate(finding.span.begin);
  pugi::xml_node error = file.append_child("error");
  error.append_attribute("line").set_value(static_cast<unsigned long long>(at.line));
  error.append_attribute("column").set_value(static_cast<unsigned long long>(at.column));
  error.append_attribute("severity").set_value(std::string(to_string(finding.severity)).c_str());
  error.append_attribute("message").set_value(message_with_suggestion(finding).c_str());
  error.append_attribute("source").set_value(xml_safe(finding.rule).c_str());
}

/// The <file> element of `doc`, in `tree`.
void add_file(pugi::xml_document& tree, const DocumentReport& doc) {
  pugi::xml_node file = tree.append_child("file");
  file.append_attribute("name").set_value(xml_safe(doc.path).c_str());
  if (doc.status != DocumentStatus::checked) {
    // A document-level problem has no line; "galley.input" names where it came from.
    pugi::xml_node error = file.append_child("error");
    error.append_attribute("severity")
        .set_value(doc.status == DocumentStatus::failed ? "error" : "info");
    error.append_attribute("message").set_value(xml_safe(doc.problem).c_str());
    error.append_attribute("source").set_value("galley.input");
    return;
  }
  for (const Finding& finding : doc.findings) add_error(file, doc, finding);
}

}  // namespace

// A file element at a time, each printed as pugixml prints it inside the whole tree: a batch's
// report is never held whole.
void write_checkstyle(const Report& report, std::ostream& out) {
  out << "<?xml version=\"1.0\"?>\n";
  bool opened = false;
  report.visit([&](std::size_t /*index*/, const DocumentReport& doc) {
    if (!opened) out << "<checkstyle version=\"4.3\">\n";
    opened = true;
    pugi::xml_document tree;
    add_file(tree, doc);
    tree.first_child().print(out, "  ", pugi::format_default, pugi::encoding_utf8, 1);
  });
  out << (opened ? "</checkstyle>\n" : "<checkstyle version=\"4.3\" />\n");
}

}  // namespace galley
