#pragma once

#include <cstddef>

namespace galley {

/// A half-open range of bytes [begin, end) in some buffer (the source file or a block's text).
struct Span {
  std::size_t begin = 0;  ///< First byte.
  std::size_t end = 0;    ///< One past the last byte.

  /// Number of bytes covered.
  [[nodiscard]] std::size_t size() const { return end - begin; }
  /// True when the span covers no byte.
  [[nodiscard]] bool empty() const { return end == begin; }
  /// True when `other` lies wholly inside this span.
  [[nodiscard]] bool contains(Span other) const {
    return begin <= other.begin && other.end <= end;
  }
  friend bool operator==(Span a, Span b) = default;
};

}  // namespace galley
