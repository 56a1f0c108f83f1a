// `galley render` reads a saved XML report back into the Report model, so that every format
// can be rendered from it. The source of each document comes back byte for byte from its `text`
// element; blocks from the `block` elements; findings from the `finding` elements.
#include "report/xml_reader.hpp"

#include <charconv>
#include <fstream>
#include <iterator>
#include <pugixml.hpp>

#include "core/load_error.hpp"
#include "report/xml_text.hpp"
#include "report/xml_writer.hpp"

namespace galley {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::optional<BlockKind> parse_block_kind(std::string_view name) {
  for (const BlockKind kind : {BlockKind::heading, BlockKind::paragraph, BlockKind::caption,
                               BlockKind::list_item, BlockKind::quote, BlockKind::table_cell}) {
    if (to_string(kind) == name) return kind;
  }
  return std::nullopt;
}

std::optional<DocumentStatus> parse_status(std::string_view name) {
  for (const DocumentStatus status :
       {DocumentStatus::checked, DocumentStatus::skipped, DocumentStatus::failed}) {
    if (to_string(status) == name) return status;
  }
  return std::nullopt;
}

/// Parses one report; every complaint names the line and column of the node at fault.
class ReportParser {
 public:
  ReportParser(std::string_view xml, const std::string& path) : source_(path, std::string(xml)) {}
  Report parse();

 private:
  [[noreturn]] void fail_at(std::ptrdiff_t offset, const std::string& message) const;
  [[noreturn]] void fail(pugi::xml_node node, const std::string& message) const {
    // pugixml gives an element's offset at its name; the caret goes under its '<'.
    const std::ptrdiff_t at = node.offset_debug();
    fail_at(node.type() == pugi::node_element && at > 0 ? at - 1 : at, message);
  }
  std::string required(pugi::xml_node node, const char* name) const;
  std::size_t number(pugi::xml_node node, const char* name) const;
  Span span(pugi::xml_node node, std::size_t size) const;
  void check_bytes(pugi::xml_node node, bool allow_marks) const;
  DocumentReport read_document(pugi::xml_node node) const;
  std::string read_text(pugi::xml_node text, std::vector<BlockRecord>& blocks) const;
  Finding read_finding(pugi::xml_node node, std::size_t size) const;

  SourceText source_;
};

void ReportParser::fail_at(std::ptrdiff_t offset, const std::string& message) const {
  if (offset < 0) throw LoadError(source_.path(), message);
  const LineColumn at = source_.locate(static_cast<std::size_t>(offset));
  throw LoadError(source_.path(), at.line, at.column, message,
                  xml_safe(source_.line_text(at.line)));
}

std::string ReportParser::required(pugi::xml_node node, const char* name) const {
  const pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute)
    fail(node, std::string("<") + node.name() + "> needs the attribute '" + name + "'");
  return attribute.value();
}

std::size_t ReportParser::number(pugi::xml_node node, const char* name) const {
  const std::string text = required(node, name);
  unsigned long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    fail(node, std::string("attribute '") + name + "' must be a whole number, not '" + text + "'");
  }
  return static_cast<std::size_t>(value);
}

Span ReportParser::span(pugi::xml_node node, std::size_t size) const {
  const std::size_t offset = number(node, "offset");
  const std::size_t length = number(node, "length");
  if (offset > size || length > size - offset) {
    fail(node, "span " + std::to_string(offset) + "+" + std::to_string(length) +
                   " lies outside the document's " + std::to_string(size) + " bytes");
  }
  return {offset, offset + length};
}

/// Source bytes are character data and <byte value="hh"/> (and, in a block or gap, <mark>s).
void ReportParser::check_bytes(pugi::xml_node node, bool allow_marks) const {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = child.name();
    if (name == "mark" && allow_marks) {
      check_bytes(child, false);
    } else if (name == "byte") {
      const std::string_view value = child.attribute("value").value();
      if (value.size() != 2 ||
          value.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos) {
        fail(child, "<byte> needs value=\"hh\", two hexadecimal digits");
      }
    } else {
      fail(child, "unexpected element <" + std::string(name) + "> in <" + node.name() + ">");
    }
  }
}

