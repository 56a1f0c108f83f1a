#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/span.hpp"

namespace galley {

/// A 1-based position for people: line, and column counted in code points.
struct LineColumn {
  std::size_t line = 1;    ///< 1-based line number.
  std::size_t column = 1;  ///< 1-based column in Unicode code points.
};

/// The exact bytes of one input, as read, and the index of its lines.
/// Lines end at LF; a CR before the LF belongs to the line terminator, not to the text.
class SourceText {
 public:
  SourceText() = default;
  /// Takes ownership of `bytes`, read from `path` ("-" for standard input).
  SourceText(std::string path, std::string bytes);

  /// The path as given on the command line.
  [[nodiscard]] const std::string& path() const { return path_; }
  /// All bytes of the input, unchanged.
  [[nodiscard]] std::string_view bytes() const {
    return storage_ ? std::string_view(*storage_) : std::string_view();
  }
  /// The bytes of `span`.
  [[nodiscard]] std::string_view slice(Span span) const;
  /// Line and column of the byte at `offset` (offset == size() gives the end position).
  [[nodiscard]] LineColumn locate(std::size_t offset) const;
  /// Number of lines (a final line without LF counts).
  [[nodiscard]] std::size_t line_count() const { return line_starts_.size(); }
  /// The text of 1-based line `line`, without its terminator.
  [[nodiscard]] std::string_view line_text(std::size_t line) const;
  /// Byte offset where 1-based line `line` starts.
  [[nodiscard]] std::size_t line_start(std::size_t line) const { return line_starts_[line - 1]; }

 private:
  std::string path_;
  /// The bytes, shared by copies and never moved, whatever moves the SourceText: the blocks of
  /// a plain text are views of them (Block::view_verbatim). Null when moved from: no bytes.
  std::shared_ptr<const std::string> storage_;
  std::vector<std::size_t> line_starts_;
  /// In lines longer than kCheckpointStride: (offset, code points from its line's start) every
  /// kCheckpointStride bytes, so that a column costs at most a stride of counting.
  std::vector<std::pair<std::size_t, std::size_t>> checkpoints_;
  static constexpr std::size_t kCheckpointStride = 4096;

  void add_checkpoints();
};

}  // namespace galley
