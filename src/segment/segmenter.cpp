#include "segment/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "segment/nonword.hpp"

namespace galley {
namespace {

/// A text in UTF-16, and how to map its unit offsets back to byte offsets. ICU's break iterators
/// walk UTF-16 in place but UTF-8 through a converting UText that refills a small buffer every few
/// dozen code points: converting each text once first made word and sentence breaking cheaper
/// (docs/performance.md).
class Utf16Text {
 public:
  /// Converts `bytes`, cut at 2 GiB (ICU's limit). Ill-formed sequences become U+FFFD, as in
  /// ICU's UTF-8 UText.
  void assign(std::string_view bytes) {
    bytes = bytes.substr(0, std::min<std::size_t>(bytes.size(), INT32_MAX));
    units_.resize(bytes.size());
    shifts_.clear();
    next_shift_ = 0;
    std::size_t i = 0;
    for (; i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80U; ++i) {
      units_[i] = static_cast<char16_t>(bytes[i]);
    }
    if (i < bytes.size()) convert_from(bytes, i);
  }

  /// The units.
  [[nodiscard]] const char16_t* data() const { return units_.data(); }
  /// Number of units.
  [[nodiscard]] int32_t length() const { return static_cast<int32_t>(units_.size()); }

  /// The byte offset of unit offset `unit`, a boundary ICU returned (so never inside a pair).
  /// Fastest when asked in increasing order, as break iteration does.
  [[nodiscard]] std::size_t byte_offset(int32_t unit) {
    const auto u = static_cast<std::uint32_t>(std::max(unit, 0));
    if (next_shift_ > 0 && shifts_[next_shift_ - 1].unit > u) {
      next_shift_ = static_cast<std::size_t>(
          std::upper_bound(shifts_.begin(), shifts_.end(), u,
                           [](std::uint32_t value, const Shift& s) { return value < s.unit; }) -
          shifts_.begin());
    }
    while (next_shift_ < shifts_.size() && shifts_[next_shift_].unit <= u) ++next_shift_;
    return next_shift_ == 0 ? u : u + shifts_[next_shift_ - 1].extra_bytes;
  }

 private:
  /// From unit `unit` on, byte offsets exceed unit offsets by `extra_bytes` (until the next
  /// shift). One per non-ASCII code point: eight bytes each, where a table of every unit's
  /// offset would cost four bytes per unit of a text of any length.
  struct Shift {
    std::uint32_t unit = 0;
    std::uint32_t extra_bytes = 0;
  };

  /// Converts from `ascii_end`, the first byte of 0x80 or more.
  void convert_from(std::string_view bytes, std::size_t ascii_end) {
    units_.resize(ascii_end);
    const auto length = static_cast<int32_t>(bytes.size());
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    for (auto i = static_cast<int32_t>(ascii_end); i < length;) {
      const int32_t begin = i;
      UChar32 c = 0;
      U8_NEXT(data, i, length, c);
      if (c < 0) c = 0xFFFD;
      if (U16_LENGTH(c) == 1) {
        units_.push_back(static_cast<char16_t>(c));
      } else {
        units_.push_back(static_cast<char16_t>(U16_LEAD(c)));
        units_.push_back(static_cast<char16_t>(U16_TRAIL(c)));
      }
      if (i - begin != U16_LENGTH(c)) {
        shifts_.push_back({static_cast<std::uint32_t>(units_.size()),
                           static_cast<std::uint32_t>(i) - static_cast<std::uint32_t>(units_.size())});
      }
    }
  }

  std::u16string units_;
  std::vector<Shift> shifts_;   ///< In increasing unit order.
  std::size_t next_shift_ = 0;  ///< The first shift past the last offset asked for.
};

std::unique_ptr<icu::BreakIterator> make_iterator(bool sentences) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      sentences ? icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status)
                : icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !iterator) {
    throw std::runtime_error(std::string("ICU break iterator unavailable: ") + u_errorName(status));
  }
  return iterator;
}

}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> words = make_iterator(false);
  std::unique_ptr<icu::BreakIterator> sentences = make_iterator(true);
  Utf16Text text;
  UText* utext = nullptr;

  ~Impl() { utext_close(utext); }

  /// Points `iterator` at `bytes`, converted.
  void set(icu::BreakIterator& iterator, std::string_view bytes) {
    text.assign(bytes);
    UErrorCode status = U_ZERO_ERROR;
    utext = utext_openUChars(utext, text.data(), text.length(), &status);
    iterator.setText(utext, status);
  }
  /// The byte span between two ICU boundaries.
  [[nodiscard]] Span span(int32_t begin, int32_t end) {
    return {text.byte_offset(begin), text.byte_offset(end)};
  }
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;

std::vector<Span> Segmenter::sentences(std::string_view text) {
  std::vector<Span> out;
  if (text.empty()) return out;
  impl_->set(*impl_->sentences, text);
  icu::BreakIterator& it = *impl_->sentences;
  int32_t begin = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
    out.push_back(impl_->span(begin, end));
  }
  return out;
}

std::vector<Token> Segmenter::tokens(std::string_view text) {
  std::vector<Token> out;
  if (text.empty()) return out;
  const std::vector<Token> nonwords = find_nonwords(text);
  auto next_nonword = nonwords.begin();
  impl_->set(*impl_->words, text);
  icu::BreakIterator& it = *impl_->words;
  int32_t begin = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
    const Span span = impl_->span(begin, end);
    while (next_nonword != nonwords.end() && next_nonword->span().end <= span.begin) {
      out.push_back(*next_nonword++);
    }
    if (next_nonword != nonwords.end() && next_nonword->span().begin < span.end) continue;
    if (span.size() > Token::kMaxLength) continue;  // 256 MiB without a break is no word.
    const int32_t status = it.getRuleStatus();
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      out.push_back({span, TokenKind::number});
    } else if (status >= UBRK_WORD_LETTER) {
      out.push_back({span, classify_word(text.substr(span.begin, span.size()))});
    }
  }
  out.insert(out.end(), next_nonword, nonwords.end());
  return out;
}

}  // namespace galley
