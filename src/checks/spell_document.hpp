#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checks/check.hpp"
#include "checks/word_index.hpp"
#include "core/string_index.hpp"

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
  /// Capitalised after an initial or a title ("Abraham D. Beame", "Dr Hearn"): a surname,
  /// whatever common word it is near. (After an unknown capitalised word it may as well be a
  /// company's: "Zorvexa Technolgies" is a typo.)
  bool in_name = false;
  /// Capitalised, one edit from a job title's word, beside the word it makes the title with
  /// ("Cheif Operating Officer", "Managing Direcor"): a typo, though it looks like a name.
  bool in_title = false;
};

/// What is known of one exact form of a word wherever it occurs in a document: worked out at its
/// first occurrence, since a long document repeats its words thousands of times. 12 bytes, so
/// that the table of a long document's forms stays in the processor's caches (a cache miss a
/// token at 56 bytes); the folded form is kept apart (FormTable::lower).
struct FormFacts {
  std::uint32_t count = 0;         ///< Occurrences.
  std::uint32_t mid_sentence = 0;  ///< Occurrences not opening a sentence.
  bool first_upper = false;        ///< Starts with a capital letter.
  bool inner_upper = false;        ///< Has a capital after its first letter.
  bool always_skipped = false;     ///< Skipped wherever it occurs (acronym, other variety, ...).
  bool known = false;              ///< The speller takes the form alone.
};

/// Every exact form of a document and what is known of it, by the form's id.
struct FormTable {
  StringIndex index;               ///< The forms.
  std::vector<FormFacts> facts;    ///< By form id.
  std::vector<std::string> lower;  ///< By form id: fold_key of the form.
};

/// A block written in another language: so many of its lowercase words unknown to the
/// dictionaries that it cannot be English with typos (spelling.other-language).
struct OtherLanguageBlock {
  std::size_t block = 0;    ///< Index into doc.blocks.
  std::size_t words = 0;    ///< Its lowercase words.
  std::size_t unknown = 0;  ///< Those of them the dictionaries reject.
};

/// True when a block with `words` lowercase words, `unknown` of them rejected, is taken for
/// another language's: eight words or more, half of them or more unknown.
bool other_language_block(std::size_t words, std::size_t unknown);

/// The words of a document as the spelling checks need them: candidates to look up (acronyms,
/// defined abbreviations, numbers with units, markers, [sic] words and variety-specific spellings
/// already removed) and counts of every word. Move-only: `surface_list` views the forms of
/// `forms`, which a move keeps in place and a copy would not.
struct SpellDocument {
  SpellDocument() = default;
  SpellDocument(SpellDocument&&) = default;
  SpellDocument& operator=(SpellDocument&&) = default;
  SpellDocument(const SpellDocument&) = delete;
  SpellDocument& operator=(const SpellDocument&) = delete;
  ~SpellDocument() = default;

  std::vector<SpellWord> words;         ///< Candidates the dictionaries reject, in document order.
  /// Blocks in another language, in document order: none of their words is among `words`.
  std::vector<OtherLanguageBlock> foreign_blocks;
  FormTable forms;                      ///< Every exact form of the text.
  std::vector<std::string> lower_list;  ///< The folded forms, sorted, unique: lower_index's ids.
  /// The exact forms grouped by the lower_list id they fold to, each group sorted.
  std::vector<std::string_view> surface_list;
  std::vector<std::uint32_t> surface_start;  ///< Per lower_list id, and one more: its group.
  /// Per lower_list id, its letter_set(): made with the lists for a document compared word by
  /// word, for a longer one when its near words are first looked for.
  mutable std::vector<std::uint64_t> letter_sets;
  /// Finds the words of the document near a query not found ahead (find_near_words); made by
  /// near_document_words when first needed (a cache: only the spelling checks' thread touches it).
  mutable DeleteIndex lower_index;
  mutable bool indexed = false;     ///< lower_index is made.
  mutable std::size_t queries = 0;  ///< near_document_words calls so far.
  /// A lower_list id near a query, and its distance from it.
  struct NearId {
    std::uint32_t id;
    std::uint8_t distance;
  };
  /// The words within two edits of each query asked so far or found ahead, in ascending id order.
  mutable std::unordered_map<std::string, std::vector<NearId>> near_cache;

  /// Occurrences of exact form `form`; 0 when it does not occur.
  [[nodiscard]] std::size_t count(std::string_view form) const;
  /// Occurrences of exact form `form` not opening a sentence.
  [[nodiscard]] std::size_t mid_sentence_count(std::string_view form) const;
  /// True when some word of the text folds to `lower`.
  [[nodiscard]] bool has_lower(std::string_view lower) const;
  /// The exact forms that fold to lower_list[id], sorted.
  [[nodiscard]] std::span<const std::string_view> surfaces(std::uint32_t id) const;
};

/// Collects the spelling candidates of `doc` that `speller` rejects, and counts every word.
SpellDocument collect_spell_words(const AnalyzedDocument& doc, Speller& speller);

/// The folded words of the document within `max_distance` (at most 2) edits of lowercase
/// `query`, `query` itself and words with a digit excluded, as ids into `words.lower_list` in
/// ascending order.
std::vector<std::uint32_t> near_document_words(const SpellDocument& words, std::string_view query,
                                               std::size_t max_distance);

/// Finds the near words of each of `queries` (lowercase) at once, for near_document_words to
/// answer from its cache, on a document too long to compare word by word: an index of the
/// queries' deletes, small enough to stay in the processor's cache, probed with each word's,
/// rather than an index of every word's deletes (tens of megabytes on a long document, written
/// and read at random) probed with each query's. Both find the pairs that share a delete and
/// verify them alike, so the answers are the same.
void find_near_words(const SpellDocument& words, std::span<const std::string> queries);

/// True when `word` reads as a name rather than a word: capitalised inside a sentence, or
/// capitalised at a sentence start and capitalised elsewhere in mid-sentence too, or camel-cased.
bool name_like(const SpellDocument& words, const SpellWord& word);

/// A more frequent unknown name of `words` that `word` is a near-identical variant of
/// ("Koener" for "Koerner", "HondoGO" for "HondoGo"), or empty.
std::string name_variant_of(const SpellDocument& words, const SpellWord& word, Speller& speller);

/// Lowercase `word` in the case pattern of `model` (Capitalised or ALL CAPS).
std::string with_case_of(std::string word, std::string_view model);

/// True when `word` is spelled correctly, alone or as part of its hyphenated compound.
bool spelled_ok(const SpellWord& word, Speller& speller);
/// Appends to `forms` every string spelled_ok(`word`, ...) may ask a speller's known() about
/// (for a speller narrowed to them: Speller::narrowed).
void add_spelled_ok_forms(const SpellWord& word, std::vector<std::string>& forms);

}  // namespace galley
