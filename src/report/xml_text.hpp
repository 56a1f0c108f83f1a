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
/// byte after it (if any) is one append_exact_bytes writes as `<byte>`.
std::size_t xml_text_prefix(std::string_view bytes);

/// Appends `bytes` to `parent` exactly: text as character data, and each byte that XML cannot
/// hold (invalid UTF-8, NUL and other controls) as an element `<byte value="hh"/>`.
void append_exact_bytes(pugi::xml_node parent, std::string_view bytes);

/// The inverse of append_exact_bytes: the bytes that the children of `node` stand for.
std::string read_exact_bytes(pugi::xml_node node);

}  // namespace galley
