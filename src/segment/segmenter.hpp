#pragma once

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

/// A token of a block's text; the span is in Block::text bytes. 12 bytes, not 24.
struct Token {
  TokenSpan span;  ///< Bytes of Block::text.
  TokenKind kind;  ///< What it is.
};

/// The sentences and tokens of one block of text, as byte spans of that text.
struct Segments {
  std::vector<Span> sentences;  ///< In order, covering the text (white space included).
  std::vector<Token> tokens;    ///< Words and non-words, in order; punctuation and space omitted.
};

/// ICU break iteration over UText opened on the UTF-8 bytes (no conversion, no copies).
/// Holds ICU iterators: make one per thread.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  /// Sentences of `text` (byte spans).
  std::vector<Span> sentences(std::string_view text);
  /// Tokens of `text`: ICU words, with URLs, e-mail addresses, handles and hashtags merged.
  std::vector<Token> tokens(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace galley
