#include "report/text_writer.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <iomanip>

#include "core/utf8.hpp"

namespace galley {
namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";

const char* color_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "\x1b[1;31m";
    case Severity::warning:
      return "\x1b[1;35m";
    case Severity::info:
      return "\x1b[1;36m";
  }
  return "";
}

/// Printable form of a source line: tabs kept, other controls and invalid bytes shown as '?', so
/// a caret line built from the same code points stays aligned.
std::string printable(std::string_view line) {
  std::string out;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t length = utf8::sequence_length(line, pos);
    const char32_t cp = length == 0 ? 0xFFFD : utf8::decode(line, pos);
    if (length == 0 || (cp < 0x20 && cp != '\t') || cp == 0x7F) {
      out += '?';
    } else {
      out.append(line.substr(pos, length));
    }
    pos += length == 0 ? 1 : length;
  }
  return out;
}

/// Columns a terminal gives code point `cp`: two for East Asian wide and fullwidth characters,
/// none for combining marks and format characters (zero-width space, joiners), one otherwise.
std::size_t display_width(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) return 2;
  const auto category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
    return 0;
  return 1;
}

/// The columns `text` (as printable() shows it) takes on a terminal.
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = utf8::sequence_length(text, pos);
    width += length == 0 ? 1 : display_width(utf8::decode(text, pos));
    pos += length == 0 ? 1 : length;
  }
  return width;
}

/// Under `lead`, the text before a finding, as many spaces as it takes columns (tabs kept, so
/// that they expand alike), then carets over `width` columns.
std::string caret_line(std::string_view lead, std::size_t width) {
  std::string out;
  for (std::size_t pos = 0; pos < lead.size();) {
    const std::size_t length = utf8::sequence_length(lead, pos);
    if (lead[pos] == '\t') {
      out += '\t';
    } else {
      out.append(length == 0 ? 1 : display_width(utf8::decode(lead, pos)), ' ');
    }
    pos += length == 0 ? 1 : length;
  }
  out += '^';
  if (width > 1) out += std::string(std::min<std::size_t>(width - 1, 200), '~');
  return out;
}

// Lines up to kWholeLine bytes are printed whole; of a longer one, kReach bytes either side of
// the finding, so that a 50 KB line with thousands of findings does not print it thousands of
// times over (found by fuzz_pipeline, as contexts were: docs/robustness.md).
constexpr std::size_t kWholeLine = 1000;
constexpr std::size_t kReach = 200;

/// The part of `line` printed for a finding over bytes [begin, end) of it.
struct Excerpt {
  std::string_view text;
  std::size_t begin = 0;      ///< Where `text` starts in the line.
  bool cut_before = false;    ///< Text before it was left out ("...").
  bool cut_after = false;     ///< Text after it was left out ("...").
};

Excerpt excerpt_of(std::string_view line, std::size_t begin, std::size_t end) {
  if (line.size() <= kWholeLine) return {line, 0, false, false};
  std::size_t from = begin > kReach ? begin - kReach : 0;
  std::size_t to = std::min(line.size(), std::max(end, begin) + kReach);
  while (from > 0 && !utf8::is_boundary(line, from)) --from;
  while (to < line.size() && !utf8::is_boundary(line, to)) ++to;
  return {line.substr(from, to - from), from, from > 0, to < line.size()};
}

std::string describe_suggestion(const std::string& suggestion) {
  if (suggestion.empty()) return "delete it";
  return "'" + suggestion + "'";
}

void write_finding(const DocumentReport& doc, const Finding& finding, std::ostream& out,
                   const TextStyle& style) {
  const LineColumn at = doc.source.locate(finding.span.begin);
  const LineColumn end = doc.source.locate(finding.span.end);
  if (style.color) out << kBold;
  out << doc.path << ':' << at.line << ':' << at.column << ": ";
  if (style.color) out << color_of(finding.severity);
  out << to_string(finding.severity) << ':';
  if (style.color) out << kReset << kBold;
  out << ' ' << printable(finding.message) << " [" << finding.rule << ']';
  if (style.color) out << kReset;
  out << '\n';
  const std::string_view line = doc.source.line_text(at.line);
  const auto line_start = static_cast<std::size_t>(line.data() - doc.source.bytes().data());
  const std::size_t begin = std::min(finding.span.begin - line_start, line.size());
  const std::size_t stop = end.line == at.line ? finding.span.end - line_start : line.size();
  const Excerpt shown = excerpt_of(line, begin, std::min(stop, line.size()));
  const std::string_view lead = line.substr(shown.begin, begin - shown.begin);
  const std::string_view marked =
      line.substr(begin, std::min(stop, shown.begin + shown.text.size()) - begin);
  const std::string prefix = shown.cut_before ? "..." : "";
  const std::size_t width = std::max<std::size_t>(display_width(marked), 1);
  out << "  " << prefix << printable(shown.text) << (shown.cut_after ? "..." : "") << '\n';
  out << "  " << std::string(prefix.size(), ' ') << caret_line(lead, width) << '\n';
  if (!finding.suggestions.empty()) {
    out << "  suggestion: " << printable(describe_suggestion(finding.suggestions.front())) << '\n';
  }
}

}  // namespace

void write_text(const Report& report, std::ostream& out, const TextStyle& style) {
  report.visit([&](std::size_t /*index*/, const DocumentReport& doc) {
    if (doc.status != DocumentStatus::checked) return;  // Said on stderr as it happened.
    for (const Finding& finding : doc.findings) write_finding(doc, finding, out, style);
  });
  if (!style.summary) return;
  const Summary summary = report.summary();
  out << summary.documents << (summary.documents == 1 ? " document" : " documents") << ", "
      << summary.words << " words: " << summary.errors << (summary.errors == 1 ? " error" : " errors")
      << ", " << summary.warnings << (summary.warnings == 1 ? " warning" : " warnings") << ", "
      << summary.infos << " info";
  if (summary.skipped > 0) out << ", " << summary.skipped << " skipped";
  if (summary.failed > 0) out << ", " << summary.failed << " unreadable";
  if (report.baseline_hidden) out << ", " << *report.baseline_hidden << " hidden by the baseline";
  out << " (" << std::fixed << std::setprecision(2) << report.seconds << " s)\n";
}

}  // namespace galley
