#include "input/collect.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <system_error>

#include "core/interrupt.hpp"

namespace galley {
namespace fs = std::filesystem;
namespace {

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.';
}

void collect_directory(const std::string& root, std::optional<InputFormat> format,
                       CollectedInputs& out) {
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
  for (std::string& path : found) out.files.push_back({std::move(path), format, true});
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

CollectedInputs collect_inputs(const std::vector<std::string>& paths,
                               std::optional<InputFormat> format) {
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

namespace {

/// Reads `fd` to its end or to `limit` bytes and one more, into `bytes`, sized at `expected`
/// first: a string grown by doubling holds up to twice the bytes, and the report keeps them
/// until the document is written or spooled. False with `error` set on a read error, or when
/// SIGINT or SIGTERM arrives while a pipe keeps it waiting.
bool read_bytes(int fd, std::size_t expected, std::size_t limit, std::string& bytes,
                std::string& error) {
  constexpr std::size_t kChunk = std::size_t{64} << 10U;
  const std::size_t most = limit == std::numeric_limits<std::size_t>::max() ? limit : limit + 1;
  bytes.assign(std::min(expected, most), '\0');
  std::size_t used = 0;
  bool grown = false;
  std::array<char, 4096> probe{};
  while (used < most) {
    // At the size expected, a small read first tells whether there is more: a regular file is
    // then read at its size, never grown and copied.
    const bool full = used == bytes.size();
    const std::size_t room = full ? std::min(probe.size(), most - used) : bytes.size() - used;
    const ssize_t n = ::read(fd, full ? probe.data() : bytes.data() + used, room);
    if (n < 0 && errno == EINTR && !interrupt_requested()) continue;
    if (n < 0) {
      error = errno == EINTR ? std::string("interrupted while reading")
                             : std::string("read error: ") + std::strerror(errno);
      return false;
    }
    if (n == 0) break;
    if (full) {  // More than expected: a stream, or a file that grew.
      bytes.resize(std::min(most, used + std::max(kChunk, used / 2)));
      std::copy_n(probe.data(), n, bytes.data() + used);
      grown = true;
    }
    used += static_cast<std::size_t>(n);
  }
  bytes.resize(used);
  if (grown) bytes.shrink_to_fit();
  return true;
}

/// read_file for a path other than "-"; with `regular_only`, nullopt and no error for an input
/// that is no regular file.
std::optional<std::string> read_path(const std::string& path, std::string& error, std::size_t limit,
                                     bool regular_only) {
  std::string bytes;
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one forever. What was
  // opened is checked, not the path, so a file swapped after it was listed cannot slip past.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      error = "no such file";
    } else if (errno == ENXIO) {  // What open() says of a socket.
      error = "a socket, or a device with nothing behind it: not read";
    } else {
      error = std::string("cannot open: ") + std::strerror(errno);
    }
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
  if (regular_only && !S_ISREG(info.st_mode)) return std::nullopt;
  if (S_ISFIFO(info.st_mode) || S_ISCHR(info.st_mode)) {
    // A pipe (`galley check <(cmd)`) or a terminal is read as it comes, like standard input:
    // blocking again now that it is open. A FIFO nobody has open for writing reads as empty.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
      error = std::string("cannot open: ") + std::strerror(errno);
      return std::nullopt;
    }
  } else if (!S_ISREG(info.st_mode)) {
    error = "a socket or block device: not read";
    return std::nullopt;
  }
  const auto expected = S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0;
  if (!read_bytes(fd, expected, limit, bytes, error)) return std::nullopt;
  return bytes;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string& error,
                                     std::size_t limit) {
  if (path == "-") {
    std::string bytes;
    if (!read_bytes(STDIN_FILENO, 0, limit, bytes, error)) return std::nullopt;
    return bytes;
  }
  return read_path(path, error, limit, false);
}

std::optional<std::string> read_regular_file(const std::string& path, std::string& error,
                                             std::size_t limit) {
  if (path == "-") return std::nullopt;
  return read_path(path, error, limit, true);
}

}  // namespace galley
