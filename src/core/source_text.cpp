#include "core/source_text.hpp"

#include <algorithm>
#include <cstring>

#include "core/utf8.hpp"

namespace galley {

SourceText::SourceText(std::string path, std::string bytes)
    : path_(std::move(path)), storage_(std::make_shared<const std::string>(std::move(bytes))) {
  line_starts_.push_back(0);
  const char* data = storage_->data();
  const std::size_t size = storage_->size();
  std::size_t pos = 0;
  while (pos < size) {
    const void* hit = std::memchr(data + pos, '\n', size - pos);
    if (hit == nullptr) break;
    pos = static_cast<std::size_t>(static_cast<const char*>(hit) - data) + 1;
    if (pos < size) line_starts_.push_back(pos);
  }
  add_checkpoints();
  // A report keeps every document it has not spooled: no slack from push_back's doubling.
  line_starts_.shrink_to_fit();
  checkpoints_.shrink_to_fit();
}

// Columns count code points from the line start: on a 5 MB line with thousands of findings that
// was quadratic. Checkpoints are placed at code point boundaries, where counts add up.
void SourceText::add_checkpoints() {
  std::size_t line = 0;
  std::size_t last = 0;   // The previous checkpoint's offset, or its line's start.
  std::size_t count = 0;  // Code points from that line's start to `last`.
  for (std::size_t mark = kCheckpointStride; mark < bytes().size(); mark += kCheckpointStride) {
    std::size_t pos = mark;
    while (!utf8::is_boundary(bytes(), pos)) ++pos;
    const std::size_t before = line;
    while (line + 1 < line_starts_.size() && line_starts_[line + 1] <= pos) ++line;
    if (line != before || checkpoints_.empty()) {
      last = line_starts_[line];
      count = 0;
    }
    if (pos - line_starts_[line] < kCheckpointStride) continue;  // A short line: no need.
    count += utf8::count_code_points(bytes().substr(last, pos - last));
    last = pos;
    checkpoints_.emplace_back(pos, count);
  }
}

std::string_view SourceText::slice(Span span) const {
  const std::size_t begin = std::min(span.begin, bytes().size());
  const std::size_t end = std::clamp(span.end, begin, bytes().size());
  return bytes().substr(begin, end - begin);
}

LineColumn SourceText::locate(std::size_t offset) const {
  offset = std::min(offset, bytes().size());
  // An offset inside a multi-byte sequence (pugixml's error offsets count bytes) belongs to the
  // code point that sequence encodes; counted as it stands, its lead byte alone would count as
  // one ill-formed byte and push the column past the end of the line.
  while (!utf8::is_boundary(bytes(), offset)) --offset;
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto index = static_cast<std::size_t>(after - line_starts_.begin()) - 1;
  std::size_t start = line_starts_[index];
  std::size_t counted = 0;
  const auto checkpoint =
      std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                       [](std::size_t value, const auto& entry) { return value < entry.first; });
  if (checkpoint != checkpoints_.begin() && std::prev(checkpoint)->first >= start) {
    start = std::prev(checkpoint)->first;
    counted = std::prev(checkpoint)->second;
  }
  const std::string_view before = bytes().substr(start, offset - start);
  return {index + 1, counted + utf8::count_code_points(before) + 1};
}

std::string_view SourceText::line_text(std::size_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] : bytes().size();
  if (end > start && bytes()[end - 1] == '\n') --end;
  if (end > start && bytes()[end - 1] == '\r') --end;
  return bytes().substr(start, end - start);
}

}  // namespace galley
