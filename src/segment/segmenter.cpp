#include "segment/segmenter.hpp"

#include <unicode/brkiter.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "segment/icu_text.hpp"
#include "segment/nonword.hpp"

namespace galley {
namespace {

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
  IcuText text;

  /// Points `iterator` at `bytes`, converted.
  void set(icu::BreakIterator& iterator, std::string_view bytes) {
    text.assign(bytes);
    UErrorCode status = U_ZERO_ERROR;
    iterator.setText(text.utext(), status);
  }
  /// The byte span between two ICU boundaries.
  [[nodiscard]] Span span(int32_t begin, int32_t end) const {
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
