#include "checks/unbalanced_brackets_check.hpp"

#include <algorithm>
#include <cctype>

#include "checks/registry.hpp"
#include "core/byte_set.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "typography.unbalanced-brackets";
constexpr std::string_view kOpenQuote = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseQuote = "\xE2\x80\x9D";  // ”
static_assert(kOpenQuote[0] == kCloseQuote[0]);
/// Whether the scan below looks at a byte: a bracket, a straight quotation mark, or the first
/// byte of a curly one (both curly ones start with the same byte).
constexpr ByteSet kMayMatter = byte_set("()[]{}\"\xE2");
static_assert(kOpenQuote[0] == '\xE2');

/// An opening bracket or quotation mark waiting for its partner.
struct Opener {
  std::size_t pos = 0;     ///< Byte in Block::text.
  std::size_t length = 1;  ///< Its length in bytes.
  char closer = ')';       ///< The ASCII closer, or '"' for a curly quotation mark.
};

char closer_for(char open) { return open == '(' ? ')' : open == '[' ? ']' : '}'; }

/// "a) first item" and ":)" use a closer without an opener on purpose.
bool is_lone_closer_allowed(std::string_view text, std::size_t pos) {
  if (text[pos] != ')') return false;
  if (pos > 0 && (text[pos - 1] == ':' || text[pos - 1] == ';')) return true;
  std::size_t start = pos;
  while (start > 0 && std::isalnum(static_cast<unsigned char>(text[start - 1]))) --start;
  const std::size_t length = pos - start;
  if (length == 0 || length > 3) return false;
  const bool at_line_start = start == 0 || text[start - 1] == '\n';
  // Inside a line only a single letter or digit enumerates: "choose a) or b)".
  return at_line_start || (length == 1 && text[start - 1] == ' ');
}

class Scanner {
 public:
  Scanner(const Block& block, bool next_opens_quote, const CheckInfo& info, std::vector<Finding>& out)
      : block_(block), text_(block.text), next_opens_quote_(next_opens_quote), info_(info), out_(out) {}

  void run() {
    for (std::size_t pos = next_in(text_, 0, kMayMatter); pos < text_.size();
         pos = next_in(text_, pos + 1, kMayMatter)) {
      const char c = text_[pos];
      if (c == '(' || c == '[' || c == '{') {
        open_.push_back({pos, 1, closer_for(c)});
      } else if (c == ')' || c == ']' || c == '}') {
        close(pos, 1, c);
      } else if (c == kOpenQuote[0]) {  // Both curly quotes start with this byte: few do.
        if (text_.compare(pos, kOpenQuote.size(), kOpenQuote) == 0) {
          open_.push_back({pos, kOpenQuote.size(), '"'});
        } else if (text_.compare(pos, kCloseQuote.size(), kCloseQuote) == 0) {
          close(pos, kCloseQuote.size(), '"');
        }
      } else if (c == '"') {
        straight_quotes_.push_back(pos);
      }
    }
    report_unclosed();
    // An odd count of straight quotation marks leaves the last one without a partner, unless
    // one of them follows a digit: an inch sign (5'10", a 55" screen), not a quotation mark.
    if (straight_quotes_.size() % 2 == 1 && !(next_opens_quote_ && straight_quotes_.size() == 1) &&
        !follows_digit(straight_quotes_)) {
      report(straight_quotes_.back(), 1, "Quotation mark '\"' is not closed in this paragraph");
    }
  }

 private:
  /// True when a mark at one of `positions` follows a digit.
  [[nodiscard]] bool follows_digit(const std::vector<std::size_t>& positions) const {
    return std::any_of(positions.begin(), positions.end(), [&](std::size_t pos) {
      return pos > 0 && text_[pos - 1] >= '0' && text_[pos - 1] <= '9';
    });
  }

  void close(std::size_t pos, std::size_t length, char closer) {
    if (!open_.empty() && open_.back().closer == closer) {
      open_.pop_back();
      return;
    }
    // A closer that matches an outer opener closes it and leaves the inner one unclosed.
    for (std::size_t i = open_.size(); i > 0; --i) {
      if (open_[i - 1].closer != closer) continue;
      for (std::size_t j = i; j < open_.size(); ++j) report_opener(open_[j]);
      open_.resize(i - 1);
      return;
    }
    if (is_lone_closer_allowed(text_, pos)) return;
    report(pos, length, "'" + std::string(text_.substr(pos, length)) + "' has no opening partner");
  }

  void report_unclosed() {
    for (const Opener& opener : open_) {
      // A quotation running on into the next paragraph leaves this one open by convention.
      if (opener.closer == '"' && next_opens_quote_) continue;
      report_opener(opener);
    }
  }

  void report_opener(const Opener& opener) {
    report(opener.pos, opener.length,
           "'" + std::string(text_.substr(opener.pos, opener.length)) + "' is not closed");
  }

  void report(std::size_t pos, std::size_t length, std::string message) {
    out_.push_back(make_finding(info_, block_.to_source({pos, pos + length}), std::move(message)));
  }

  const Block& block_;
  std::string_view text_;
  bool next_opens_quote_;
  const CheckInfo& info_;
  std::vector<Finding>& out_;
  std::vector<Opener> open_;
  std::vector<std::size_t> straight_quotes_;
};

bool opens_with_quote(const Block& block) {
  const std::string_view text = block.text;
  const std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  return text[start] == '"' || text.compare(start, kOpenQuote.size(), kOpenQuote) == 0;
}

}  // namespace

std::unique_ptr<Check> UnbalancedBracketsCheck::make(const Settings& /*settings*/) {
  return std::make_unique<UnbalancedBracketsCheck>();
}

void UnbalancedBracketsCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  const std::vector<Block>& blocks = doc.doc.blocks;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const bool next_opens_quote = b + 1 < blocks.size() && opens_with_quote(blocks[b + 1]);
    Scanner(blocks[b], next_opens_quote, info, out).run();
  }
}

}  // namespace galley
