// Fuzzes the whole pipeline through the XML and HTML writers: the first byte picks the format.
// Whatever the input holds: every finding's span (and related span and context) lies inside the
// document on UTF-8 boundaries (invalid bytes aside); the XML report is well-formed; the HTML page
// carries no markup from the document: its text shows the document's bytes, escaped, and every
// tag between the page's fixed head and tail is one the writer makes.
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <sstream>

#include "core/utf8.hpp"
#include "fuzz_support.hpp"
#include "pipeline.hpp"
#include "report/html_page.hpp"
#include "report/html_writer.hpp"
#include "report/xml_writer.hpp"

namespace {

using galley::fuzz::require;

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

void require_span(std::string_view bytes, galley::Span span, bool invalid_utf8_rule) {
  require(span.begin <= span.end && span.end <= bytes.size(), "finding inside");
  if (invalid_utf8_rule) return;
  require(galley::utf8::is_boundary(bytes, span.begin) &&
              galley::utf8::is_boundary(bytes, span.end),
          "finding on UTF-8 boundaries");
}

void verify_spans(const galley::DocumentReport& doc, std::string_view bytes) {
  for (const galley::Finding& finding : doc.findings) {
    const bool invalid_utf8 = finding.rule == "typography.invalid-utf8";
    require_span(bytes, finding.span, invalid_utf8);
    require_span(bytes, finding.context, invalid_utf8);
    for (const galley::RelatedSpan& related : finding.related)
      require_span(bytes, related.span, invalid_utf8);
  }
}

void verify_xml(const galley::Report& report) {
  std::ostringstream out;
  galley::write_xml(report, out);
  const std::string xml = out.str();
  pugi::xml_document parsed;
  require(static_cast<bool>(parsed.load_buffer(xml.data(), xml.size())),
          "report is well-formed XML");
}

/// Tags the writer makes between the page's head and tail.
bool writer_tag(std::string_view name) {
  static constexpr std::string_view kTags[] = {
      "a",  "article", "b",   "code", "div",  "em",  "h1",      "h2",   "h3", "header",
      "li", "main",    "mark", "nav", "ol",   "p",   "q",       "section", "span", "ul"};
  return std::find(std::begin(kTags), std::end(kTags), name) != std::end(kTags);
}

/// Attributes the writer sets; each value is quoted with '"' and holds no '"' or '<'.
bool writer_attribute(std::string_view name) {
  static constexpr std::string_view kAttributes[] = {
      "aria-describedby", "aria-label", "class", "data-f", "hidden", "href", "id", "tabindex",
      "title"};
  return std::find(std::begin(kAttributes), std::end(kAttributes), name) != std::end(kAttributes);
}

/// Checks the tag starting at `html[at]` ('<') and returns the position after its '>'.
std::size_t verify_tag(std::string_view html, std::size_t at) {
  std::size_t pos = at + 1;
  if (pos < html.size() && html[pos] == '/') ++pos;
  const std::size_t name_end = html.find_first_of(" >", pos);
  require(name_end != std::string_view::npos, "a tag is closed");
  require(writer_tag(html.substr(pos, name_end - pos)), "no tag from the document in the page");
  pos = name_end;
  while (pos < html.size() && html[pos] == ' ') {
    const std::size_t name_begin = pos + 1;
    pos = html.find_first_of("=> ", name_begin);
    require(pos != std::string_view::npos, "a tag is closed");
    require(writer_attribute(html.substr(name_begin, pos - name_begin)),
            "no attribute from the document in the page");
    if (html[pos] != '=') continue;
    require(pos + 1 < html.size() && html[pos + 1] == '"', "attribute values are quoted");
    const std::size_t close = html.find('"', pos + 2);
    require(close != std::string_view::npos, "attribute values are closed");
    require(html.substr(pos + 2, close - pos - 2).find('<') == std::string_view::npos,
            "no '<' in an attribute value");
    pos = close + 1;
  }
  require(pos < html.size() && html[pos] == '>', "a tag ends at '>'");
  return pos + 1;
}

std::string unescape(std::string_view text) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    bool replaced = false;
    for (const auto& [entity, c] : kEntities) {
      if (text.substr(pos, entity.size()) == entity) {
        out += c;
        pos += entity.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[pos++];
    require(out.back() != '&' || replaced, "every '&' from the document is escaped");
  }
  return out;
}

/// The document's bytes as the page must show them as text: without the bytes that become
/// markers (invalid UTF-8, controls other than tab and line ends).
std::string shown_text(std::string_view bytes) {
  std::string out;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const std::size_t length = galley::utf8::sequence_length(bytes, pos);
    if (length == 0) {
      ++pos;
      continue;
    }
    const char32_t cp = galley::utf8::decode(bytes, pos);
    const bool hidden = cp != '\t' && cp != '\n' && cp != '\r' &&
                        (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F));
    if (!hidden) out.append(bytes.substr(pos, length));
    pos += length;
  }
  return out;
}

