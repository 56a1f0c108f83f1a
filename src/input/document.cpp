#include "input/document.hpp"

#include <algorithm>
#include <utility>

namespace galley {

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading:
      return "heading";
    case BlockKind::paragraph:
      return "paragraph";
    case BlockKind::caption:
      return "caption";
    case BlockKind::list_item:
      return "list-item";
    case BlockKind::quote:
      return "quote";
    case BlockKind::table_cell:
      return "table-cell";
  }
  return "paragraph";
}

Block::Block(Block&& other) noexcept
    : kind(other.kind),
      span(other.span),
      text(std::exchange(other.text, {})),
      pieces(std::move(other.pieces)),
      pull_quote(other.pull_quote),
      owned_(std::move(other.owned_)) {
  other.pieces.clear();
}

Block& Block::operator=(Block&& other) noexcept {
  if (this == &other) return *this;
  kind = other.kind;
  span = other.span;
  text = std::exchange(other.text, {});
  pieces = std::move(other.pieces);
  other.pieces.clear();
  pull_quote = other.pull_quote;
  owned_ = std::move(other.owned_);
  return *this;
}

std::string& Block::own_text() {
  const bool viewed = owned_ && owned_.use_count() == 1 && text.data() == owned_->data() &&
                      text.size() == owned_->size();
  if (!viewed) owned_ = std::make_shared<std::string>(text);
  return *owned_;
}

void Block::view_verbatim(std::string_view bytes, std::size_t source_begin) {
  text = bytes;
  owned_.reset();
  pieces.clear();
  if (!bytes.empty())
    pieces.push_back({0, bytes.size(), {source_begin, source_begin + bytes.size()}, true});
}

void Block::append_verbatim(std::string_view bytes, std::size_t source_begin) {
  if (bytes.empty()) return;
  const std::size_t at = text.size();
  const bool extends_last = !pieces.empty() && pieces.back().verbatim &&
                            pieces.back().text_end == at &&
                            pieces.back().source.end == source_begin;
  std::string& own = own_text();
  own.append(bytes);
  text = own;
  if (extends_last) {
    pieces.back().text_end = text.size();
    pieces.back().source.end = source_begin + bytes.size();
    return;
  }
  pieces.push_back({at, text.size(), {source_begin, source_begin + bytes.size()}, true});
}

void Block::append_mapped(std::string_view replacement, Span source) {
  if (replacement.empty()) return;
  const std::size_t at = text.size();
  std::string& own = own_text();
  own.append(replacement);
  text = own;
  pieces.push_back({at, text.size(), source, false});
}

void Block::truncate(std::size_t size) {
  if (size >= text.size()) return;
  text = text.substr(0, size);  // The bytes past it stay unused: own_text() copies on append.
  while (!pieces.empty() && pieces.back().text_begin >= size) pieces.pop_back();
  if (pieces.empty() || pieces.back().text_end <= size) return;
  TextPiece& last = pieces.back();
  if (last.verbatim) last.source.end = last.source.begin + (size - last.text_begin);
  last.text_end = size;
}

std::size_t Block::to_source_offset(std::size_t text_offset, bool is_end) const {
  if (pieces.empty()) return span.begin;
  // The piece containing the offset; an end offset belongs to the piece it closes.
  auto it = std::upper_bound(pieces.begin(), pieces.end(), text_offset,
                             [](std::size_t off, const TextPiece& p) { return off < p.text_end; });
  if (is_end && it != pieces.begin() && std::prev(it)->text_end == text_offset) --it;
  if (it == pieces.end()) return pieces.back().source.end;
  if (text_offset < it->text_begin) return it->source.begin;
  if (it->verbatim) return it->source.begin + (text_offset - it->text_begin);
  if (is_end) return text_offset == it->text_begin ? it->source.begin : it->source.end;
  return text_offset == it->text_end ? it->source.end : it->source.begin;
}

Span Block::to_source(Span text_span) const {
  const std::size_t begin = to_source_offset(text_span.begin, false);
  const std::size_t end = to_source_offset(text_span.end, true);
  return {begin, std::max(begin, end)};
}

}  // namespace galley
