#pragma once

#include <unicode/utext.h>

#include <cstddef>
#include <cstdint>
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
  /// Lets go of buffers grown beyond `bytes` by a large text.
  void shrink(std::size_t bytes);

  /// True when the text is well-formed UTF-8 (and so held in UTF-16).
  [[nodiscard]] bool well_formed() const { return utf16_; }
  /// The UTF-8 text.
  [[nodiscard]] std::string_view bytes() const { return bytes_; }
  /// The UText ICU reads (valid until the next assign).
  [[nodiscard]] UText* utext() const { return utext_; }
  /// ICU's native index for byte offset `pos` (a code point boundary, or the end).
  [[nodiscard]] int64_t native(std::size_t pos) const;
  /// The byte offset for ICU's native index `index`.
  [[nodiscard]] std::size_t byte_offset(int64_t index) const;

 private:
  std::string_view bytes_;
  bool utf16_ = false;                 ///< True when `units_` holds the text.
  bool ascii_ = false;                 ///< True when it is all ASCII: unit i is byte i.
  std::u16string units_;               ///< The text in UTF-16.
  std::vector<std::uint32_t> offset_;  ///< Per unit and the end: its byte offset (not ASCII).
  UText* utext_ = nullptr;

  bool convert(std::string_view text);
};

}  // namespace galley
