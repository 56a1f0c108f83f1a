#pragma once

#include <string>
#include <string_view>

namespace galley {

/// The review page up to `<body>`: doctype, meta (a policy that forbids any network), the style.
extern const char* const kHtmlHead;

/// The end of the review page: the popover, the script, `</body></html>`.
extern const char* const kHtmlTail;

/// `text` escaped for HTML text and quoted attributes: `& < > " '` as references; invalid UTF-8,
/// NUL and other control characters as U+FFFD.
std::string html_escape(std::string_view text);

/// Appends source bytes for display: escaped like html_escape, but each byte that cannot be
/// shown as text (invalid UTF-8, controls other than tab and line ends) becomes a visible marker.
void append_source_html(std::string& out, std::string_view bytes);

}  // namespace galley
