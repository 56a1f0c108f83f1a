// Plain-text reader. Blocks end at blank lines and at hard line breaks; see docs/architecture.md
// ("read") for how a hard break is told from a wrapped line and how captions are recognised.
#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "core/utf8.hpp"
#include "input/reader.hpp"
#include "input/text_heuristics.hpp"

namespace galley {
namespace {

/// One line of the source, without its terminator.
struct Line {
  std::size_t begin = 0;  ///< First byte.
  std::size_t end = 0;    ///< Before CR/LF.
  std::string_view text;  ///< The bytes of [begin, end).
};

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; });
}

std::vector<Line> split_lines(std::string_view bytes, std::size_t start) {
  std::vector<Line> lines;
  std::size_t pos = start;
  while (pos < bytes.size()) {
    std::size_t newline = bytes.find('\n', pos);
    const std::size_t next = newline == std::string_view::npos ? bytes.size() : newline + 1;
    std::size_t end = newline == std::string_view::npos ? bytes.size() : newline;
    if (end > pos && bytes[end - 1] == '\r') --end;
    lines.push_back({pos, end, bytes.substr(pos, end - pos)});
    pos = next;
  }
  return lines;
}

std::size_t first_word_length(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return 0;
  const std::size_t stop = text.find_first_of(" \t", start);
  return utf8::count_code_points(text.substr(start, stop == std::string_view::npos ? text.npos : stop - start));
}

/// Width of the widest line of a chunk, in code points.
std::size_t chunk_width(const std::vector<Line>& lines, std::size_t first, std::size_t last) {
  std::size_t width = 0;
  for (std::size_t i = first; i < last; ++i) {
    width = std::max(width, utf8::count_code_points(lines[i].text));
  }
  return width;
}

/// True when `line` stops inside a sentence that `next` carries on: it ends without a stop or
/// colon and `next` starts with a lowercase letter.
bool sentence_goes_on(std::string_view line, std::string_view next) {
  const std::size_t last = line.find_last_not_of(" \t");
  const std::size_t first = next.find_first_not_of(" \t");
  if (last == std::string_view::npos || first == std::string_view::npos) return false;
  if (std::string_view(".!?:;").find(line[last]) != std::string_view::npos) return false;
  return next[first] >= 'a' && next[first] <= 'z';
}

/// A break after `line` is soft (the text was wrapped) when the next line's first word would not
/// have fitted within the chunk's width, or when a line of at least half that width stops inside
/// a sentence (wrapped by hand, or by a tool at a narrower width than the longest line); text
/// set one paragraph per line has no soft breaks.
bool is_soft_break(const Line& line, const Line& next, std::size_t width) {
  if (width > kMaxWrapWidth) return false;
  if (starts_with_list_marker(next.text) || starts_like_caption(next.text)) return false;
  const std::size_t length = utf8::count_code_points(line.text);
  if (length + 1 + first_word_length(next.text) > width) return true;
  return 2 * length >= width && sentence_goes_on(line.text, next.text);
}

void add_block(Document& doc, const std::vector<Line>& lines, std::size_t first, std::size_t last) {
  Block block;
  block.span = {lines[first].begin, lines[last - 1].end};
  const std::string_view bytes = doc.source.bytes();
  block.view_verbatim(bytes.substr(block.span.begin, block.span.size()), block.span.begin);
  block.kind = classify_text_block(block.text, last - first);
  doc.blocks.push_back(std::move(block));
}

void add_chunk(Document& doc, const std::vector<Line>& lines, std::size_t first, std::size_t last) {
  const std::size_t width = chunk_width(lines, first, last);
  std::size_t block_first = first;
  for (std::size_t i = first; i + 1 < last; ++i) {
    if (!is_soft_break(lines[i], lines[i + 1], width)) {
      add_block(doc, lines, block_first, i + 1);
      block_first = i + 1;
    }
  }
  add_block(doc, lines, block_first, last);
}

}  // namespace

void read_text(Document& doc) {
  const std::string_view bytes = doc.source.bytes();
  const std::size_t start = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::vector<Line> lines = split_lines(bytes, start);
  std::size_t chunk_first = 0;
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    if (i < lines.size() && !is_blank(lines[i].text)) continue;
    if (i > chunk_first) add_chunk(doc, lines, chunk_first, i);
    chunk_first = i + 1;
  }
}

}  // namespace galley
