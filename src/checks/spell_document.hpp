#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "checks/check.hpp"
#include "checks/word_index.hpp"

namespace galley {

class Speller;

/// One word of a document that the spelling checks look at.
struct SpellWord {
  std::size_t block = 0;        ///< Index into doc.blocks.
  Span span;                    ///< Bytes of Block::text, without a possessive 's.
  std::string text;             ///< The word as written, without a possessive 's.
  std::string lower;            ///< `text` case-folded.
  std::string compound;         ///< The hyphenated compound it is part of, or empty.
  bool sentence_start = false;  ///< First word of its sentence (capitalised by grammar).
  bool capitalised = false;     ///< Starts with a capital letter.
  bool inner_capital = false;   ///< Has a capital after its first letter ("HondoGo", "iPhone").
  bool before_dot = false;      ///< Followed by a full stop ("etc.", "approx.").
};

/// The words of a document as the spelling checks need them: candidates to look up (acronyms,
/// defined abbreviations, numbers with units, markers, [sic] words and variety-specific spellings
/// already removed) and counts of every word.
struct SpellDocument {
  std::vector<SpellWord> words;  ///< Candidates the dictionaries reject, in document order.
  std::unordered_map<std::string, std::size_t> surface_counts;  ///< Exact form -> count.
  std::unordered_map<std::string, std::size_t> mid_sentence;    ///< Exact form -> count.
  std::unordered_set<std::string> lower_words;                  ///< Every word of the text, folded.
  std::vector<std::string> lower_list;             ///< lower_words sorted: the ids of lower_index.
  std::vector<std::vector<std::string>> surfaces;  ///< Per lower_list entry, its exact forms.
  std::vector<std::uint64_t> letter_sets;          ///< Per lower_list entry, its letter_set().
  /// Finds the words of the document near a query; made by near_document_words when first
  /// needed (a cache: only the spelling checks' thread touches it).
  mutable DeleteIndex lower_index;
  mutable bool indexed = false;     ///< lower_index is made.
  mutable std::size_t queries = 0;  ///< near_document_words calls so far.
};

/// Collects the spelling candidates of `doc` that `speller` rejects, and counts every word.
SpellDocument collect_spell_words(const AnalyzedDocument& doc, Speller& speller);

/// The folded words of the document within `max_distance` (at most 2) edits of lowercase
/// `query`, `query` itself excluded, as ids into `words.lower_list` in ascending order.
std::vector<std::uint32_t> near_document_words(const SpellDocument& words, std::string_view query,
                                               std::size_t max_distance);

/// True when `word` reads as a name rather than a word: capitalised inside a sentence, or
/// capitalised at a sentence start and capitalised elsewhere in mid-sentence too, or camel-cased.
bool name_like(const SpellDocument& words, const SpellWord& word);

/// A more frequent unknown name of `words` that `word` is a near-identical variant of
/// ("Koener" for "Koerner", "HondoGO" for "HondoGo"), or empty.
std::string name_variant_of(const SpellDocument& words, const SpellWord& word, Speller& speller);

/// True when `word` is spelled correctly, alone or as part of its hyphenated compound.
bool spelled_ok(const SpellWord& word, Speller& speller);

}  // namespace galley
