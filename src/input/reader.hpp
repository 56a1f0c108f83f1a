#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "input/document.hpp"

namespace galley {

/// The formats galley can read.
enum class InputFormat { text, markdown, html };

/// "text", "markdown" or "html".
std::string_view to_string(InputFormat format);
/// Parses a format name given with --input-format ("text"/"txt", "markdown"/"md", "html").
std::optional<InputFormat> parse_input_format(std::string_view name);
/// The format for a file name by its extension; nullopt when it is not a document we read.
std::optional<InputFormat> format_for_path(std::string_view path);

/// Why some bytes cannot be read as a document at all.
enum class Unreadable { none, binary, utf16, utf32 };

/// Looks at the bytes: NULs in a file without a UTF-16/32 byte-order mark mean binary.
Unreadable classify_bytes(std::string_view bytes);
/// A sentence naming why the bytes were skipped, for messages.
std::string_view describe(Unreadable reason);

/// Reads `source` in `format` into blocks. Never throws on any input; invalid UTF-8 becomes
/// `typography.invalid-utf8` findings and reading goes on.
Document read_document(SourceText source, InputFormat format);

/// Plain text: blocks at blank lines and hard line breaks; caption candidates by heuristic.
void read_text(Document& doc);
/// Markdown through md4c: prose only; code, URLs, inline HTML tags and front matter skipped; an
/// HTML block is read as HTML.
void read_markdown(Document& doc);
/// HTML through gumbo: prose only; script, style, code and pre skipped.
void read_html(Document& doc);
/// The HTML in bytes `span` of `doc`'s source (an HTML block of Markdown), read as read_html
/// reads a file, its blocks appended to `doc` with offsets in the whole source; no comments.
void read_html_fragment(Document& doc, Span span);

}  // namespace galley