/// The text of the page's source view: its tags dropped, byte markers with their contents.
std::string source_view_text(std::string_view html) {
  static constexpr std::string_view kOpen = "<div class=\"source\">";
  const std::size_t begin = html.find(kOpen);
  require(begin != std::string_view::npos, "a checked document has a source view");
  const std::size_t end = html.find("</div>", begin);
  require(end != std::string_view::npos, "the source view is closed");
  const std::string_view view = html.substr(begin + kOpen.size(), end - begin - kOpen.size());
  std::string text;
  for (std::size_t pos = 0; pos < view.size();) {
    const std::size_t tag = view.find('<', pos);
    text += unescape(view.substr(pos, std::min(tag, view.size()) - pos));
    if (tag == std::string_view::npos) break;
    if (view.substr(tag).starts_with("<span class=\"byte\"")) {
      const std::size_t close = view.find("</span>", tag);
      require(close != std::string_view::npos, "a byte marker is closed");
      pos = close + 7;
    } else {
      pos = view.find('>', tag) + 1;
    }
  }
  return text;
}

std::size_t count_script_tags(std::string_view html) {
  std::string lower(html);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  std::size_t count = 0;
  for (std::size_t at = lower.find("<script"); at != std::string::npos;
       at = lower.find("<script", at + 1))
    ++count;
  return count;
}

void verify_html(const galley::Report& report, std::string_view bytes) {
  std::ostringstream out;
  galley::write_html(report, out);
  const std::string html = out.str();
  static const std::size_t kOwnScripts =
      count_script_tags(galley::kHtmlHead) + count_script_tags(galley::kHtmlTail);
  require(count_script_tags(html) == kOwnScripts, "no <script from the document in the page");
  const std::size_t head = std::strlen(galley::kHtmlHead);
  const std::size_t tail = std::strlen(galley::kHtmlTail);
  require(html.size() >= head + tail && html.starts_with(galley::kHtmlHead) &&
              html.ends_with(galley::kHtmlTail),
          "the page has its fixed head and tail");
  const std::string_view body = std::string_view(html).substr(head, html.size() - head - tail);
  for (std::size_t at = body.find('<'); at != std::string_view::npos; at = body.find('<', at))
    at = verify_tag(body, at);
  if (report.documents[0].status == galley::DocumentStatus::checked) {
    require(source_view_text(body) == shown_text(bytes),
            "the page shows the document's bytes as text");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const galley::Settings settings;
  static galley::CheckSet checks(settings);
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  galley::Report report;
  report.tool_version = "fuzz";
  report.documents.push_back(checks.check(
      galley::read_document(galley::SourceText("fuzz", bytes), format_of(data[0])), "fuzz"));
  verify_spans(report.documents[0], bytes);
  verify_xml(report);
  verify_html(report, bytes);
  return 0;
}
