#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/source_text.hpp"
#include "core/span.hpp"

namespace galley {

/// U+OBJECT REPLACEMENT CHARACTER: what a block's text holds where the source has code (inline
/// code in Markdown, <code> and the like in HTML), mapped to the code's bytes.
constexpr std::string_view kCodePlaceholder = "\xEF\xBF\xBC";

/// What a block of prose is, as far as the reader can tell.
enum class BlockKind { heading, paragraph, caption, list_item, quote, table_cell };

/// The name used in reports ("heading", "list-item", ...).
std::string_view to_string(BlockKind kind);

/// One stretch of a block's text and where it came from in the source.
/// Verbatim pieces are byte-for-byte copies of `source`; others (a decoded entity, a line break
/// standing for markup) map every byte of their text to the whole of `source`.
struct TextPiece {
  std::size_t text_begin = 0;  ///< Offset of the piece in Block::text.
  std::size_t text_end = 0;    ///< One past its end in Block::text.
  Span source;                 ///< Its bytes in the original file.
  bool verbatim = true;        ///< True when text == source bytes.
};

/// A unit of prose: a heading, paragraph, caption, ... with its text and source mapping.
struct Block {
  BlockKind kind = BlockKind::paragraph;  ///< What the reader took it for.
  Span span;                              ///< Bytes of the original file the block covers.
  /// The prose, markup removed and entities decoded: the source's own bytes when the block is
  /// one verbatim stretch of it (a plain-text paragraph, view_verbatim), else bytes the block
  /// keeps. Valid while the block and its document's SourceText (or a copy of it) live.
  std::string_view text;
  std::vector<TextPiece> pieces;  ///< Sorted by text_begin; covers all of `text`.
  bool pull_quote = false;        ///< A quotation repeated on purpose (HTML marks it).

  Block() = default;
  Block(const Block&) = default;
  Block& operator=(const Block&) = default;
  /// A moved-from block is empty: its text would view the bytes the new one owns.
  Block(Block&& other) noexcept;
  Block& operator=(Block&& other) noexcept;
  ~Block() = default;

  /// Makes `bytes`, the whole text of an empty block, a view of the document's source bytes
  /// from `source_begin` (SourceText::bytes(), which never move): no copy of a plain text's
  /// paragraphs, 16 MB on the bench's big file.
  void view_verbatim(std::string_view bytes, std::size_t source_begin);
  /// Appends text copied verbatim from the source at `source_begin`.
  void append_verbatim(std::string_view bytes, std::size_t source_begin);
  /// Appends `replacement` that stands for the source bytes `source` (an entity, a break).
  void append_mapped(std::string_view replacement, Span source);
  /// Cuts `text` back to its first `size` bytes, and the pieces with it.
  void truncate(std::size_t size);
  /// Maps a span of `text` to the exact bytes of the original file.
  [[nodiscard]] Span to_source(Span text_span) const;
  /// Maps one offset of `text` to the source; `is_end` picks the end of a mapped piece.
  [[nodiscard]] std::size_t to_source_offset(std::size_t text_offset, bool is_end) const;

 private:
  /// The bytes `text` views when it is not the source's, ready to be appended to: made (a copy
  /// of `text`) when `text` views something else, or when a copied block shares them.
  std::string& own_text();

  /// Bytes of the block's own; shared by a copy of the block until either appends. The count
  /// decides when to copy, so a block and its copies are appended to on one thread (readers).
  std::shared_ptr<std::string> owned_;
};

/// Blocks [first, last) of a document, for work shared out in parts, and whether this part
/// also takes the work on the document as a whole (exactly one part of a split does).
struct BlockPart {
  std::size_t first = 0;     ///< The first block.
  std::size_t last = 0;      ///< One past the last block.
  bool with_source = false;  ///< True for the part that also covers the whole source.
};

/// An HTML comment (`<!-- ... -->`) in a Markdown or HTML source: where inline directives live.
struct SourceComment {
  Span span;         ///< The whole comment, `<!--` to `-->`, in the original file.
  std::string text;  ///< The bytes between `<!--` and `-->`, verbatim (from span.begin + 4).
};

/// One input, read: its exact bytes, its blocks of prose, and what the reader noticed.
struct Document {
  SourceText source;                      ///< The original bytes and line index.
  std::string format;                     ///< "text", "markdown" or "html".
  std::vector<Block> blocks;              ///< In source order.
  std::vector<Finding> reader_findings;   ///< E.g. invalid UTF-8, found while reading.
  std::vector<Span> non_prose;            ///< Source spans the reader skipped as code or markup.
  std::vector<SourceComment> comments;    ///< HTML comments, in source order (not in text).
  std::string refused;                    ///< Why the reader would not read it (empty: read).
};

}  // namespace galley
