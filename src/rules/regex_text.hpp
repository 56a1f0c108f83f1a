#pragma once

#include <unicode/utext.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

/// A UTF-8 text made ready for ICU's matchers once and shared by the scanners of all rules.
/// Well-formed UTF-8 is converted to UTF-16, which ICU matches from memory (its fast path)
/// instead of through UText's UTF-8 access; other text is read through UText as it stands.
/// Offsets in and out stay byte offsets of the UTF-8 text.
class RegexText {
 public:
  RegexText() = default;
  ~RegexText();
  RegexText(const RegexText&) = delete;
  RegexText& operator=(const RegexText&) = delete;

  /// Prepares `text`, which must stay alive while this is used.
  void assign(std::string_view text);

  /// Texts up to this size are converted to UTF-16 (when well-formed); larger ones are read
  /// through UText rather than kept in a buffer twice their size.
  static constexpr std::size_t kConvertedUpTo = std::size_t{4} << 20U;

  /// True when the text is well-formed UTF-8.
  [[nodiscard]] bool well_formed() const { return well_formed_; }
  /// The UTF-8 text.
  [[nodiscard]] std::string_view bytes() const { return bytes_; }
  /// The UText ICU reads (valid until the next assign).
  [[nodiscard]] UText* utext() const { return utext_; }
  /// ICU's native index for byte offset `pos` (a code point boundary, or the end).
  [[nodiscard]] int64_t native(std::size_t pos) const;
  /// The byte offset for ICU's native index `index`.
  [[nodiscard]] std::size_t byte_offset(int64_t index) const;

 private:
  /// Where a unit starts in the UTF-8 text.
  struct Checkpoint {
    std::size_t unit = 0;  ///< Index of a UTF-16 unit that starts a code point.
    std::size_t byte = 0;  ///< Its byte offset.
  };
  static constexpr std::size_t kCheckpoint = 64;  ///< Units between checkpoints.

  std::string_view bytes_;
  bool well_formed_ = false;             ///< True when the text is well-formed UTF-8.
  bool utf16_ = false;                   ///< True when `units_` holds the text.
  bool ascii_ = false;                   ///< True when it is all ASCII: unit i is byte i.
  std::unique_ptr<char16_t[]> units_;    ///< The text in UTF-16 (not zero-filled).
  std::size_t capacity_ = 0;             ///< Units `units_` has room for.
  std::size_t length_ = 0;               ///< Units of the text.
  std::vector<Checkpoint> checkpoints_;  ///< Ascending; the last is the end of the text.
  UText* utext_ = nullptr;

  bool convert(std::string_view text);
};

}  // namespace galley
