// JSON Lines for scripts: one self-contained object a line, nothing else on the stream, so
// `jq`, `grep` and line-by-line readers all work.
#include "report/json_writer.hpp"

#include "report/json_text.hpp"

namespace galley {
namespace {

void append_field(std::string& out, std::string_view name, std::string_view value) {
  out += ",\"";
  out += name;
  out += "\":";
  append_json_string(out, value);
}

void append_field(std::string& out, std::string_view name, std::size_t value) {
  out += ",\"";
  out += name;
  out += "\":";
  out += std::to_string(value);
}

/// line, column, end_line, end_column, offset and length of `span`.
void append_position(std::string& out, const SourceText& source, Span span) {
  const LineColumn at = source.locate(span.begin);
  const LineColumn end = source.locate(span.end);
  append_field(out, "line", at.line);
  append_field(out, "column", at.column);
  append_field(out, "end_line", end.line);
  append_field(out, "end_column", end.column);
  append_field(out, "offset", span.begin);
  append_field(out, "length", span.size());
}

void append_related(std::string& out, const SourceText& source,
                    const std::vector<RelatedSpan>& related) {
  out += ",\"related\":[";
  for (std::size_t i = 0; i < related.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"note\":";
    append_json_string(out, related[i].note);
    append_position(out, source, related[i].span);
    append_field(out, "text", source.slice(related[i].span));
    out += '}';
  }
  out += ']';
}

std::string finding_line(const DocumentReport& doc, const Finding& finding) {
  std::string out = "{\"path\":";
  append_json_string(out, doc.path);
  append_field(out, "rule", finding.rule);
  append_field(out, "severity", to_string(finding.severity));
  append_position(out, doc.source, finding.span);
  append_field(out, "message", finding.message);
  out += ",\"suggestions\":[";
  for (std::size_t i = 0; i < finding.suggestions.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, finding.suggestions[i]);
  }
  out += ']';
  append_related(out, doc.source, finding.related);
  append_field(out, "text", doc.source.slice(finding.span));
  out += "}\n";
  return out;
}

}  // namespace

void write_json(const Report& report, std::ostream& out) {
  report.visit([&](std::size_t /*index*/, const DocumentReport& doc) {
    if (doc.status != DocumentStatus::checked) {
      std::string line = "{\"path\":";
      append_json_string(line, doc.path);
      append_field(line, "status", to_string(doc.status));
      append_field(line, "problem", doc.problem);
      out << line << "}\n";
      return;
    }
    for (const Finding& finding : doc.findings) out << finding_line(doc, finding);
  });
}

}  // namespace galley
