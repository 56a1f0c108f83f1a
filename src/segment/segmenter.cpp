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

bool is_ascii_letter(unsigned char c) { return static_cast<unsigned>((c | 0x20U) - 'a') < 26U; }

/// ASCII that is in no word or number of its own: space, controls and punctuation but '_' and
/// '@' (a letter to ICU, which keeps e-mail addresses whole). Those of it that join letters,
/// ':' '.' '\'', are taken care of by plain_word.
bool is_separator(unsigned char c) {
  return c < 0x80U && !is_ascii_letter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '@';
}

/// The word-break classes (UAX #29) of ASCII between two letters: MidLetter, MidNumLet and
/// Single_Quote join them ("e.g", "don't"), and so does nothing else that is a separator.
bool joins_letters(unsigned char c) { return c == ':' || c == '.' || c == '\''; }

// A run of ASCII letters is one ICU word, and its bounds are ICU boundaries, whatever comes
// before and after its neighbours, when the byte before it is a separator that cannot join
// letters, or none, and the byte after it is a separator that cannot join letters, or one that
// can but is not followed by a letter, or none. Rules WB5-WB13b of UAX #29 (as ICU's word rules
// have them, '@' a letter) join a letter only to letters, digits, '_' and, with a letter on its
// other side, a MidLetter or MidNumLet; a separator is ASCII, so no Extend or Format character
// lies between (WB4). The segmenter test holds this against ICU's own boundaries on many texts.

/// The end of the plain word that starts at byte `pos` of `bytes`, or `pos` when there is none.
std::size_t plain_word(std::string_view bytes, std::size_t pos) {
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  if (!is_ascii_letter(at(pos))) return pos;
  if (pos > 0 && (!is_separator(at(pos - 1)) || joins_letters(at(pos - 1)))) return pos;
  std::size_t end = pos + 1;
  while (end < bytes.size() && is_ascii_letter(at(end))) ++end;
  if (end == bytes.size()) return end;
  if (!is_separator(at(end))) return pos;
  if (joins_letters(at(end)) && end + 1 < bytes.size() &&
      !(is_separator(at(end + 1)) || (at(end + 1) >= '0' && at(end + 1) <= '9'))) {
    return pos;
  }
  return end;
}

}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> words = make_iterator(false);
  std::unique_ptr<icu::BreakIterator> sentences = make_iterator(true);
  IcuText text;
  // A block's tokens and sentences are gathered here, then copied out at their exact size: the
  // vectors a document keeps grew by doubling and were trimmed, three or four allocations and
  // copies each, the first touch of most of that memory on a long document.
  std::vector<Token> token_scratch;
  std::vector<Span> sentence_scratch;

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
    std::vector<Span>& out = sentence_scratch;
    out.clear();
    point(*sentences);
    icu::BreakIterator& it = *sentences;
    int32_t begin = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
      out.push_back(span(begin, end));
    }
    return {out.begin(), out.end()};
  }

  /// The tokens of the text made ready, `bytes`: ICU's, except that the plain words (plain_word)
  /// are taken without it. ICU iterates from the first boundary before what is not plain to the
  /// first boundary after it where plain text starts again.
  std::vector<Token> tokens_of(std::string_view bytes) {
    TokenSink sink(bytes, token_scratch);
    point(*words);
    std::size_t pos = 0;
    while (pos < bytes.size()) {
      const auto c = static_cast<unsigned char>(bytes[pos]);
      if (is_separator(c)) {
        ++pos;
        continue;
      }
      if (const std::size_t end = plain_word(bytes, pos); end > pos) {
        sink.add(Span{pos, end}, UBRK_WORD_LETTER);
        pos = end;
        continue;
      }
      pos = iterate_from(bytes, pos, sink);
    }
    return sink.finish();
  }

  /// The tokens of the text made ready, `bytes`, every boundary found by ICU.
  std::vector<Token> icu_tokens_of(std::string_view bytes) {
    TokenSink sink(bytes, token_scratch);
    point(*words);
    icu::BreakIterator& it = *words;
    int32_t begin = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
      sink.add(span(begin, end), it.getRuleStatus());
    }
    return sink.finish();
  }

 private:
  /// Tokens from ICU's segments in order, with the non-words (URLs, addresses) put in their
  /// place: a segment that overlaps one is dropped.
  class TokenSink {
   public:
    /// Gathers into `scratch`, emptied first.
    TokenSink(std::string_view bytes, std::vector<Token>& scratch)
        : bytes_(bytes), nonwords_(find_nonwords(bytes)), next_(nonwords_.begin()), out_(scratch) {
      out_.clear();
    }
    TokenSink(const TokenSink&) = delete;  // `next_` points into `nonwords_`.
    TokenSink& operator=(const TokenSink&) = delete;

    /// Adds the segment `word` of rule status `status`, if it is a word or a number.
    void add(Span word, int32_t status) {
      while (next_ != nonwords_.end() && next_->span().end <= word.begin) out_.push_back(*next_++);
      if (next_ != nonwords_.end() && next_->span().begin < word.end) return;
      if (word.size() > Token::kMaxLength) return;  // 256 MiB without a break is no word.
      if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
        out_.push_back({word, TokenKind::number});
      } else if (status >= UBRK_WORD_LETTER) {
        out_.push_back({word, classify_word(bytes_.substr(word.begin, word.size()))});
      }
    }

    /// The tokens, the non-words after the last segment included, in a vector of their size.
    std::vector<Token> finish() {
      out_.insert(out_.end(), next_, nonwords_.cend());
      return {out_.begin(), out_.end()};
    }

   private:
    std::string_view bytes_;
    std::vector<Token> nonwords_;
    std::vector<Token>::const_iterator next_;
    std::vector<Token>& out_;
  };

  /// Adds ICU's segments from the boundary at or before byte `from` on, up to a boundary where a
  /// plain word starts; returns that boundary (or the end). What lies between that first
  /// boundary and `from` is separators, since a plain word ends at a separator or the end: no
  /// token is added twice.
  std::size_t iterate_from(std::string_view bytes, std::size_t from, TokenSink& sink) {
    icu::BreakIterator& it = *words;
    int32_t begin = it.preceding(static_cast<int32_t>(text.native(from)) + 1);
    if (begin == icu::BreakIterator::DONE) begin = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
      sink.add(span(begin, end), it.getRuleStatus());
      const std::size_t at = text.byte_offset(end);
      if (at > from && at < bytes.size() && plain_word(bytes, at) > at) return at;
    }
    return bytes.size();
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

std::vector<Token> Segmenter::icu_tokens(std::string_view text) {
  if (text.empty()) return {};
  impl_->text.assign(text);
  return impl_->icu_tokens_of(text);
}

Segments Segmenter::segments(std::string_view text, bool want_sentences, bool want_tokens) {
  Segments out;
  if (text.empty() || (!want_sentences && !want_tokens)) return out;
  impl_->text.assign(text);  // Once for both iterators.
  if (want_sentences) out.sentences = impl_->sentences_of();
  if (want_tokens) out.tokens = impl_->tokens_of(text);
  return out;
}

std::vector<bool> sentence_starts(const Segments& segments) {
  const std::vector<Token>& tokens = segments.tokens;
  std::vector<bool> starts(tokens.size(), false);
  if (!tokens.empty()) starts[0] = true;
  std::size_t t = 0;
  for (const Span sentence : segments.sentences) {
    while (t < tokens.size() && tokens[t].span().begin < sentence.begin) ++t;
    if (t < tokens.size() && tokens[t].span().begin < sentence.end) starts[t] = true;
  }
  return starts;
}

}  // namespace galley
