#include "segment/icu_text.hpp"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
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
    if (std::uint64_t eight = 0; utf8::ascii_eight(text, static_cast<std::size_t>(pos), eight)) {
      pos += 8;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(data, pos, length, c);
    if (c < 0) return false;
  }
  return true;
}

/// Writes the eight ASCII bytes at `bytes` (loaded as `eight`) to `out` as UTF-16 code units.
void widen_ascii(std::uint64_t eight, const uint8_t* bytes, char16_t* out) {
  if constexpr (std::endian::native == std::endian::little) {
    // Each half spread to four 16-bit lanes with shifts and masks (the byte loop took 40
    // instructions for eight bytes): byte k lands in the low byte of lane k.
    const auto spread = [](std::uint64_t half) {
      half = (half | (half << 16U)) & 0x0000FFFF0000FFFFULL;
      return (half | (half << 8U)) & 0x00FF00FF00FF00FFULL;
    };
    const std::uint64_t low = spread(eight & 0xFFFFFFFFULL);
    const std::uint64_t high = spread(eight >> 32U);
    std::memcpy(out, &low, 8);
    std::memcpy(out + 4, &high, 8);
  } else {
    for (int i = 0; i < 8; ++i) out[i] = static_cast<char16_t>(bytes[i]);
  }
}

}  // namespace

IcuText::~IcuText() { utext_close(utext_); }

// Only well-formed UTF-8 is converted: ICU's UText reads an ill-formed byte run as U+FFFD with
// its own rules, and matches and boundaries there keep the old path so their spans are exactly
// as before. The buffers are kept for the next text, so that texts after the first cost no
// page faults.
void IcuText::assign(std::string_view text) {
  // A long text in a script of two-byte letters leaves shifts of four times its size: not
  // kept for the texts after it.
  if (shifts_.capacity() > kKeptShifts) std::vector<Shift>().swap(shifts_);
  bytes_ = text;
  utf16_ = text.size() <= kConvertedUpTo && convert(text);
  well_formed_ = utf16_ || (text.size() > kConvertedUpTo && is_well_formed(text));
  UErrorCode status = U_ZERO_ERROR;
  if (utf16_) {
    utext_ = utext_openUChars(utext_, units_.get(), static_cast<int64_t>(length_), &status);
  } else {
    shifts_.clear();  // Native indexes are byte offsets.
    // ICU reads no more than 2 GiB (it refuses a longer UText): the rest goes unread, as a
    // block's text that long can only come from --max-bytes raised past it.
    const auto readable = std::min<std::size_t>(text.size(), INT32_MAX);
    utext_ = utext_openUTF8(utext_, text.data(), static_cast<int64_t>(readable), &status);
  }
}

bool IcuText::convert(std::string_view text) {
  shifts_.clear();
  next_shift_ = 0;
  if (text.size() >= std::numeric_limits<int32_t>::max()) return false;
  const auto length = static_cast<int32_t>(text.size());
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  if (capacity_ < text.size()) {
    capacity_ = std::max(text.size(), 2 * capacity_);
    units_ = std::make_unique_for_overwrite<char16_t[]>(capacity_);
  }
  char16_t* const first = units_.get();
  char16_t* out = first;
  for (int32_t pos = 0; pos < length;) {
    // Every block is converted for the segmenter and again for the rule packs.
    if (std::uint64_t eight = 0; utf8::ascii_eight(text, static_cast<std::size_t>(pos), eight)) {
      widen_ascii(eight, data + pos, out);
      out += 8;
      pos += 8;
      continue;
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
    const auto unit = static_cast<std::uint32_t>(out - first);
    shifts_.push_back({unit, static_cast<std::uint32_t>(pos) - unit});
  }
  length_ = static_cast<std::size_t>(out - first);
  return true;
}

// Break iteration asks in increasing order, a few units on each time: the cursor steps. A rule's
// scanner may jump back to the text's start, or far ahead to its next match: a binary search.
std::size_t IcuText::shifts_through(std::size_t unit) const {
  constexpr std::size_t kSteps = 8;
  const auto above = [](std::size_t u, const Shift& s) { return u < s.unit; };
  if (next_shift_ > 0 && shifts_[next_shift_ - 1].unit > unit) {
    next_shift_ = static_cast<std::size_t>(
        std::upper_bound(shifts_.begin(), shifts_.end(), unit, above) - shifts_.begin());
    return next_shift_;
  }
  for (std::size_t step = 0; step < kSteps; ++step) {
    if (next_shift_ == shifts_.size() || shifts_[next_shift_].unit > unit) return next_shift_;
    ++next_shift_;
  }
  const auto from = shifts_.begin() + static_cast<std::ptrdiff_t>(next_shift_);
  next_shift_ = static_cast<std::size_t>(std::upper_bound(from, shifts_.end(), unit, above) -
                                         shifts_.begin());
  return next_shift_;
}

int64_t IcuText::native(std::size_t pos) const {
  pos = std::min(pos, bytes_.size());
  // A shift's byte offset is unit + extra_bytes: ascending too, so it can be searched by bytes.
  const auto after = std::upper_bound(
      shifts_.begin(), shifts_.end(), pos,
      [](std::size_t byte, const Shift& s) { return byte < std::size_t{s.unit} + s.extra_bytes; });
  if (after == shifts_.begin()) return static_cast<int64_t>(pos);
  return static_cast<int64_t>(pos - (after - 1)->extra_bytes);
}

std::size_t IcuText::shifted(std::size_t unit) const {
  const std::size_t through = shifts_through(std::min(unit, length_));
  return through == 0 ? unit : unit + shifts_[through - 1].extra_bytes;
}

}  // namespace galley
