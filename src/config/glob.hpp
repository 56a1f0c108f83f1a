#pragma once

#include <string_view>

namespace galley {

/// Matches a '/'-separated relative path against a glob: `*` and `?` within one segment, `[...]`
/// as in fnmatch(3), and a `**` segment for any number of segments (none included). A glob that
/// matches one of the path's leading directories matches everything under it (`archive` is
/// `archive/**`); a trailing '/' is ignored.
bool glob_match(std::string_view glob, std::string_view path);

}  // namespace galley
