#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace galley {

/// What a token of prose is.
enum class TokenKind : std::uint8_t {
  word,     ///< Letters, possibly with apostrophes, digits or internal dots ("don't", "COVID-19").
  number,   ///< Digits, with separators ("3.2", "1,000").
  url,      ///< "https://...", "www....", or a bare domain ("example.org").
  email,    ///< "name@example.org".
  handle,   ///< "@name".
  hashtag,  ///< "#name".
};

/// A span of a block's text in 32-bit offsets: a long document has millions of tokens, and
/// documents are refused from 4 GiB (kMaxDocumentBytes in pipeline.cpp).
struct TokenSpan {
  std::uint32_t begin = 0;  ///< First byte.
  std::uint32_t end = 0;    ///< One past the last byte.

  TokenSpan() = default;
  /// Narrows `span`, whose offsets are below 4 GiB.
  TokenSpan(Span span)  // NOLINT(google-explicit-constructor): a Span in a narrower form.
      : begin(static_cast<std::uint32_t>(span.begin)), end(static_cast<std::uint32_t>(span.end)) {}
  /// The same bytes as a Span.
  operator Span() const { return {begin, end}; }  // NOLINT(google-explicit-constructor)

  /// Number of bytes covered.
  [[nodiscard]] std::size_t size() const { return end - begin; }
  /// True when the span covers no byte.
  [[nodiscard]] bool empty() const { return end == begin; }
};

/// A token of a block's text: its bytes of Block::text and its kind, in 8 bytes (a long document
/// has millions of tokens): the kind shares a word with the length.
class Token {
 public:
  /// The longest token: 256 MiB less a byte. Longer runs are not taken as tokens (no word is one);
  /// a URL that long is then cut by ICU like prose.
  static constexpr std::size_t kMaxLength = (std::size_t{1} << 28U) - 1;

  Token() = default;
  /// A token of `kind` over `span`, which is at most kMaxLength bytes.
  Token(TokenSpan span, TokenKind kind)
      : begin_(span.begin),
        length_kind_(static_cast<std::uint32_t>(span.size()) | static_cast<std::uint32_t>(kind)
                                                                   << kLengthBits) {
    assert(span.size() <= kMaxLength);
  }

  /// Bytes of Block::text.
  [[nodiscard]] TokenSpan span() const {
    TokenSpan span;
    span.begin = begin_;
    span.end = begin_ + (length_kind_ & kLengthMask);
    return span;
  }
  /// What it is.
  [[nodiscard]] TokenKind kind() const {
    return static_cast<TokenKind>(length_kind_ >> kLengthBits);
  }

 private:
  static constexpr unsigned kLengthBits = 28;
  static constexpr std::uint32_t kLengthMask = (std::uint32_t{1} << kLengthBits) - 1;
  std::uint32_t begin_ = 0;        ///< First byte.
  std::uint32_t length_kind_ = 0;  ///< The length, and the kind in the top four bits.
};
static_assert(sizeof(Token) == 8);

/// The sentences and tokens of one block of text, as byte spans of that text.
struct Segments {
  std::vector<Span> sentences;  ///< In order, covering the text (white space included).
  std::vector<Token> tokens;    ///< Words and non-words, in order; punctuation and space omitted.
};

/// Per token of `segments`, true when it is the first token of its sentence (the block's first
/// token always is).
std::vector<bool> sentence_starts(const Segments& segments);

/// ICU break iteration over each text made ready once (IcuText); spans are of the UTF-8 bytes.
/// Holds ICU iterators: make one per thread. The vectors it returns have no spare capacity.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  /// Sentences of `text` (byte spans). ICU reads only the stretches around terminators and
  /// separators, where a boundary can be, with the same result as icu_sentences().
  std::vector<Span> sentences(std::string_view text);
  /// Sentences of `text` as sentences() finds them, ICU reading the whole text: the reference
  /// sentences() is tested against.
  std::vector<Span> icu_sentences(std::string_view text);
  /// Tokens of `text`: ICU words, with URLs, e-mail addresses, handles and hashtags merged.
  /// Runs of ASCII letters between plain separators are taken without ICU (its break iteration
  /// was a tenth of a run), with the same result as icu_tokens().
  std::vector<Token> tokens(std::string_view text);
  /// Tokens of `text` as tokens() finds them, with every boundary from ICU: the reference
  /// tokens() is tested against.
  std::vector<Token> icu_tokens(std::string_view text);
  /// The sentences and the tokens of `text` (each only when wanted), the text made ready for
  /// ICU once for both.
  Segments segments(std::string_view text, bool want_sentences, bool want_tokens);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace galley
