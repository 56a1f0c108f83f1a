#include "report/xml_text.hpp"

#include <array>
#include <cstdint>

#include "core/utf8.hpp"

namespace galley {
namespace {

/// True for an ASCII byte XML takes as it is: most bytes of a report, passed over in a loop.
bool plain_ascii(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 0x20U && byte < 0x80U) || byte == '\t' || byte == '\n' || byte == '\r';
}

/// True when the eight bytes of `text` from `pos` are all there and plain_ascii with no tab,
/// LF or CR: one test for most of a report's text.
bool plain_eight(std::string_view text, std::size_t pos) {
  std::uint64_t eight = 0;
  if (!utf8::ascii_eight(text, pos, eight)) return false;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  return ((eight - 0x20 * kOnes) & ~eight & kHigh) == 0;  // No byte below 0x20.
}

/// Length of the XML-safe code point at `pos`, or 0 when the byte must be escaped.
std::size_t safe_length(std::string_view text, std::size_t pos) {
  if (plain_ascii(text[pos])) return 1;
  const std::size_t length = utf8::sequence_length(text, pos);
  if (length == 0) return 0;
  return is_xml_char(utf8::decode(text, pos)) ? length : 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool is_xml_char(char32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp != 0xFFFE && cp != 0xFFFF;
}

std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t plain = pos;
    while (pos < text.size() && plain_ascii(text[pos])) ++pos;
    out.append(text.substr(plain, pos - plain));
    if (pos == text.size()) break;
    const std::size_t length = safe_length(text, pos);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++pos;
      continue;
    }
    out.append(text.substr(pos, length));
    pos += length;
  }
  return out;
}

std::size_t xml_text_prefix(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (plain_eight(bytes, pos)) {
      pos += 8;
      continue;
    }
    const std::size_t length = safe_length(bytes, pos);
    if (length == 0) break;
    pos += length;
  }
  return pos;
}

std::string read_exact_bytes(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element && std::string_view(child.name()) == "byte") {
      const std::string_view value = child.attribute("value").value();
      if (value.size() == 2 && hex_value(value[0]) >= 0 && hex_value(value[1]) >= 0) {
        out += static_cast<char>(hex_value(value[0]) * 16 + hex_value(value[1]));
      }
    } else if (child.type() == pugi::node_element) {
      out += read_exact_bytes(child);
    }
  }
  return out;
}

}  // namespace galley
