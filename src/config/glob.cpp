// Path globs for <ignore> in .galley.xml. Segments are matched with fnmatch(3); `**` is ours,
// since fnmatch has no notion of it.
#include "config/glob.hpp"

#include <fnmatch.h>

#include <string>
#include <vector>

namespace galley {
namespace {

std::vector<std::string> segments_of(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    if (end > pos) segments.emplace_back(path.substr(pos, end - pos));  // "a//b" is "a/b"
    pos = end + 1;
  }
  return segments;
}

/// Does glob[g..] match a prefix of path[p..] that ends at a segment boundary?
bool match_from(const std::vector<std::string>& glob, std::size_t g,
                const std::vector<std::string>& path, std::size_t p) {
  if (g == glob.size()) return p > 0;  // Matching a leading directory matches what is under it.
  if (glob[g] == "**") {
    for (std::size_t skip = p; skip <= path.size(); ++skip) {
      if (match_from(glob, g + 1, path, skip)) return true;
    }
    return false;
  }
  if (p == path.size()) return false;
  if (fnmatch(glob[g].c_str(), path[p].c_str(), FNM_PATHNAME) != 0) return false;
  return match_from(glob, g + 1, path, p + 1);
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view path) {
  const std::vector<std::string> glob_segments = segments_of(glob);
  const std::vector<std::string> path_segments = segments_of(path);
  if (glob_segments.empty() || path_segments.empty()) return false;
  return match_from(glob_segments, 0, path_segments, 0);
}

}  // namespace galley
