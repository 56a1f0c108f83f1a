#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace galley {

/// What a token of prose is.
enum class TokenKind {
  word,     ///< Letters, possibly with apostrophes, digits or internal dots ("don't", "COVID-19").
  number,   ///< Digits, with separators ("3.2", "1,000").
  url,      ///< "https://...", "www....", or a bare domain ("example.org").
  email,    ///< "name@example.org".
  handle,   ///< "@name".
  hashtag,  ///< "#name".
};

/// A token of a block's text; the span is in Block::text bytes.
struct Token {
  Span span;       ///< Bytes of Block::text.
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
