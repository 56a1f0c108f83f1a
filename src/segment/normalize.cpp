#include "segment/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace galley {
namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string nfc_of(const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  if (U_FAILURE(status)) return text.toUTF8String(out);
  const icu::UnicodeString normalized = nfc->normalize(text, status);
  if (U_FAILURE(status)) return text.toUTF8String(out);
  return normalized.toUTF8String(out);
}

}  // namespace

std::string to_nfc(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  return nfc_of(icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))));
}

std::string fold_key(std::string_view text) {
  std::string out;
  fold_key_into(text, out);
  return out;
}

void fold_key_into(std::string_view text, std::string& out) {
  if (is_ascii(text)) {
    out.assign(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return;
  }
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  unicode.foldCase();
  out = nfc_of(unicode);
}

std::string without_accents(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_FAILURE(status)) return std::string(text);
  const icu::UnicodeString decomposed = nfd->normalize(unicode, status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t unit = decomposed.charAt(i);
    if (unit < 0x0300 || unit > 0x036F) bare.append(unit);  // Combining Diacritical Marks.
  }
  return nfc_of(bare);
}

bool same_word(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (!may_be_same_word(a, b)) return false;  // Most words asked about differ at once.
  // Every pair of neighbouring words is asked about: ASCII words compare in place, unfolded.
  if (is_ascii(a) && is_ascii(b)) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return ascii_lower(x) == ascii_lower(y);
           });
  }
  return fold_key(a) == fold_key(b);
}

}  // namespace galley
