// Markdown reader over md4c. Bare URLs and e-mail addresses stay in the text: the segmenter
// recognises them as non-words, as it does in plain text. md4c hands us pointers into the input for every text run, so each
// run maps straight back to its source bytes; what md4c synthesises (line breaks) is mapped to the
// source bytes between the runs around it.
#include <md4c.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "input/entities.hpp"
#include "input/reader.hpp"

namespace galley {
namespace {

/// Where the front matter ends (0 when there is none): a first line "---" up to "---" or "...".
std::size_t front_matter_end(std::string_view bytes, std::size_t start) {
  const auto line_at = [&](std::size_t pos) {
    std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return std::make_pair(line, end == bytes.size() ? end : end + 1);
  };
  auto [first, pos] = line_at(start);
  if (first != "---") return 0;
  while (pos < bytes.size()) {
    auto [line, next] = line_at(pos);
    if (line == "---" || line == "...") return next;
    pos = next;
  }
  return 0;
}

class MarkdownReader {
 public:
  explicit MarkdownReader(Document& doc) : doc_(doc), bytes_(doc.source.bytes()) {}

  void run() {
    std::size_t start = bytes_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    if (const std::size_t end = front_matter_end(bytes_, start); end > 0) {
      doc_.non_prose.push_back({start, end});
      start = end;
    }
    read_to_ = start;
    MD_PARSER parser{};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
    parser.enter_block = &MarkdownReader::on_enter_block;
    parser.leave_block = &MarkdownReader::on_leave_block;
    parser.enter_span = &MarkdownReader::on_enter_span;
    parser.leave_span = &MarkdownReader::on_leave_span;
    parser.text = &MarkdownReader::on_text;
    md_parse(bytes_.data() + start, static_cast<MD_SIZE>(bytes_.size() - start), &parser, this);
    close_block();
  }

 private:
  static MarkdownReader& self(void* userdata) { return *static_cast<MarkdownReader*>(userdata); }
  static int on_enter_block(MD_BLOCKTYPE type, void* /*detail*/, void* userdata) {
    self(userdata).enter_block(type);
    return 0;
  }
  static int on_leave_block(MD_BLOCKTYPE type, void* /*detail*/, void* userdata) {
    self(userdata).leave_block(type);
    return 0;
  }
  static int on_enter_span(MD_SPANTYPE type, void* /*detail*/, void* userdata) {
    self(userdata).enter_span(type);
    return 0;
  }
  static int on_leave_span(MD_SPANTYPE type, void* /*detail*/, void* userdata) {
    self(userdata).leave_span(type);
    return 0;
  }
  static int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
    self(userdata).text(type, std::string_view(text, size));
    return 0;
  }

