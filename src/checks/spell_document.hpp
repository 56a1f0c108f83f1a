#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.hpp"

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
  std::vector<SpellWord> words;  ///< Candidates, in document order.
  std::map<std::string, std::size_t, std::less<>> surface_counts;  ///< Exact form -> count.
  std::map<std::string, std::size_t, std::less<>> mid_sentence;    ///< Exact form -> count.
  std::set<std::string, std::less<>> lower_words;  ///< Every word of the text, folded.
};

/// Collects the spelling candidates of `doc`.
SpellDocument collect_spell_words(const AnalyzedDocument& doc);

/// True when `word` reads as a name rather than a word: capitalised inside a sentence, or
/// capitalised at a sentence start and capitalised elsewhere in mid-sentence too, or camel-cased.
bool name_like(const SpellDocument& words, const SpellWord& word);

/// A more frequent unknown name of `words` that `word` is a near-identical variant of
/// ("Koener" for "Koerner", "HondoGO" for "HondoGo"), or empty.
std::string name_variant_of(const SpellDocument& words, const SpellWord& word, Speller& speller);

/// True when `word` is spelled correctly, alone or as part of its hyphenated compound.
bool spelled_ok(const SpellWord& word, Speller& speller);

}  // namespace galley
