// HTML reader over gumbo. Gumbo keeps, for every node, a pointer to its original text in the
// input; character data is decoded from those original bytes (input/entities.cpp) so that every
// decoded character maps back to the reference it came from.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "input/entities.hpp"
#include "input/reader.hpp"

namespace galley {
namespace {

enum class Role { skip, inline_code, line_break, image, block, container, other };

Role role_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
      return Role::skip;
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_TT:  // HTML 4's <code>, still in older pages and exports.
      return Role::inline_code;
    case GUMBO_TAG_BR:
      return Role::line_break;
    case GUMBO_TAG_IMG:
      return Role::image;
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
      return Role::block;
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HTML:
      return Role::container;
    default:
      return Role::other;
  }
}

BlockKind kind_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return BlockKind::heading;
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
      return BlockKind::list_item;
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
      return BlockKind::caption;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return BlockKind::table_cell;
    default:
      return BlockKind::paragraph;
  }
}

std::string_view class_of(const GumboElement& element) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, "class");
  return attribute != nullptr ? std::string_view(attribute->value) : std::string_view();
}

/// Inherited marks of the elements around a node.
struct Context {
  bool caption = false;     ///< Inside an element with a caption class or a figcaption.
  bool quote = false;       ///< Inside a blockquote.
  bool pull_quote = false;  ///< Inside an element marked as a pull quote.
};

/// One step of the walk: a node to visit, or the end of an element to close.
struct Step {
  const GumboNode* node = nullptr;
  Context context;
  bool closing = false;
};

// Real pages nest a few dozen elements deep; past this a file is hostile or broken.
constexpr std::size_t kMaxDepth = 20000;

