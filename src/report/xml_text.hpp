#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace galley {

/// True when the code point may appear in an XML 1.0 document.
bool is_xml_char(char32_t cp);

/// `text` with every byte or code point XML cannot hold replaced by U+FFFD: for messages and
/// attributes, which are not the record of the source bytes.
std::string xml_safe(std::string_view text);

/// The length of the longest start of `bytes` that XML can hold as text, as it stands: the
/// byte after it (if any) is one the report writes as `<byte value="hh"/>`.
std::size_t xml_text_prefix(std::string_view bytes);

/// The bytes that the children of `node` stand for: its text, and a byte for each element
/// `<byte value="hh"/>` (those XML cannot hold: invalid UTF-8, NUL and other controls).
std::string read_exact_bytes(pugi::xml_node node);

}  // namespace galley
