#include "input/collect.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace galley {
namespace fs = std::filesystem;
namespace {

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.';
}

void collect_directory(const std::string& root, std::optional<InputFormat> format, CollectedInputs& out) {
  std::vector<std::string> found;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  if (error) {
    out.problems.push_back({root, "cannot read directory: " + error.message()});
    return;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
    if (error) {
      out.problems.push_back({root, "cannot read directory: " + error.message()});
      break;
    }
    if (is_hidden(it->path())) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error)) continue;
    const std::string path = it->path().string();
    if (format_for_path(path)) found.push_back(path);
  }
  if (found.empty()) {
    out.problems.push_back({root, "no documents (.txt, .md, .html) in this directory"});
    return;
  }
  std::sort(found.begin(), found.end());
  for (std::string& path : found) out.files.push_back({std::move(path), format});
}

}  // namespace

CollectedInputs collect_inputs(const std::vector<std::string>& paths, std::optional<InputFormat> format) {
  CollectedInputs out;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path != "-" && fs::is_directory(path, error)) {
      collect_directory(path, format, out);
    } else {
      out.files.push_back({path, format});  // Missing files are reported when read, in order.
    }
  }
  return out;
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::error_code code;
  if (!fs::exists(path, code)) {
    error = "no such file";
    return std::nullopt;
  }
  if (fs::is_directory(path, code)) {
    error = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return std::nullopt;
  }
  // Read at the file's size: a string grown by doubling holds up to twice the bytes, and the
  // report keeps them until the document is written or spooled.
  std::string bytes(static_cast<std::size_t>(fs::file_size(path, code)), '\0');
  if (code) bytes.clear();
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.good()) {
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());  // It grew.
  }
  if (in.bad()) {
    error = std::string("read error: ") + std::strerror(errno);
    return std::nullopt;
  }
  return bytes;
}

}  // namespace galley
