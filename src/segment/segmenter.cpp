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

  /// Points `iterator` at the text last made ready.
  void point(icu::BreakIterator& iterator) {
    UErrorCode status = U_ZERO_ERROR;
    iterator.setText(text.utext(), status);
  }
  /// The byte span between two ICU boundaries.
  [[nodiscard]] Span span(int32_t begin, int32_t end) const {
    return {text.byte_offset(begin), text.byte_offset(end)};
  }

  /// The sentences of the text made ready, `bytes`.
  std::vector<Span> sentences_of() {
    std::vector<Span> out;
    point(*sentences);
    icu::BreakIterator& it = *sentences;
    int32_t begin = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
      out.push_back(span(begin, end));
    }
    return out;
  }

  /// The tokens of the text made ready, `bytes`.
  std::vector<Token> tokens_of(std::string_view bytes) {
    std::vector<Token> out;
    const std::vector<Token> nonwords = find_nonwords(bytes);
    auto next_nonword = nonwords.begin();
    point(*words);
    icu::BreakIterator& it = *words;
    int32_t begin = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
      const Span word = span(begin, end);
      while (next_nonword != nonwords.end() && next_nonword->span().end <= word.begin) {
        out.push_back(*next_nonword++);
      }
      if (next_nonword != nonwords.end() && next_nonword->span().begin < word.end) continue;
      if (word.size() > Token::kMaxLength) continue;  // 256 MiB without a break is no word.
      const int32_t status = it.getRuleStatus();
      if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
        out.push_back({word, TokenKind::number});
      } else if (status >= UBRK_WORD_LETTER) {
        out.push_back({word, classify_word(bytes.substr(word.begin, word.size()))});
      }
    }
    out.insert(out.end(), next_nonword, nonwords.end());
    return out;
  }
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;

std::vector<Span> Segmenter::sentences(std::string_view text) {
  if (text.empty()) return {};
  impl_->text.assign(text);
  return impl_->sentences_of();
}

std::vector<Token> Segmenter::tokens(std::string_view text) {
  if (text.empty()) return {};
  impl_->text.assign(text);
  return impl_->tokens_of(text);
}

Segments Segmenter::segments(std::string_view text, bool want_sentences, bool want_tokens) {
  Segments out;
  if (text.empty() || (!want_sentences && !want_tokens)) return out;
  impl_->text.assign(text);  // Once for both iterators.
  if (want_sentences) out.sentences = impl_->sentences_of();
  if (want_tokens) out.tokens = impl_->tokens_of(text);
  return out;
}

}  // namespace galley
