#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "input/document.hpp"

namespace galley {

/// Length of the character reference candidate at the start of `text` ("&amp;", "&#233;",
/// "&#x2019;", "&nbsp"); 0 when `text` does not start with '&' followed by a name or number.
std::size_t entity_candidate_length(std::string_view text);

/// Decodes one HTML character reference as HTML5 does (named references through gumbo's own
/// table, so the two never disagree). Returns the decoded text and, in `consumed`, how many bytes
/// of `candidate` the reference used (legacy references may stop before the end).
std::string decode_entity(std::string_view candidate, std::size_t& consumed);

/// Appends HTML character data taken from the source at `source_begin` to `block`: references
/// decoded, and with `collapse_space` each run of white space turned into one space, as a browser
/// shows it. Every byte stays mapped to the bytes it came from.
void append_character_data(Block& block, std::string_view original, std::size_t source_begin,
                           bool collapse_space);

}  // namespace galley