std::string ReportParser::read_text(pugi::xml_node text, std::vector<BlockRecord>& blocks) const {
  std::string bytes;
  for (pugi::xml_node part : text.children()) {
    if (part.type() == pugi::node_pcdata && is_blank(part.value())) continue;  // Indentation.
    const std::string_view name = part.type() == pugi::node_element ? part.name() : "";
    if (name != "gap" && name != "block")
      fail(part, "<text> holds only <gap> and <block> elements");
    check_bytes(part, true);
    if (name == "block" && !part.attribute("continued").as_bool()) {
      const std::optional<BlockKind> kind = parse_block_kind(required(part, "kind"));
      if (!kind)
        fail(part, "unknown block kind '" + std::string(part.attribute("kind").value()) + "'");
      const std::size_t offset = number(part, "offset");
      blocks.push_back({*kind, {offset, offset + number(part, "length")}});
    }
    bytes += read_exact_bytes(part);
  }
  for (const BlockRecord& block : blocks) {
    if (block.span.end > bytes.size()) fail(text, "a block lies outside the document's text");
  }
  return bytes;
}

Finding ReportParser::read_finding(pugi::xml_node node, std::size_t size) const {
  Finding finding;
  finding.rule = required(node, "rule");
  const std::optional<Severity> severity = parse_severity(required(node, "severity"));
  if (!severity) fail(node, "severity must be error, warning or info");
  finding.severity = *severity;
  finding.span = span(node, size);
  if (!node.child("message")) fail(node, "<finding> needs a <message>");
  finding.message = node.child_value("message");
  for (pugi::xml_node suggestion : node.children("suggestion")) {
    finding.suggestions.emplace_back(suggestion.child_value());
  }
  for (pugi::xml_node related : node.children("related")) {
    finding.related.push_back({span(related, size), related.attribute("note").value()});
  }
  if (pugi::xml_node context = node.child("context")) finding.context = span(context, size);
  return finding;
}

DocumentReport ReportParser::read_document(pugi::xml_node node) const {
  DocumentReport doc;
  doc.path = required(node, "path");
  const std::optional<DocumentStatus> status = parse_status(required(node, "status"));
  if (!status) fail(node, "status must be checked, skipped or failed");
  doc.status = *status;
  if (doc.status != DocumentStatus::checked) {
    doc.problem = node.child_value("problem");
    doc.source = SourceText(doc.path, "");
    return doc;
  }
  doc.format = required(node, "format");
  doc.language = required(node, "language");
  doc.word_count = number(node, "words");
  const pugi::xml_node text = node.child("text");
  if (!text) fail(node, "a checked <document> needs its <text>");
  std::string bytes = read_text(text, doc.blocks);
  if (bytes.size() != number(node, "bytes")) {
    fail(node, "the <text> holds " + std::to_string(bytes.size()) + " bytes, not the " +
                   std::to_string(number(node, "bytes")) + " that 'bytes' says");
  }
  doc.source = SourceText(doc.path, std::move(bytes));
  for (pugi::xml_node finding : node.children("finding")) {
    doc.findings.push_back(read_finding(finding, doc.source.bytes().size()));
  }
  return doc;
}

Report ReportParser::parse() {
  pugi::xml_document tree;
  const std::string_view xml = source_.bytes();
  // No parse_eol: a CR in the source must survive. pugixml never fetches external entities.
  const unsigned flags = (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_eol;
  const pugi::xml_parse_result result =
      tree.load_buffer(xml.data(), xml.size(), flags, pugi::encoding_utf8);
  if (!result) fail_at(result.offset, std::string("not well-formed XML: ") + result.description());
  const pugi::xml_node root = tree.document_element();
  if (std::string_view(root.name()) != "galley-report" ||
      std::string_view(root.attribute("xmlns").value()) != kReportNamespace) {
    fail(root, std::string("not a galley report: the root must be <galley-report xmlns=\"") +
                   kReportNamespace + "\">");
  }
  if (required(root, "version") != kReportFormatVersion) {
    fail(root,
         "report format version " + required(root, "version") + " is not one this galley reads");
  }
  Report report;
  report.tool_version = required(root, "tool-version");
  for (pugi::xml_node child : root.children()) {
    if (child.type() == pugi::node_pcdata && is_blank(child.value())) continue;
    const std::string_view name = child.type() == pugi::node_element ? child.name() : "";
    if (name == "document") {
      report.documents.push_back(read_document(child));
    } else if (name != "summary" && child.type() != pugi::node_comment) {
      fail(child, "<galley-report> holds a <summary> and <document> elements only");
    }
  }
  return report;
}

}  // namespace

Report parse_xml_report(std::string_view xml, const std::string& path) {
  return ReportParser(xml, path).parse();
}

Report read_xml_report(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path, "cannot read this report");
  const std::string xml{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw LoadError(path, "reading the report failed");
  return parse_xml_report(xml, path);
}

}  // namespace galley
