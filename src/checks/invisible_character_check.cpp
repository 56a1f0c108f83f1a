#include "checks/invisible_character_check.hpp"

#include <array>
#include <cstdio>

#include "checks/registry.hpp"
#include "core/utf8.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "typography.invisible-character";

/// An invisible code point and what to call it.
struct Invisible {
  char32_t code_point;
  std::string_view name;
};

constexpr std::array<Invisible, 13> kInvisible{{
    {0x00AD, "soft hyphen"},
    {0x200B, "zero-width space"},
    {0x200C, "zero-width non-joiner"},
    {0x200D, "zero-width joiner"},
    {0x2060, "word joiner"},
    {0xFEFF, "zero-width no-break space (byte-order mark)"},
    {0x202A, "left-to-right embedding"},
    {0x202B, "right-to-left embedding"},
    {0x202C, "pop directional formatting"},
    {0x202D, "left-to-right override"},
    {0x202E, "right-to-left override"},
    {0x2066, "left-to-right isolate"},
    {0x2067, "right-to-left isolate"},
}};

std::string name_of(char32_t cp) {
  for (const Invisible& entry : kInvisible) {
    if (entry.code_point == cp) return std::string(entry.name);
  }
  if (cp == 0x2068 || cp == 0x2069) return "directional isolate";
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return "control character";
  return {};
}

std::string code_point_label(char32_t cp) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "U+%04X", static_cast<unsigned>(cp));
  return buffer.data();
}

bool is_letter_byte(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[pos]);
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/// A zero-width joiner belongs in emoji sequences; it is stray only between letters.
bool is_legitimate(char32_t cp, std::string_view text, std::size_t begin, std::size_t end) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return true;
  if (cp == 0x200D) return !(begin > 0 && is_letter_byte(text, begin - 1) && is_letter_byte(text, end));
  return false;
}

}  // namespace

std::unique_ptr<Check> InvisibleCharacterCheck::make(const Settings& /*settings*/) {
  return std::make_unique<InvisibleCharacterCheck>();
}

void InvisibleCharacterCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  for (const Block& block : doc.doc.blocks) {
    const std::string_view text = block.text;
    std::size_t pos = 0;
    while (pos < text.size()) {
      if (utf8::printable_eight(text, pos)) {  // Nearly all of a text, eight bytes at a time.
        pos += 8;
        continue;
      }
      const auto byte = static_cast<unsigned char>(text[pos]);
      if (byte >= 0x20U && byte < 0x7FU) {  // Printable ASCII: visible.
        ++pos;
        continue;
      }
      const std::size_t length = utf8::sequence_length(text, pos);
      if (length == 0) {
        ++pos;  // Invalid bytes are typography.invalid-utf8's.
        continue;
      }
      const char32_t cp = utf8::decode(text, pos);
      const std::string name = (cp < 0x20 || cp >= 0x7F) ? name_of(cp) : std::string();
      if (!name.empty() && !is_legitimate(cp, text, pos, pos + length)) {
        out.push_back(make_finding(info, block.to_source({pos, pos + length}),
                                   "Invisible " + name + " (" + code_point_label(cp) + ")", {""}));
      }
      pos += length;
    }
  }
}

}  // namespace galley
