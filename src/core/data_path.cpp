#include "core/data_path.hpp"

#include <cstdlib>
#include <filesystem>

namespace galley {

std::vector<std::string> data_directories() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("GALLEY_DATA_DIR"); env != nullptr && *env != '\0') {
    dirs.emplace_back(env);
  }
  dirs.emplace_back(GALLEY_DATA_DIR);
  dirs.emplace_back(GALLEY_SOURCE_DIR);
  dirs.emplace_back(GALLEY_BUILD_DIR);  // Files the build makes (the word index).
  return dirs;
}

std::string data_path(std::string_view name) {
  for (const std::string& dir : data_directories()) {
    std::error_code error;
    const std::filesystem::path path = std::filesystem::path(dir) / name;
    if (std::filesystem::is_regular_file(path, error)) return path.string();
  }
  return {};
}

}  // namespace galley
