#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "input/document.hpp"

namespace galley {

/// Lines wider than this are never wrapped prose: such text has a paragraph per line.
inline constexpr std::size_t kMaxWrapWidth = 100;

/// True when `line` begins with a bullet ("- ", "* ", "• ") or a number ("1. ", "2) ").
bool starts_with_list_marker(std::string_view line);
/// True when `line` opens the way captions do ("Photo:", "Pictured:", "(L-R)", ...).
bool starts_like_caption(std::string_view line);
/// True when a short line reads as a photo caption ("Photo: ...", "Pictured ...", "(L-R) ...").
bool looks_like_caption(std::string_view text);
/// `text` without what may follow its last mark: closing quotes, brackets and emphasis, note
/// references ("[^1]", "[3]", "¹") and a comment anchor ("[GM1]").
std::string_view paragraph_end(std::string_view text);
/// True when `text` ends with a sentence's mark (. ! ? : ; or an ellipsis), closing quotes,
/// brackets and note references ("[^1]", "[3]", "¹", a comment anchor "[GM1]") aside.
bool has_terminal_mark(std::string_view text);
/// True when `text` ends without closing punctuation (has_terminal_mark, a comma, or a closing
/// quotation mark).
bool ends_open(std::string_view text);
/// True when `text` opens with a place in capitals and a comma, a bracket or a dash, as a
/// dateline does ("LONDON,", "NEW YORK (BUSINESS WIRE) --", "LONDON –"; not "NASA-backed").
bool opens_with_place(std::string_view text);
/// True when `text` opens as a lead paragraph does: with a place (opens_with_place), or with a
/// date among its first ten words, a month's name beside a number ("London, 12 January 2027 -").
bool opens_with_dateline(std::string_view text);
/// True when a line reads as a heading: no closing punctuation and at most 15 words.
bool looks_like_heading(std::string_view text);
/// True when `text` has at least six words of four letters or more that are not prepositions, and
/// 85% of them are capitalised.
bool title_cased(std::string_view text);
/// True when a word of four letters or more of `text`, not a preposition, is in lower case: a
/// heading in sentence case, whose capitals are a name's, not the style's.
bool sentence_cased(std::string_view text);
/// True when `text` has more than `most` words (runs between spaces, tabs and line breaks); reads
/// at most 64 bytes past the start of the word after them.
bool more_words_than(std::string_view text, std::size_t most);
/// A release's headline and standfirst come before its first sentence: in that top matter (up
/// to six blocks before a block that ends with closing punctuation) a paragraph that ends open
/// and has no sentence end inside is a heading: in title case up to 40 words, else up to 30 and
/// opening with no dateline ("Saltmarsh Housing Association marks 500th home with opening of
/// riverside scheme").
void mark_top_matter_headings(std::vector<Block>& blocks);
/// The kind of a plain-text block of `line_count` lines.
BlockKind classify_text_block(std::string_view text, std::size_t line_count);

}  // namespace galley
