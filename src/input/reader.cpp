#include "input/reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/utf8.hpp"

namespace galley {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void add_invalid_utf8_findings(Document& doc) {
  for (const auto& [begin, end] : utf8::invalid_runs(doc.source.bytes())) {
    Finding finding;
    finding.rule = "typography.invalid-utf8";
    finding.severity = Severity::error;
    finding.message = end - begin == 1 ? "Invalid UTF-8 byte; the file's encoding is broken here"
                                       : "Invalid UTF-8 bytes; the file's encoding is broken here";
    finding.span = {begin, end};
    finding.context = finding.span;
    doc.reader_findings.push_back(std::move(finding));
  }
}

}  // namespace

std::string_view to_string(InputFormat format) {
  switch (format) {
    case InputFormat::text:
      return "text";
    case InputFormat::markdown:
      return "markdown";
    case InputFormat::html:
      return "html";
  }
  return "text";
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
  const std::string lower = lower_ascii(name);
  if (lower == "text" || lower == "txt") return InputFormat::text;
  if (lower == "markdown" || lower == "md") return InputFormat::markdown;
  if (lower == "html" || lower == "htm") return InputFormat::html;
  return std::nullopt;
}

std::optional<InputFormat> format_for_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  const std::string ext = lower_ascii(path.substr(dot + 1));
  static constexpr std::array<std::pair<std::string_view, InputFormat>, 7> kExtensions{{
      {"txt", InputFormat::text},
      {"text", InputFormat::text},
      {"md", InputFormat::markdown},
      {"markdown", InputFormat::markdown},
      {"mdown", InputFormat::markdown},
      {"html", InputFormat::html},
      {"htm", InputFormat::html},
  }};
  for (const auto& [name, format] : kExtensions) {
    if (ext == name) return format;
  }
  return std::nullopt;
}

Unreadable classify_bytes(std::string_view bytes) {
  const auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4)) || starts(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return Unreadable::utf32;
  }
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) return Unreadable::utf16;
  const std::string_view head = bytes.substr(0, 8192);
  const auto nuls = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\0'));
  if (nuls == 0) return Unreadable::none;
  // UTF-16 without a byte-order mark: ASCII text leaves every other byte NUL.
  std::size_t even = 0;
  std::size_t odd = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  const std::size_t half = head.size() / 2;
  if (half > 0 && (even * 10 >= half * 9 || odd * 10 >= half * 9) && std::min(even, odd) * 20 < half) {
    return Unreadable::utf16;
  }
  return Unreadable::binary;
}

std::string_view describe(Unreadable reason) {
  switch (reason) {
    case Unreadable::none:
      return "readable";
    case Unreadable::binary:
      return "binary file (it contains NUL bytes), skipped";
    case Unreadable::utf16:
      return "UTF-16 text, skipped: galley reads UTF-8; convert it with iconv -f UTF-16 -t UTF-8";
    case Unreadable::utf32:
      return "UTF-32 text, skipped: galley reads UTF-8; convert it with iconv -f UTF-32 -t UTF-8";
  }
  return "unreadable";
}

Document read_document(SourceText source, InputFormat format) {
  Document doc;
  doc.source = std::move(source);
  doc.format = std::string(to_string(format));
  add_invalid_utf8_findings(doc);
  switch (format) {
    case InputFormat::text:
      read_text(doc);
      break;
    case InputFormat::markdown:
      read_markdown(doc);
      break;
    case InputFormat::html:
      read_html(doc);
      break;
  }
  // Readers emit a nested block (an image's alt text) before the block around it is finished.
  // Sorted only when out of order: moving a large text's blocks through the sort's buffer costs.
  const auto before = [](const Block& a, const Block& b) { return a.span.begin < b.span.begin; };
  if (!std::is_sorted(doc.blocks.begin(), doc.blocks.end(), before)) {
    std::stable_sort(doc.blocks.begin(), doc.blocks.end(), before);
  }
  return doc;
}

}  // namespace galley
