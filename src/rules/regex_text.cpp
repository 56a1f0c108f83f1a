#include "rules/regex_text.hpp"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <limits>

namespace galley {

RegexText::~RegexText() { utext_close(utext_); }

// Only well-formed UTF-8 is converted: ICU's UText reads an ill-formed byte run as U+FFFD with
// its own rules, and matches there keep the old path so their spans are exactly as before.
void RegexText::assign(std::string_view text) {
  bytes_ = text;
  utf16_ = convert(text);
  UErrorCode status = U_ZERO_ERROR;
  if (utf16_) {
    utext_ = utext_openUChars(utext_, units_.data(), static_cast<int64_t>(units_.size()), &status);
  } else {
    utext_ = utext_openUTF8(utext_, text.data(), static_cast<int64_t>(text.size()), &status);
  }
}

void RegexText::shrink(std::size_t bytes) {
  if (units_.capacity() <= bytes) return;
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUChars(utext_, u"", 0, &status);
  bytes_ = {};
  utf16_ = false;
  ascii_ = false;
  units_ = std::u16string();
  offset_ = std::vector<std::uint32_t>();
}

// Units are written through a pointer into a buffer sized for the worst case (one unit per
// byte), and the offset table is only made when some code point is not ASCII.
bool RegexText::convert(std::string_view text) {
  offset_.clear();
  if (text.size() >= std::numeric_limits<int32_t>::max()) return false;
  const auto length = static_cast<int32_t>(text.size());
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  units_.resize(text.size());
  char16_t* out = units_.data();
  int32_t pos = 0;
  while (pos < length && data[pos] < 0x80) *out++ = data[pos++];
  ascii_ = pos == length;
  if (!ascii_) {
    offset_.resize(static_cast<std::size_t>(pos));
    for (int32_t i = 0; i < pos; ++i)
      offset_[static_cast<std::size_t>(i)] = static_cast<uint32_t>(i);
  }
  while (pos < length) {
    const int32_t start = pos;
    UChar32 c = 0;
    U8_NEXT(data, pos, length, c);
    if (c < 0) return false;
    offset_.push_back(static_cast<std::uint32_t>(start));
    if (U16_LENGTH(c) == 1) {
      *out++ = static_cast<char16_t>(c);
      continue;
    }
    *out++ = U16_LEAD(c);
    *out++ = U16_TRAIL(c);
    offset_.push_back(static_cast<std::uint32_t>(start));
  }
  units_.resize(static_cast<std::size_t>(out - units_.data()));
  offset_.push_back(static_cast<std::uint32_t>(text.size()));
  return true;
}

int64_t RegexText::native(std::size_t pos) const {
  if (!utf16_ || ascii_) return static_cast<int64_t>(std::min(pos, bytes_.size()));
  const auto target = static_cast<std::uint32_t>(std::min(pos, bytes_.size()));
  return std::lower_bound(offset_.begin(), offset_.end(), target) - offset_.begin();
}

std::size_t RegexText::byte_offset(int64_t index) const {
  const auto at = static_cast<std::size_t>(std::max<int64_t>(index, 0));
  if (!utf16_ || ascii_) return at;
  return offset_[std::min(at, offset_.size() - 1)];
}

}  // namespace galley
