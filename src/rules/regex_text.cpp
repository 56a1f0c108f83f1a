#include "rules/regex_text.hpp"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <limits>
#include <memory>

#include "core/utf8.hpp"

namespace galley {
namespace {

bool is_well_formed(std::string_view text) {
  if (text.size() >= std::numeric_limits<int32_t>::max()) return false;
  const auto length = static_cast<int32_t>(text.size());
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  for (int32_t pos = 0; pos < length;) {
    UChar32 c = 0;
    U8_NEXT(data, pos, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

RegexText::~RegexText() { utext_close(utext_); }

// Only well-formed UTF-8 is converted: ICU's UText reads an ill-formed byte run as U+FFFD with
// its own rules, and matches there keep the old path so their spans are exactly as before. The
// buffers are kept for the next text, so that documents after the first cost no page faults.
void RegexText::assign(std::string_view text) {
  bytes_ = text;
  utf16_ = text.size() <= kConvertedUpTo && convert(text);
  well_formed_ = utf16_ || (text.size() > kConvertedUpTo && is_well_formed(text));
  UErrorCode status = U_ZERO_ERROR;
  if (utf16_) {
    utext_ = utext_openUChars(utext_, units_.get(), static_cast<int64_t>(length_), &status);
  } else {
    utext_ = utext_openUTF8(utext_, text.data(), static_cast<int64_t>(text.size()), &status);
  }
}

// A checkpoint (unit, byte) every kCheckpoint units keeps offsets at a few bytes per 64 units;
// offsets between checkpoints are found by walking the UTF-8 forward.
bool RegexText::convert(std::string_view text) {
  checkpoints_.clear();
  if (text.size() >= std::numeric_limits<int32_t>::max()) return false;
  const auto length = static_cast<int32_t>(text.size());
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  if (capacity_ < text.size()) {
    capacity_ = std::max(text.size(), 2 * capacity_);
    units_ = std::make_unique_for_overwrite<char16_t[]>(capacity_);
  }
  char16_t* const first = units_.get();
  char16_t* out = first;
  std::size_t next_checkpoint = 0;
  for (int32_t pos = 0; pos < length;) {
    const auto unit = static_cast<std::size_t>(out - first);
    if (unit >= next_checkpoint) {
      checkpoints_.push_back({unit, static_cast<std::size_t>(pos)});
      next_checkpoint = unit - unit % kCheckpoint + kCheckpoint;
    }
    if (data[pos] < 0x80) {
      *out++ = data[pos++];
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(data, pos, length, c);
    if (c < 0) return false;
    if (U16_LENGTH(c) == 1) {
      *out++ = static_cast<char16_t>(c);
    } else {
      *out++ = U16_LEAD(c);
      *out++ = U16_TRAIL(c);
    }
  }
  length_ = static_cast<std::size_t>(out - first);
  ascii_ = length_ == text.size();  // Any other code point takes fewer units than bytes.
  checkpoints_.push_back({length_, text.size()});
  return true;
}

int64_t RegexText::native(std::size_t pos) const {
  pos = std::min(pos, bytes_.size());
  if (!utf16_ || ascii_) return static_cast<int64_t>(pos);
  auto after =
      std::upper_bound(checkpoints_.begin(), checkpoints_.end(), pos,
                       [](std::size_t byte, const Checkpoint& c) { return byte < c.byte; });
  std::size_t unit = (after - 1)->unit;
  for (std::size_t byte = (after - 1)->byte; byte < pos;) {
    const std::size_t length = std::max<std::size_t>(utf8::sequence_length(bytes_, byte), 1);
    unit += length == 4 ? 2 : 1;
    byte += length;
  }
  return static_cast<int64_t>(unit);
}

std::size_t RegexText::byte_offset(int64_t index) const {
  const auto unit = std::min(static_cast<std::size_t>(std::max<int64_t>(index, 0)), length_);
  if (!utf16_ || ascii_) return static_cast<std::size_t>(std::max<int64_t>(index, 0));
  auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), unit,
                                [](std::size_t u, const Checkpoint& c) { return u < c.unit; });
  std::size_t byte = (after - 1)->byte;
  for (std::size_t at = (after - 1)->unit; at < unit;) {
    const std::size_t length = std::max<std::size_t>(utf8::sequence_length(bytes_, byte), 1);
    at += length == 4 ? 2 : 1;
    byte += length;
  }
  return byte;
}

}  // namespace galley