  void enter_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_QUOTE:
        ++quote_depth_;
        break;
      case MD_BLOCK_LI:
        ++list_depth_;
        close_block();
        break;
      case MD_BLOCK_CODE:
        ++verbatim_depth_;
        break;
      case MD_BLOCK_HTML:
        ++verbatim_depth_;
        close_block();
        html_block_ = Span{bytes_.size(), 0};  // Grown by each of its lines.
        break;
      case MD_BLOCK_H:
        open_block(BlockKind::heading);
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        open_block(BlockKind::table_cell);
        break;
      case MD_BLOCK_P:
        open_block(quote_depth_ > 0   ? BlockKind::quote
                   : list_depth_ > 0 ? BlockKind::list_item
                                     : BlockKind::paragraph);
        break;
      default:
        close_block();  // A nested list or table ends the text of a tight list item.
        break;
    }
  }

  void leave_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_QUOTE:
        --quote_depth_;
        break;
      case MD_BLOCK_LI:
        --list_depth_;
        close_block();
        break;
      case MD_BLOCK_CODE:
        --verbatim_depth_;
        break;
      case MD_BLOCK_HTML:
        --verbatim_depth_;
        read_html_block();
        break;
      case MD_BLOCK_H:
        if (block_) take_end_mark();
        close_block();
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
      case MD_BLOCK_P:
        close_block();
        break;
      default:
        break;
    }
  }

  void enter_span(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_EM:
      case MD_SPAN_STRONG:
        ++emphasis_depth_;
        break;
      case MD_SPAN_IMG:
        start_image();
        break;
      default:
        break;
    }
  }

  void leave_span(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_EM:
      case MD_SPAN_STRONG:
        --emphasis_depth_;
        break;
      case MD_SPAN_IMG:
        finish_image();
        break;
      default:
        break;
    }
  }

  void text(MD_TEXTTYPE type, std::string_view text) {
    if (type == MD_TEXT_HTML) record_comments(text);
    note_read(text);
    if (html_block_ && type == MD_TEXT_HTML) {
      if (const std::optional<std::size_t> at = source_offset(text)) {
        html_block_->begin = std::min(html_block_->begin, *at);
        html_block_->end = std::max(html_block_->end, *at + text.size());
      }
    }
    if (verbatim_depth_ > 0) return;
    if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR) {
      pending_break_ = true;
      return;
    }
    if (!block_) open_block(list_depth_ > 0 ? BlockKind::list_item : BlockKind::paragraph);
    const std::size_t at = offset_of(text);
    if (type == MD_TEXT_HTML) {
      last_end_ = at + text.size();
      return;  // Inline raw HTML is markup, not prose.
    }
    flush_break(at);
    if (!is_blank(text) && emphasis_depth_ == 0) all_emphasis_ = false;
    switch (type) {
      case MD_TEXT_CODE:
        block_->append_mapped(kCodePlaceholder, {at, at + text.size()});
        break;
      case MD_TEXT_ENTITY: {
        std::size_t consumed = 0;
        const std::string decoded = decode_entity(text, consumed);
        if (consumed == text.size()) {
          block_->append_mapped(decoded, {at, at + text.size()});
        } else {
          block_->append_verbatim(text, at);
        }
        break;
      }
      case MD_TEXT_NULLCHAR:
        block_->append_mapped("\xEF\xBF\xBD", {at, at + 1});
        break;
      default:
        block_->append_verbatim(text, at);
        break;
    }
    last_end_ = at + text.size();
  }

  /// Reads the HTML block just left as HTML (a release's caption in a <figure>, a paragraph in a
  /// <div>): its prose is checked as an HTML file's would be. Inside a block quote a block of one
  /// line is read too ("> <p>...</p>"); from its second line on, the lines carry the quote's '>'
  /// marks, which are no HTML, so a longer one is left out.
  void read_html_block() {
    const std::optional<Span> block = std::exchange(html_block_, std::nullopt);
    if (!block || block->begin >= block->end) return;
    if (quote_depth_ > 0 &&
        bytes_.substr(block->begin, block->size()).find('\n') != std::string_view::npos) {
      return;
    }
    read_html_fragment(doc_, *block);
  }

  /// Records the comments starting in a raw-HTML run. md4c hands an HTML block over line by line,
  /// so a comment's end is looked for in the source, past the run when it spans lines.
  void record_comments(std::string_view run) {
    const char* base = bytes_.data();
    if (run.data() < base || run.data() + run.size() > base + bytes_.size()) return;
    const std::size_t run_begin = static_cast<std::size_t>(run.data() - base);
    for (std::size_t pos = run.find("<!--"); pos != std::string_view::npos;
         pos = run.find("<!--", pos)) {
      const std::size_t begin = run_begin + pos;
      if (begin < comments_end_) {  // "<!--" inside the comment recorded last
        pos = comments_end_ - run_begin;
        continue;
      }
      const std::size_t close = bytes_.find("-->", begin + 4);
      if (close == std::string_view::npos) return;
      comments_end_ = close + 3;
      doc_.comments.push_back(
          {{begin, comments_end_}, std::string(bytes_.substr(begin + 4, close - begin - 4))});
      pos = comments_end_ - run_begin;
    }
  }

  static bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t") == std::string_view::npos;
  }

  /// Offset of a run in the source, if it lies there: md4c hands some runs over as strings of
  /// its own (line breaks).
  [[nodiscard]] std::optional<std::size_t> source_offset(std::string_view text) const {
    const char* base = bytes_.data();
    if (text.data() >= base && text.data() + text.size() <= base + bytes_.size()) {
      return static_cast<std::size_t>(text.data() - base);
    }
    return std::nullopt;
  }

  /// Offset of a run in the source; synthesised runs sit where the last run ended.
  [[nodiscard]] std::size_t offset_of(std::string_view text) const {
    return source_offset(text).value_or(last_end_);
  }

  /// Moves read_to_ past `text` when it lies in the source.
  void note_read(std::string_view text) {
    if (const std::optional<std::size_t> at = source_offset(text)) {
      read_to_ = std::max(read_to_, *at + text.size());
    }
  }

  /// An ATX heading made of marks alone: CommonMark reads a line of "###", the end mark of a North
  /// American release, as a heading with no text, and "# # #" as one whose text is "#". Its line
  /// becomes the open block's text, as the text reader has it, so that what looks at blocks sees
  /// the end mark (the rule packs' unless-after-block, the duplicate search's exemption of what
  /// follows it).
  void take_end_mark() {
    const std::optional<std::size_t> line = heading_line();
    if (!line) return;
    std::size_t end = bytes_.find('\n', *line);
    if (end == std::string_view::npos) end = bytes_.size();
    const std::string_view text = bytes_.substr(*line, end - *line);
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos || text[first] != '#') return;
    const std::size_t last = text.find_last_not_of(" \t\r");
    const std::string_view mark = text.substr(first, last + 1 - first);
    if (mark.find_first_not_of("# \t") != std::string_view::npos) return;  // A heading's words.
    block_->truncate(0);
    block_->kind = BlockKind::paragraph;
    block_->append_verbatim(mark, *line + first);
    read_to_ = std::max(read_to_, *line + last + 1);
  }

  /// Where the line of the open heading starts: its text's line, or, for a heading with no text
  /// (md4c gives no position then), the first line after all that was read that starts with '#'
  /// after white space.
  [[nodiscard]] std::optional<std::size_t> heading_line() const {
    if (!block_->pieces.empty()) {
      const std::size_t at = block_->pieces.front().source.begin;
      const std::size_t newline = at == 0 ? std::string_view::npos : bytes_.rfind('\n', at - 1);
      return newline == std::string_view::npos ? 0 : newline + 1;
    }
    std::size_t pos = read_to_;
    if (pos > 0 && bytes_[pos - 1] != '\n') {  // From the next line: this one may end in "##".
      const std::size_t newline = bytes_.find('\n', pos);
      if (newline == std::string_view::npos) return std::nullopt;
      pos = newline + 1;
    }
    while (pos < bytes_.size()) {
      std::size_t end = bytes_.find('\n', pos);
      if (end == std::string_view::npos) end = bytes_.size();
      const std::string_view line = bytes_.substr(pos, end - pos);
      const std::size_t first = line.find_first_not_of(" \t");
      if (first != std::string_view::npos && line[first] == '#') return pos;
      pos = end + 1;
    }
    return std::nullopt;
  }

  void flush_break(std::size_t next_begin) {
    if (!pending_break_) return;
    pending_break_ = false;
    if (block_ && !block_->text.empty()) {
      block_->append_mapped("\n", {last_end_, std::max(last_end_, next_begin)});
    }
  }

  void open_block(BlockKind kind) {
    close_block();
    block_.emplace();
    block_->kind = kind;
    all_emphasis_ = true;
    after_image_ = false;
  }

  /// Ends the open block; an emphasised line right under an image becomes a caption.
  void close_block() {
    pending_break_ = false;
    if (!block_) return;
    Block block = std::move(*block_);
    block_.reset();
    const bool has_text = !is_blank(block.text);
    if (has_text && all_emphasis_ && (after_image_ || previous_was_image_)) {
      block.kind = BlockKind::caption;
    }
    previous_was_image_ = after_image_ && !has_text;
    emit(std::move(block));
  }

  void emit(Block block) {
    if (block.pieces.empty()) return;
    block.span = {block.pieces.front().source.begin, block.pieces.back().source.end};
    doc_.blocks.push_back(std::move(block));
  }

  void start_image() {
    if (!block_) open_block(BlockKind::paragraph);
    saved_block_ = std::move(block_);
    block_.emplace();
    block_->kind = BlockKind::caption;
  }

  /// The alt text becomes a caption block of its own; the paragraph's text before the image is
  /// a block of its own too, so that what follows the image can be told apart.
  void finish_image() {
    Block alt = std::move(*block_);
    block_ = std::move(saved_block_);
    emit(std::move(alt));
    const BlockKind kind = block_->kind;
    if (!is_blank(block_->text)) {
      after_image_ = false;
      previous_was_image_ = false;
      close_block();
      open_block(kind);
    }
    after_image_ = true;
    all_emphasis_ = true;
  }

  Document& doc_;
  std::string_view bytes_;
  std::optional<Block> block_;
  std::optional<Block> saved_block_;
  int quote_depth_ = 0;
  int list_depth_ = 0;
  int verbatim_depth_ = 0;
  std::optional<Span> html_block_;  ///< The source bytes of the HTML block being read.
  int emphasis_depth_ = 0;
  bool pending_break_ = false;
  std::size_t last_end_ = 0;
  std::size_t read_to_ = 0;       ///< The end of the furthest text md4c has handed over, any kind.
  std::size_t comments_end_ = 0;  ///< End of the last comment recorded.
  bool all_emphasis_ = true;
  bool after_image_ = false;
  bool previous_was_image_ = false;
};

}  // namespace

void read_markdown(Document& doc) { MarkdownReader(doc).run(); }

}  // namespace galley
