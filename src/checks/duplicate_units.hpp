#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.hpp"
#include "core/stable_hash.hpp"
#include "core/string_index.hpp"

namespace galley {

/// What stretch of a block a unit of comparison is.
enum class UnitKind : std::uint8_t { block, lines, sentence };

/// The distinct normalised words of one search, numbered from 0 in order of first use: units
/// keep 4-byte ids, not a string per word (a word is in a block unit and a sentence unit).
using WordTable = StringIndex;

/// A stretch of prose compared for duplicates, with its words normalised for comparison. A long
/// document has about a million units: 40 bytes each, the words a view, not a copy.
struct DuplicateUnit {
  std::uint32_t block = 0;               ///< Index in Document::blocks.
  TokenSpan text;                        ///< Span of Block::text, white space trimmed.
  UnitKind kind = UnitKind::block;       ///< Whole block, lines of a block, or one sentence.
  bool caption = false;                  ///< The block is a caption.
  std::uint32_t first_token = 0;         ///< Word w is BlockSegments::tokens[first_token + w].
  std::span<const std::uint32_t> words;  ///< WordTable ids of its tokens, NFC and case folded;
                                         ///< held by the caller of make_unit (the block's ids).
};

/// One step of a word-level alignment of two units.
struct WordHunk {
  Span a;  ///< Word indices [begin, end) in the first unit that differ.
  Span b;  ///< Word indices [begin, end) in the second unit that differ.
};

/// The result of comparing two units word by word.
struct WordDiff {
  std::size_t edits = 0;        ///< Word-level Levenshtein distance.
  std::vector<WordHunk> hunks;  ///< Runs of differing words, in order.
};

/// Flags the blocks that never take part: headings, image alt text, pull quotes, boilerplate
/// sections ("About ...", "Notes to editors", contacts), anything after an end marker, and list
/// items that are a heading's text (a web page's breadcrumb and related links).
std::vector<bool> exempt_blocks(const Document& doc);

/// `word` (a token's text) as compared, written over `key`, whose capacity serves again: NFC,
/// case folded, apostrophes made alike.
void word_key_into(std::string_view word, std::string& key);
/// stable_hash of `word`'s key (word_key_into), `scratch` holding the key only where it is
/// not plain ASCII: an ASCII word is hashed as it is lowered, with no copy.
std::uint64_t word_key_hash(std::string_view word, std::string& scratch);

/// The id in `table` of each token of a block, normalised, from the tokens' form ids `forms`
/// (ids in `texts`, AnalyzedDocument::forms): each distinct text is normalised once, its id in
/// `table` kept in `key_of_form` (by form id; StringIndex::kAbsent until met).
std::vector<std::uint32_t> token_ids(std::span<const std::uint32_t> forms, const StringIndex& texts,
                                     std::vector<std::uint32_t>& key_of_form, WordTable& table);

/// The unit of `block` (number `index`) inside `span`, a span of its text: `ids` are the ids of
/// its `tokens` from token_ids(), normalised once for all the block's units. The unit's words
/// are a view of `ids`, which must outlive it.
DuplicateUnit make_unit(const Block& block, std::size_t index, const std::vector<Token>& tokens,
                        const std::vector<std::uint32_t>& ids, Span span, UnitKind kind);

/// `text` with white space trimmed from both ends, as a span inside `span`.
Span trim_span(std::string_view text, Span span);

/// Spans of the lines of `text` (split at LF), each trimmed; blank lines dropped.
std::vector<Span> line_spans(std::string_view text);

/// Word-level Levenshtein alignment of `a` and `b`; `edits` is SIZE_MAX (and no hunks) when the
/// distance surely exceeds `limit` (the lengths differ by more, or the units are very long).
WordDiff diff_words(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                    std::size_t limit);

/// Character-level edit distance of two short strings (bytes), a swap of neighbours counting one.
std::size_t char_distance(std::string_view a, std::string_view b);

/// Edits allowed between two units whose longer one has `words` words.
/// Returns SIZE_MAX when units this short never count.
std::size_t allowed_edits(std::size_t words, std::size_t min_words);

/// Of those, how many may be substantive (not typo-like); `adjacent_lines` relaxes short units.
std::size_t allowed_substantive(std::size_t words, bool adjacent_lines);

/// True when `hunk` is a one-word substitution that looks like a typo (few letters differ);
/// `table` holds the units' words.
bool typo_like(const WordHunk& hunk, const DuplicateUnit& a, const DuplicateUnit& b,
               const WordTable& table);

/// Word edits of `diff` that are not typo-like: words really changed, added or removed.
std::size_t substantive_edits(const WordDiff& diff, const DuplicateUnit& a, const DuplicateUnit& b,
                              const WordTable& table);

/// Hashes of the `width`-word shingles of the words whose hashes are `words`, in order (one
/// hash of all words when there are fewer).
std::vector<std::uint64_t> shingle_hashes(std::span<const std::uint64_t> words, std::size_t width);

}  // namespace galley
