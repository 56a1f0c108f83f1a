#pragma once

#include <cstddef>
#include <vector>

#include "report/report.hpp"

namespace galley {

/// A stretch of the source with the same block and the same findings over all of it.
struct AnnotatedRun {
  Span span;                         ///< Bytes of the original file.
  const BlockRecord* block = nullptr;  ///< The innermost block it lies in; nullptr for a gap.
  bool starts_container = false;     ///< A new block element begins here.
  bool continued = false;            ///< The block resumes after a nested block.
  std::vector<std::size_t> findings; ///< Indexes of the findings covering it (empty ones included).
};

/// Cuts a document's source into runs at every block and finding boundary, in order, covering
/// every byte exactly once; an empty finding becomes an empty run at its offset.
std::vector<AnnotatedRun> annotate(const DocumentReport& doc);

}  // namespace galley
