#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "core/string_index.hpp"
#include "segment/segmenter.hpp"

namespace galley {

/// The distinct texts of a document's tokens, each numbered once, and each token's number. The
/// checks that look at every token (spelling, the duplicate search, the variety words) work out
/// what they need once per distinct text and read it by number, where each of them hashed every
/// token's bytes again (a long document has millions of tokens and some 100,000 texts).
struct TokenForms {
  StringIndex texts;                                 ///< Distinct token texts, by form id.
  std::vector<std::vector<std::uint32_t>> by_block;  ///< By block, by token: its form id.

  /// The form ids of block `b`'s tokens.
  [[nodiscard]] std::span<const std::uint32_t> of_block(std::size_t b) const { return by_block[b]; }
  /// The number of distinct texts.
  [[nodiscard]] std::size_t size() const { return texts.size(); }
};

/// The id in `texts` of each of `tokens` (the tokens of `text`), written over `ids`; a text new
/// to `texts` is added.
void number_tokens(std::string_view text, const std::vector<Token>& tokens, StringIndex& texts,
                   std::vector<std::uint32_t>& ids);

/// Adds the texts of `other` to `forms`, and renumbers the ids of the blocks in `blocks`
/// (ranges [from, to)), which are ids in `other`: the blocks another thread numbered join the
/// others. An id names the same text as before; which number it gets depends on the order the
/// blocks were numbered in, and no check depends on it.
void merge_token_forms(TokenForms& forms, const StringIndex& other,
                       std::span<const std::pair<std::size_t, std::size_t>> blocks);

/// Room in a table of token texts for a text of `bytes` bytes: its distinct texts, about one in
/// eight bytes on a release and far fewer on a book, up to 65,536 (rehashing costs more than
/// the room).
std::size_t token_text_room(std::size_t bytes);

}  // namespace galley
