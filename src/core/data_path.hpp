#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galley {

/// The directories searched for shipped data, in order: $GALLEY_DATA_DIR, the installed share
/// directory, then the source tree and the build tree (for a build that was never installed).
std::vector<std::string> data_directories();

/// The path of the shipped data file `name` (e.g. "dictionaries/galley-en.dic"), or an empty
/// string when no searched directory holds it.
std::string data_path(std::string_view name);

}  // namespace galley
