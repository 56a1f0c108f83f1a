#include "core/source_text.hpp"

#include <algorithm>
#include <cstring>

#include "core/utf8.hpp"

namespace galley {

SourceText::SourceText(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
  line_starts_.push_back(0);
  const char* data = bytes_.data();
  const std::size_t size = bytes_.size();
  std::size_t pos = 0;
  while (pos < size) {
    const void* hit = std::memchr(data + pos, '\n', size - pos);
    if (hit == nullptr) break;
    pos = static_cast<std::size_t>(static_cast<const char*>(hit) - data) + 1;
    if (pos < size) line_starts_.push_back(pos);
  }
}

std::string_view SourceText::slice(Span span) const {
  const std::size_t begin = std::min(span.begin, bytes_.size());
  const std::size_t end = std::clamp(span.end, begin, bytes_.size());
  return std::string_view(bytes_).substr(begin, end - begin);
}

LineColumn SourceText::locate(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  // An offset inside a multi-byte sequence (pugixml's error offsets count bytes) belongs to the
  // code point that sequence encodes; counted as it stands, its lead byte alone would count as
  // one ill-formed byte and push the column past the end of the line.
  while (!utf8::is_boundary(bytes_, offset)) --offset;
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto index = static_cast<std::size_t>(after - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[index];
  const std::string_view before = std::string_view(bytes_).substr(start, offset - start);
  return {index + 1, utf8::count_code_points(before) + 1};
}

std::string_view SourceText::line_text(std::size_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] : bytes_.size();
  if (end > start && bytes_[end - 1] == '\n') --end;
  if (end > start && bytes_[end - 1] == '\r') --end;
  return std::string_view(bytes_).substr(start, end - start);
}

}  // namespace galley
