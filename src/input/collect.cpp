#include "input/collect.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
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

/// Closes a file descriptor when it goes out of scope.
struct ClosedAtEnd {
  int fd;
  explicit ClosedAtEnd(int descriptor) : fd(descriptor) {}
  ClosedAtEnd(const ClosedAtEnd&) = delete;
  ClosedAtEnd& operator=(const ClosedAtEnd&) = delete;
  ~ClosedAtEnd() { ::close(fd); }
};

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
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one forever. What was
  // opened is checked, not the path, so a file swapped after it was listed cannot slip past.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = errno == ENOENT ? "no such file" : std::string("cannot open: ") + std::strerror(errno);
    return std::nullopt;
  }
  const ClosedAtEnd closer(fd);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    error = "is a directory";
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    error = "not a regular file (a FIFO, socket or device), not read; - reads standard input";
    return std::nullopt;
  }
  // Read at the file's size: a string grown by doubling holds up to twice the bytes, and the
  // report keeps them until the document is written or spooled.
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t used = 0;
  while (true) {
    char more[4096];  // Past the size stat gave: the file grew, or this finds its end.
    const bool full = used == bytes.size();
    const ssize_t n =
        full ? ::read(fd, more, sizeof more) : ::read(fd, bytes.data() + used, bytes.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::string("read error: ") + std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    if (full) bytes.append(more, static_cast<std::size_t>(n));
    used += static_cast<std::size_t>(n);
  }
  bytes.resize(used);
  return bytes;
}

}  // namespace galley
