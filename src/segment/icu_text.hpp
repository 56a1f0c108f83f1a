#pragma once

#include <unicode/utext.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace galley {

/// A UTF-8 text made ready for ICU once: for the break iterators of the segmenter, and for the
/// matchers of all rules. Well-formed UTF-8 is converted to UTF-16, which ICU reads from memory
/// (its fast path) instead of through UText's UTF-8 access, which refills a small buffer every
/// few dozen code points; other text is read through UText as it stands. Offsets in and out
/// stay byte offsets of the UTF-8 text. Make one per thread: lookups move a cursor.
class IcuText {
 public:
  IcuText() = default;
  ~IcuText();
  IcuText(const IcuText&) = delete;
  IcuText& operator=(const IcuText&) = delete;

  /// Prepares `text`, which must stay alive while this is used.
  void assign(std::string_view text);

  /// Texts up to this size are converted to UTF-16 (when well-formed); larger ones are read
  /// through UText rather than kept in a buffer twice their size.
  static constexpr std::size_t kConvertedUpTo = std::size_t{4} << 20U;
  /// Shifts whose room is kept for the next text (8 MB); more is given back.
  static constexpr std::size_t kKeptShifts = std::size_t{1} << 20U;

  /// True when the text is well-formed UTF-8.
  [[nodiscard]] bool well_formed() const { return well_formed_; }
  /// The UTF-8 text.
  [[nodiscard]] std::string_view bytes() const { return bytes_; }
  /// The UText ICU reads (valid until the next assign).
  [[nodiscard]] UText* utext() const { return utext_; }
  /// The text in UTF-16, whose unit offsets are ICU's native indexes, or null where ICU reads
  /// the UTF-8 (valid until the next assign).
  [[nodiscard]] const char16_t* units() const { return utf16_ ? units_.get() : nullptr; }
  /// The number of UTF-16 units of units().
  [[nodiscard]] std::size_t length() const { return utf16_ ? length_ : 0; }
  /// ICU's native index for byte offset `pos` (a code point boundary, or the end).
  [[nodiscard]] int64_t native(std::size_t pos) const;
  /// The byte offset for ICU's native index `index` (a code point boundary, or the end).
  /// Cheapest when asked in increasing order, as break iteration does.
  [[nodiscard]] std::size_t byte_offset(int64_t index) const {
    const auto unit = static_cast<std::size_t>(std::max<int64_t>(index, 0));
    return shifts_.empty() ? unit : shifted(unit);  // Inline for ASCII: asked at every boundary.
  }

 private:
  /// From UTF-16 unit `unit` on, byte offsets exceed unit offsets by `extra_bytes` (up to the
  /// next shift). One per non-ASCII code point, so none for ASCII: eight bytes per such code
  /// point, and any offset found without walking the text.
  struct Shift {
    std::uint32_t unit = 0;
    std::uint32_t extra_bytes = 0;
  };

  std::string_view bytes_;
  bool well_formed_ = false;            ///< True when the text is well-formed UTF-8.
  bool utf16_ = false;                  ///< True when `units_` holds the text.
  std::unique_ptr<char16_t[]> units_;   ///< The text in UTF-16 (not zero-filled).
  std::size_t capacity_ = 0;            ///< Units `units_` has room for.
  std::size_t length_ = 0;              ///< Units of the text.
  std::vector<Shift> shifts_;           ///< In increasing unit (and byte) order.
  mutable std::size_t next_shift_ = 0;  ///< Cursor: the first shift past the last unit asked.
  UText* utext_ = nullptr;

  bool convert(std::string_view text);
  /// byte_offset() of unit offset `unit` of a text that has shifts.
  [[nodiscard]] std::size_t shifted(std::size_t unit) const;
  /// The number of shifts at or before unit `unit`.
  [[nodiscard]] std::size_t shifts_through(std::size_t unit) const;
};

}  // namespace galley
