#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.hpp"

namespace galley {

/// A spelling variety of English.
enum class Variety { british, american };

/// A word of a document spelt the way only one variety spells it.
struct VarietyForm {
  std::size_t block = 0;    ///< Index into doc.blocks.
  Span span;                ///< Bytes of Block::text.
  Variety variety;          ///< The variety this spelling belongs to.
  std::string counterpart;  ///< The other variety's spelling, in the word's case.
};

/// The other variety's spelling of `word` (any case) and the variety `word` belongs to, or an
/// empty counterpart when `word` is spelt the same in both (or is not in the table).
std::pair<std::string, Variety> variety_counterpart(std::string_view word);

/// Every variety-specific word of `doc`, in document order: found on the first call, then kept
/// on `doc` (AnalyzedDocument::varieties).
const std::vector<VarietyForm>& variety_forms(const AnalyzedDocument& doc);

/// The variety-specific words of blocks [from, to) of `doc`, which are segmented, in order;
/// the blocks' token form ids (doc.forms) are ids in `texts`.
std::vector<VarietyForm> find_variety_forms(const AnalyzedDocument& doc, std::size_t from,
                                            std::size_t to, const StringIndex& texts);

/// The variety-specific words of a part of a document, before the words that a name elsewhere
/// in it sets apart are dropped (join_variety_words).
struct VarietyWords {
  std::vector<VarietyForm> forms;                  ///< In document order.
  std::vector<std::string_view> heading_capitals;  ///< Beside `forms`: a heading's capitalised
                                                   ///< word, else empty.
  std::set<std::string_view> names;                ///< Variety words capitalised in a sentence.
};

struct VarietyEntry;
/// By id of a table of token texts: the variety table's entry for the text, or null; grown to
/// the table's size as more texts are numbered in it.
using VarietyEntries = std::vector<const VarietyEntry*>;

/// The variety-specific words of blocks [from, to) of `doc`, as find_variety_forms finds them
/// but for what names in other parts set apart; `entries` is the lookup of `texts` so far.
VarietyWords find_variety_words(const AnalyzedDocument& doc, std::size_t from, std::size_t to,
                                const StringIndex& texts, VarietyEntries& entries);

/// The variety-specific words of `parts`, a document's parts in order, joined: a heading's
/// capitalised word that some part has capitalised inside a sentence is dropped.
std::vector<VarietyForm> join_variety_words(std::vector<VarietyWords>& parts);

/// "en-GB" or "en-US".
std::string_view language_of(Variety variety);

/// True when `requested` (a --lang value) leaves the variety to the document: "auto" or empty.
bool language_from_document(std::string_view requested);

/// The variety to check `doc` in: `requested` unless it is "auto", in which case the document's
/// own spellings decide (en-US when they say nothing or are tied).
std::string decide_language(const AnalyzedDocument& doc, std::string_view requested);

}  // namespace galley
