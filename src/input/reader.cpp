#include "input/reader.hpp"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "input/text_heuristics.hpp"

namespace galley {
namespace {

/// True when `bytes` are shaped as one UTF-8 sequence (a lead byte, then continuation bytes
/// only) that is not well-formed: cut short, overlong, a surrogate or beyond U+10FFFF. That is
/// damaged UTF-8, not text in another encoding. (A lone lead byte may be either; in Latin-1
/// every accented letter is one.)
bool damaged_sequence(std::string_view bytes) {
  if (bytes.size() < 2 || static_cast<unsigned char>(bytes[0]) < 0xC0U) return false;
  return std::all_of(bytes.begin() + 1, bytes.end(),
                     [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; });
}

/// Reads bytes as Windows-1252, with ICU's converter opened at the first call (most files need
/// none) and kept for a document's other runs.
class Windows1252 {
 public:
  /// `bytes` read as Windows-1252, of which Latin-1's printable characters are a part, in
  /// UTF-8; empty when a byte means nothing there, or for a run of more than 32 (no text). Word
  /// processors on Windows save plain text in it, and a release pasted from one keeps its curly
  /// quotes and accented letters as such bytes.
  std::string read(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    if (!converter_ && !failed_) {
      converter_.reset(ucnv_open("windows-1252", &status));
      if (U_SUCCESS(status)) {
        ucnv_setToUCallBack(converter_.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                            &status);
      }
      failed_ = U_FAILURE(status);
      if (failed_) converter_.reset();
      status = U_ZERO_ERROR;
    }
    if (!converter_ || bytes.size() > kLongestRun) return {};
    ucnv_resetToUnicode(converter_.get());
    std::array<UChar, kLongestRun> units{};  // A byte a unit: Windows-1252 is all in the BMP.
    const auto length = static_cast<std::int32_t>(bytes.size());
    const std::int32_t made =
        ucnv_toUChars(converter_.get(), units.data(), units.size(), bytes.data(), length, &status);
    if (U_FAILURE(status) || made != length) return {};
    // ICU gives the five bytes Windows-1252 leaves undefined as C1 controls: no text either.
    if (std::any_of(units.begin(), units.begin() + made,
                    [](UChar unit) { return unit >= 0x80 && unit <= 0x9F; })) {
      return {};
    }
    std::string out;
    icu::UnicodeString(false, units.data(), made).toUTF8String(out);
    return out;
  }

 private:
  static constexpr std::size_t kLongestRun = 32;
  struct Close {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
  };
  std::unique_ptr<UConverter, Close> converter_;
  bool failed_ = false;  ///< ICU could not open the converter: no reading is offered.
};

/// "0x93 0x94": `bytes` as a message shows them.
std::string hex_bytes(std::string_view bytes) {
  static constexpr std::string_view kDigits = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (!out.empty()) out += ' ';
    out += "0x";
    out += kDigits[byte >> 4U];
    out += kDigits[byte & 0xFU];
  }
  return out;
}

void add_invalid_utf8_findings(Document& doc) {
  const std::string_view source = doc.source.bytes();
  Windows1252 windows_1252;
  for (const auto& [begin, end] : utf8::invalid_runs(source)) {
    Finding finding;
    finding.rule = "typography.invalid-utf8";
    finding.severity = Severity::error;
    const std::string_view bytes = source.substr(begin, end - begin);
    const std::string meant = damaged_sequence(bytes) ? "" : windows_1252.read(bytes);
    if (meant.empty()) {
      finding.message = end - begin == 1
                            ? "Invalid UTF-8 byte; the file's encoding is broken here"
                            : "Invalid UTF-8 bytes; the file's encoding is broken here";
    } else {
      finding.message = "Invalid UTF-8 (" + hex_bytes(bytes.substr(0, 8)) +
                        (bytes.size() > 8 ? " ..." : "") + "): '" + meant +
                        "' in Windows-1252; if the file is in that encoding, convert it with "
                        "iconv -f WINDOWS-1252 -t UTF-8";
      finding.suggestions.push_back(meant);
    }
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
  const std::string lower = ascii_lower(name);
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
  const std::string ext = ascii_lower(path.substr(dot + 1));
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
  // Markdown and HTML mark their headlines, but a standfirst is often a paragraph in italics.
  mark_top_matter_headings(doc.blocks);
  return doc;
}

}  // namespace galley
