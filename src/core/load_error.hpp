#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace galley {

/// A mistake in something the user gave us (rule file, config, dictionary, path).
/// The only exception that crosses from loaders to main; main prints it and exits 2.
class LoadError : public std::runtime_error {
 public:
  /// An error about a whole file (or no file at all, when `path` is empty).
  LoadError(std::string path, const std::string& message)
      : std::runtime_error(message), path_(std::move(path)) {}
  /// An error at a 1-based line and column of `path`; `source_line` is shown under it.
  LoadError(std::string path, std::size_t line, std::size_t column, const std::string& message,
            std::string source_line = {})
      : std::runtime_error(message),
        path_(std::move(path)),
        line_(line),
        column_(column),
        source_line_(std::move(source_line)) {}

  /// The file at fault (may be empty).
  [[nodiscard]] const std::string& path() const { return path_; }
  /// 1-based line, 0 when unknown.
  [[nodiscard]] std::size_t line() const { return line_; }
  /// 1-based column in code points, 0 when unknown.
  [[nodiscard]] std::size_t column() const { return column_; }
  /// `path:line:col: message`, then the line and a caret when known.
  [[nodiscard]] std::string describe() const;

 private:
  std::string path_;
  std::size_t line_ = 0;
  std::size_t column_ = 0;
  std::string source_line_;
};

}  // namespace galley
