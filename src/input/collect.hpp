#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "input/reader.hpp"

namespace galley {

/// One input to check.
struct InputFile {
  std::string path;                   ///< As given, or found under a given directory; "-" is stdin.
  std::optional<InputFormat> format;  ///< nullopt: by extension, text when unknown.
  bool regular = false;               ///< Found a regular file by the directory walk.
};

/// A problem with a path the user gave (missing, empty directory, unreadable).
struct InputProblem {
  std::string path;     ///< The path as given.
  std::string message;  ///< What is wrong with it.
};

/// What the given paths expand to.
struct CollectedInputs {
  std::vector<InputFile> files;        ///< In the order given; directory contents sorted.
  std::vector<InputProblem> problems;  ///< Paths that gave nothing to check.
};

/// Expands files and directories (recursively, documents by extension, symlinked directories not
/// followed, hidden entries skipped). `format` overrides detection for every file.
CollectedInputs collect_inputs(const std::vector<std::string>& paths,
                               std::optional<InputFormat> format);

/// Reads a whole file ("-" for standard input), but never more than `limit` bytes and one more:
/// a larger input is known to be larger without being held whole (a stray dump, /dev/zero).
/// Regular files, pipes and terminals are read; nullopt with `error` set when it cannot be.
std::optional<std::string> read_file(const std::string& path, std::string& error,
                                     std::size_t limit = std::numeric_limits<std::size_t>::max());

/// Reads `path` as read_file does when what it opens is a regular file. Anything else (standard
/// input, a pipe, a terminal) is not read: nullopt with `error` empty, for read_file to read when
/// its turn comes, since it may wait on a writer. The caller makes sure first that `path` names
/// a regular file: opening a FIFO and closing it unread would lose what its writer sends (a
/// path swapped for a FIFO between that check and this open still is).
std::optional<std::string> read_regular_file(
    const std::string& path, std::string& error,
    std::size_t limit = std::numeric_limits<std::size_t>::max());

}  // namespace galley