/// Elements that never nest: void elements, and those whose end tag HTML makes optional.
bool never_nests(std::string_view name) {
  static constexpr std::array<std::string_view, 22> kNames{
      "br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

/// A cheap upper estimate of the element nesting depth, from start and end tags alone.
std::size_t estimated_depth(std::string_view html) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  for (std::size_t pos = html.find('<'); pos != std::string_view::npos; pos = html.find('<', pos + 1)) {
    const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    std::size_t name_end = pos + (closing ? 2 : 1);
    const std::size_t name_begin = name_end;
    while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end])) != 0) ++name_end;
    if (name_end == name_begin) continue;
    std::string name(html.substr(name_begin, name_end - name_begin));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (never_nests(name)) continue;
    if (closing) {
      depth = depth > 0 ? depth - 1 : 0;
    } else {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

class HtmlReader {
 public:
  /// A reader of `input`, the whole of `doc`'s source or a stretch of it (an HTML block of a
  /// Markdown file): offsets count from the source's start either way.
  HtmlReader(Document& doc, std::string_view input)
      : doc_(doc), bytes_(doc.source.bytes()), input_(input) {}

  /// Reads the whole source: its blocks and comments. Too deep a nesting refuses the document.
  void run() {
    if (estimated_depth(input_) > kMaxDepth) {
      doc_.refused = "HTML nested deeper than " + std::to_string(kMaxDepth) +
                     " elements, skipped: the parser's cost grows with the square of the depth";
      return;
    }
    parse(true);
  }

  /// Reads a stretch of another reader's document: its blocks only (that reader keeps the
  /// comments), and none when it is nested too deep.
  void run_fragment() {
    if (estimated_depth(input_) > kMaxDepth) return;
    parse(false);
  }

 private:
  void parse(bool with_comments) {
    // Recording parse errors copies the stack of open elements each time: quadratic in depth.
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* output = gumbo_parse_with_options(&options, input_.data(), input_.size());
    walk(output->root);
    close_block();
    if (with_comments) collect_comments(output->document);
    gumbo_destroy_output(&options, output);
  }

  // An explicit stack: documents with thousands of nested elements must not exhaust ours.
  void walk(const GumboNode* root) {
    std::vector<Step> stack{{root, {}, false}};
    while (!stack.empty()) {
      const Step step = stack.back();
      stack.pop_back();
      if (step.closing) {
        if (role_of(step.node->v.element.tag) != Role::other) close_block();
        continue;
      }
      visit(step, stack);
    }
  }

  void visit(const Step& step, std::vector<Step>& stack) {
    const GumboNode* node = step.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      add_text(node, step.context);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
    const GumboElement& element = node->v.element;
    const Role role = role_of(element.tag);
    if (role == Role::skip) return;
    if (role == Role::inline_code || role == Role::line_break) {
      add_replacement(node, role == Role::line_break ? "\n" : kCodePlaceholder, step.context);
      return;
    }
    if (role == Role::image) {
      add_alt_text(element);
      return;
    }
    Context context = inner_context(element, step.context);
    if (role == Role::block || role == Role::container) close_block();
    if (role == Role::block) open_block(kind_of(element.tag), context);
    stack.push_back({node, context, true});
    for (unsigned i = element.children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(element.children.data[i - 1]), context, false});
    }
  }

  static Context inner_context(const GumboElement& element, Context context) {
    const std::string_view classes = class_of(element);
    if (element.tag == GUMBO_TAG_FIGCAPTION || classes.find("caption") != std::string_view::npos) {
      context.caption = true;
    }
    if (element.tag == GUMBO_TAG_BLOCKQUOTE) context.quote = true;
    if (classes.find("pullquote") != std::string_view::npos ||
        classes.find("pull-quote") != std::string_view::npos) {
      context.pull_quote = true;
    }
    return context;
  }

  /// Every comment of the tree, head and skipped elements included, for inline directives.
  void collect_comments(const GumboNode* root) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      if (node->type == GUMBO_NODE_COMMENT) add_comment(node->v.text.original_text);
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE &&
          node->type != GUMBO_NODE_DOCUMENT) {
        continue;
      }
      const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                      : node->v.element.children;
      for (unsigned i = children.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
      }
    }
    std::sort(doc_.comments.begin(), doc_.comments.end(),
              [](const SourceComment& a, const SourceComment& b) {
                return a.span.begin < b.span.begin;
              });
  }

  /// Keeps a well-formed `<!-- ... -->` (gumbo also accepts `<!-->` and `--!>`: not directives).
  void add_comment(const GumboStringPiece& original) {
    if (!in_input(original.data, original.length)) return;
    const std::string_view text(original.data, original.length);
    if (text.size() < 7 || !text.starts_with("<!--") || !text.ends_with("-->")) return;
    const std::size_t begin = offset_of(original.data);
    doc_.comments.push_back(
        {{begin, begin + text.size()}, std::string(text.substr(4, text.size() - 7))});
  }

  std::size_t offset_of(const char* data) const {
    return static_cast<std::size_t>(data - bytes_.data());
  }

  bool in_input(const char* data, std::size_t length) const {
    return data >= input_.data() && data + length <= input_.data() + input_.size();
  }

  void add_text(const GumboNode* node, const Context& context) {
    const GumboStringPiece& original = node->v.text.original_text;
    if (original.length == 0 || !in_input(original.data, original.length)) return;
    const std::string_view text(original.data, original.length);
    const std::string_view decoded = node->v.text.text;
    const bool blank = decoded.find_first_not_of(" \t\r\n\f") == std::string_view::npos;
    if (!block_ && blank) return;
    ensure_block(context);
    if (contains_tag(text)) {
      // Gumbo's original text for white space after </body> spans the end tags themselves.
      block_->append_mapped(blank ? " " : decoded, {offset_of(original.data), offset_of(original.data) + text.size()});
      return;
    }
    append_character_data(*block_, text, offset_of(original.data), true);
  }

  /// True when `text` holds markup ("<p", "</"), which character data cannot.
  static bool contains_tag(std::string_view text) {
    for (std::size_t pos = text.find('<'); pos != std::string_view::npos; pos = text.find('<', pos + 1)) {
      if (pos + 1 < text.size() && (text[pos + 1] == '/' || std::isalpha(static_cast<unsigned char>(text[pos + 1])) != 0)) {
        return true;
      }
    }
    return false;
  }

  void add_replacement(const GumboNode* node, std::string_view replacement, const Context& context) {
    const GumboElement& element = node->v.element;
    if (!in_input(element.original_tag.data, element.original_tag.length)) return;
    const std::size_t begin = offset_of(element.original_tag.data);
    std::size_t end = begin + element.original_tag.length;
    if (element.original_end_tag.length > 0 &&
        in_input(element.original_end_tag.data, element.original_end_tag.length)) {
      end = offset_of(element.original_end_tag.data) + element.original_end_tag.length;
    }
    ensure_block(context);
    block_->append_mapped(replacement, {begin, end});
  }

  /// An image's alt text is a caption of its own (between the prose around it).
  void add_alt_text(const GumboElement& element) {
    const GumboAttribute* alt = gumbo_get_attribute(&element.attributes, "alt");
    if (alt == nullptr) return;
    const GumboStringPiece& value = alt->original_value;
    if (value.length == 0 || !in_input(value.data, value.length)) return;
    std::string_view text(value.data, value.length);
    std::size_t begin = offset_of(value.data);
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'')) {
      text = text.substr(1, text.size() - 2);
      ++begin;
    }
    if (text.find_first_not_of(" \t\r\n\f") == std::string_view::npos) return;
    Block alt_block;
    alt_block.kind = BlockKind::caption;
    append_character_data(alt_block, text, begin, true);
    emit(std::move(alt_block));
  }

  void ensure_block(const Context& context) {
    if (!block_) open_block(BlockKind::paragraph, context);
  }

  void open_block(BlockKind kind, const Context& context) {
    close_block();
    block_.emplace();
    block_->kind = context.caption ? BlockKind::caption
                   : context.quote && kind == BlockKind::paragraph ? BlockKind::quote
                                                                   : kind;
    block_->pull_quote = context.pull_quote;
  }

  void close_block() {
    if (!block_) return;
    Block block = std::move(*block_);
    block_.reset();
    emit(std::move(block));
  }

  /// Keeps a block with prose in it, its span trimmed to the first and last visible byte.
  void emit(Block block) {
    const std::size_t first = block.text.find_first_not_of(" \n");
    if (first == std::string::npos) return;
    const std::size_t last = block.text.find_last_not_of(" \n") + 1;
    Block trimmed;
    trimmed.kind = block.kind;
    trimmed.pull_quote = block.pull_quote;
    for (const TextPiece& piece : block.pieces) {
      const std::size_t begin = std::max(piece.text_begin, first);
      const std::size_t end = std::min(piece.text_end, last);
      if (begin >= end) continue;
      const std::string_view text = std::string_view(block.text).substr(begin, end - begin);
      if (piece.verbatim) {
        trimmed.append_verbatim(text, piece.source.begin + (begin - piece.text_begin));
      } else {
        trimmed.append_mapped(text, piece.source);
      }
    }
    trimmed.span = {trimmed.pieces.front().source.begin, trimmed.pieces.back().source.end};
    doc_.blocks.push_back(std::move(trimmed));
  }

  Document& doc_;
  std::string_view bytes_;  ///< The whole source, where offsets count from.
  std::string_view input_;  ///< What is parsed: the source or a stretch of it.
  std::optional<Block> block_;
};

}  // namespace

void read_html(Document& doc) { HtmlReader(doc, doc.source.bytes()).run(); }

void read_html_fragment(Document& doc, Span span) {
  HtmlReader(doc, doc.source.bytes().substr(span.begin, span.size())).run_fragment();
}

}  // namespace galley
