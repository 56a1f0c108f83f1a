// A cautious reader of ICU expressions: a recursive descent over the syntax the rule packs use.
// It only has to be right where it says "known"; anything unusual gives up.
#include "rules/regex_shape.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "core/byte_set.hpp"
#include "core/utf8.hpp"

namespace galley {
namespace {

/// The UnicodeSet of the set syntax `text`, or null where UnicodeSet rejects it; parsed once
/// per process. The packs name a few dozen classes in some 120 places (white space alone in 40),
/// and UnicodeSet builds a property class such as \p{L} by asking about each range of code
/// points: a fifth of the rule packs' load on one release.
const icu::UnicodeSet* parsed_set(const std::u32string& text) {
  static std::mutex mutex;
  // Never destroyed (a process-wide cache); the sets are frozen, so read safely by any thread.
  static auto* const parsed = new std::map<std::u32string, std::unique_ptr<icu::UnicodeSet>>;
  const std::lock_guard lock(mutex);
  const auto [it, added] = parsed->try_emplace(text);
  if (added) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString pattern = icu::UnicodeString::fromUTF32(
        reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
    auto set = std::make_unique<icu::UnicodeSet>(pattern, status);
    if (U_SUCCESS(status)) {
      set->freeze();
      it->second = std::move(set);
    }
  }
  return it->second.get();
}

/// The shape of one part of an expression.
struct Part {
  bool holds = false;                   // Every match of the part contains a literal.
  bool zero_width = false;              // It consumes nothing (lookaround, anchors, flags).
  std::optional<std::u32string> fixed;  // The one string it matches, if it is that simple.
};

/// A regex class as UnicodeSet syntax: characters UnicodeSet reads as syntax where a regex class
/// takes them literally (white space, which it skips; $ { } & :) are escaped. POSIX-style
/// "[:name:]" gives up.
std::optional<std::u32string> as_unicode_set(const std::u32string& text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      // An escape goes through whole, with the braces of \p{..}, \x{..} or \N{..}.
      const std::size_t close = text.find('}', i);
      const bool braced =
          i + 2 < text.size() && text[i + 2] == '{' && close != std::u32string::npos;
      const std::size_t end = braced ? close + 1 : i + 2;
      out += text.substr(i, end - i);
      i = end - 1;
      continue;
    }
    const bool special = c == '$' || c == '{' || c == '}' || c == '&' || c == ':' ||
                         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_PATTERN_WHITE_SPACE);
    if (!special) {
      out.push_back(c);
      continue;
    }
    if (c == ':' && i > 0 && text[i - 1] == '[') return std::nullopt;
    char hex[16];
    std::snprintf(hex, sizeof hex, "\\x{%X}", static_cast<unsigned>(c));
    for (const char* h = hex; *h != 0; ++h) out.push_back(static_cast<char32_t>(*h));
  }
  return out;
}

class ShapeReader {
 public:
  ShapeReader(std::u32string source, const std::vector<std::string>& literals, RegexShape& shape)
      : source_(std::move(source)), literals_(literals), shape_(shape) {}

  bool read() {
    const std::optional<Part> whole = alternation(true);
    if (!whole || pos_ != source_.size()) return false;
    shape_.holds_literal = whole->holds;
    return true;
  }

 private:
  std::u32string source_;
  const std::vector<std::string>& literals_;
  RegexShape& shape_;
  std::size_t pos_ = 0;
  int lookaround_ = 0;  // Inside lookaround: nothing is consumed.

  [[nodiscard]] bool at(char32_t c) const { return pos_ < source_.size() && source_[pos_] == c; }

  bool holds(const std::u32string& run) const {
    std::string utf8;
    for (const char32_t c : run) {
      const char32_t lower = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
      icu::UnicodeString(static_cast<UChar32>(lower)).toUTF8String(utf8);
    }
    for (const std::string& literal : literals_) {
      if (utf8.find(literal) != std::string::npos) return true;
    }
    return false;
  }

  void consume(const icu::UnicodeSet& set) {
    if (lookaround_ == 0) shape_.consumed.addAll(set);
  }

  std::optional<Part> alternation(bool top) {
    std::optional<Part> out;
    for (;;) {
      const std::optional<Part> branch = concatenation();
      if (!branch) return std::nullopt;
      if (!out) {
        out = branch;
      } else {
        out->holds = out->holds && branch->holds;
        out->zero_width = out->zero_width && branch->zero_width;
        out->fixed.reset();
      }
      if (!at('|')) break;
      ++pos_;
    }
    if (!top && !at(')')) return std::nullopt;
    return out;
  }

  std::optional<Part> concatenation() {
    Part out;
    out.zero_width = true;
    out.fixed = std::u32string();
    std::u32string run;  // Consecutive fixed text, which may hold a literal across parts.
    while (pos_ < source_.size() && !at('|') && !at(')')) {
      const std::optional<Part> part = quantified();
      if (!part) return std::nullopt;
      out.holds = out.holds || part->holds;
      if (part->zero_width) continue;
      out.zero_width = false;
      if (part->fixed) {
        run += *part->fixed;
        if (out.fixed) *out.fixed += *part->fixed;
        out.holds = out.holds || holds(run);
      } else {
        run.clear();
        out.fixed.reset();
      }
    }
    return out;
  }

  std::optional<Part> quantified() {
    std::optional<Part> part = atom();
    if (!part || pos_ >= source_.size()) return part;
    std::size_t minimum = 1;
    const char32_t c = source_[pos_];
    if (c == '?' || c == '*') {
      minimum = 0;
      ++pos_;
    } else if (c == '+') {
      ++pos_;
    } else if (c == '{') {
      const std::optional<std::size_t> counted = counted_minimum();
      if (!counted) return std::nullopt;
      minimum = *counted;
    } else {
      return part;
    }
    if (at('?') || at('+')) ++pos_;  // Lazy or possessive: the same characters.
    if (part->zero_width) return part;
    part->fixed.reset();
    if (minimum == 0) part->holds = false;
    return part;
  }

  std::optional<std::size_t> counted_minimum() {
    ++pos_;
    std::size_t minimum = 0;
    bool digits = false;
    while (pos_ < source_.size() && source_[pos_] >= '0' && source_[pos_] <= '9') {
      minimum = minimum * 10 + (source_[pos_++] - '0');
      digits = true;
    }
    while (pos_ < source_.size() && ((source_[pos_] >= '0' && source_[pos_] <= '9') || at(',')))
      ++pos_;
    if (!digits || !at('}')) return std::nullopt;
    ++pos_;
    return minimum;
  }

  std::optional<Part> literal(char32_t c) {
    if (c >= 0x80) return std::nullopt;  // Case folding beyond ASCII is not followed.
    consume(icu::UnicodeSet(static_cast<UChar32>(c), static_cast<UChar32>(c)));
    return Part{false, false, std::u32string(1, c)};
  }

  std::optional<Part> consuming(const icu::UnicodeSet& set) {
    consume(set);
    return Part{false, false, std::nullopt};
  }

  std::optional<Part> atom() {
    const char32_t c = source_[pos_++];
    switch (c) {
      case '(':
        return group();
      case '[':
        return set_class();
      case '\\':
        return escape();
      case '^':
      case '$':
        return Part{false, true, std::nullopt};
      case '.':
      case '*':
      case '+':
      case '?':
      case '{':
        return std::nullopt;
      default:
        return literal(c);
    }
  }

  std::optional<Part> group() {
    bool look = false;
    if (at('?')) {
      ++pos_;
      if (at(':') || at('>')) {
        ++pos_;
      } else if (at('=') || at('!')) {
        ++pos_;
        look = true;
      } else if (at('<') && pos_ + 1 < source_.size() &&
                 (source_[pos_ + 1] == '=' || source_[pos_ + 1] == '!')) {
        pos_ += 2;
        look = true;
      } else {
        const std::optional<bool> flags_only = flags();
        if (!flags_only) return std::nullopt;
        if (*flags_only) return Part{false, true, std::nullopt};
      }
    }
    if (look) ++lookaround_;
    std::optional<Part> inside = alternation(false);
    if (look) --lookaround_;
    if (!inside || !at(')')) return std::nullopt;
    ++pos_;
    if (look) return Part{false, true, std::nullopt};
    return inside;
  }

  // "(?i)" and the like (true), or "(?i:" (false). Free spacing and the rest give up.
  std::optional<bool> flags() {
    while (pos_ < source_.size() && (at('i') || at('m') || at('s') || at('w') || at('-'))) ++pos_;
    if (at(')')) {
      ++pos_;
      return true;
    }
    if (at(':')) {
      ++pos_;
      return false;
    }
    return std::nullopt;
  }

  std::optional<Part> escape() {
    if (pos_ >= source_.size()) return std::nullopt;
    const char32_t c = source_[pos_++];
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
      case 'Z':
        return Part{false, true, std::nullopt};
      case 's':
        return from_set_text(U"[\\t\\n\\f\\r\\p{Z}\\p{White_Space}]");
      case 'S':  // Not the white space of every definition of \s: a superset of what \S takes.
        return from_set_text(U"[^\\t\\n\\f\\r\\p{Z}]");
      case 'd':
        return from_set_text(U"[\\p{Nd}]");
      case 'D':
        return from_set_text(U"[^\\p{Nd}]");
      case 'n':
        return literal('\n');
      case 't':
        return literal('\t');
      case 'p':
        return property();
      default:
        break;
    }
    if (c < 0x80 && !std::isalnum(static_cast<int>(c))) return literal(c);
    return std::nullopt;
  }

  std::optional<Part> property() {
    const std::size_t close = source_.find('}', pos_);
    if (!at('{') || close == std::u32string::npos) return std::nullopt;
    const std::u32string text = U"[\\p" + source_.substr(pos_, close + 1 - pos_) + U"]";
    pos_ = close + 1;
    return from_set_text(text);
  }

  std::optional<Part> from_set_text(const std::u32string& text) {
    const icu::UnicodeSet* set = parsed_set(text);
    if (set == nullptr) return std::nullopt;
    return consuming(*set);
  }

  // A bracketed class, handed to UnicodeSet, whose syntax is close to it; the regex-only parts
  // (\s, \d, \w inside, &&, --) give up.
  std::optional<Part> set_class() {
    const std::size_t begin = pos_ - 1;
    int depth = 1;
    while (pos_ < source_.size() && depth > 0) {
      const char32_t c = source_[pos_++];
      if (c == '\\') {
        if (pos_ >= source_.size()) return std::nullopt;
        const char32_t e = source_[pos_++];
        if (e == 's' || e == 'S' || e == 'd' || e == 'D' || e == 'w' || e == 'W' || e == 'Q')
          return std::nullopt;
      } else if (c == '[') {
        ++depth;
      } else if (c == ']') {
        --depth;
      } else if ((c == '&' || c == '-') && at(c)) {
        return std::nullopt;
      }
    }
    if (depth != 0) return std::nullopt;
    const std::optional<std::u32string> text = as_unicode_set(source_.substr(begin, pos_ - begin));
    if (!text) return std::nullopt;
    return from_set_text(*text);
  }
};

std::u32string to_utf32(const icu::UnicodeString& text) {
  std::u32string out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    out.push_back(static_cast<char32_t>(text.char32At(i)));
  }
  return out;
}

}  // namespace

void add_case_variants(icu::UnicodeSet& set) {
  if (set.hasStrings()) {
    set.closeOver(USET_CASE_INSENSITIVE);
    return;
  }
  // A code point outside these has no case variant (every one checked against ICU 72's own
  // closure, regex_shape_test.cpp). Closing over a class of a million code points one by one
  // was most of the time a run of one release took to start.
  static const icu::UnicodeSet* const kCased = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto* cased = new icu::UnicodeSet(u"[[:Changes_When_Casemapped:][:Changes_When_Casefolded:]]",
                                      status);
    if (U_FAILURE(status)) cased->clear();
    cased->freeze();
    return cased;
  }();
  if (kCased->isEmpty()) {  // The property is unknown to this ICU: the whole closure, then.
    set.closeOver(USET_CASE_INSENSITIVE);
    return;
  }
  icu::UnicodeSet variants(set);
  variants.retainAll(*kCased);
  variants.closeOver(USET_CASE_INSENSITIVE);
  set.addAll(variants);
}

namespace {

/// True when `source` opens with `(?m)^` and has no `|` outside groups and classes. Escapes
/// skip a character, classes may nest ([a[b]]); quoting (\Q) and anything unbalanced give false.
bool opens_at_line_start(std::u32string_view source) {
  constexpr std::u32string_view kOpening = U"(?m)^";
  if (source.substr(0, kOpening.size()) != kOpening) return false;
  std::size_t depth = 0;    // Open groups.
  std::size_t classes = 0;  // Open character classes.
  for (std::size_t i = kOpening.size(); i < source.size(); ++i) {
    const char32_t c = source[i];
    if (c == U'\\') {
      if (i + 1 < source.size() && (source[i + 1] == U'Q' || source[i + 1] == U'E')) return false;
      ++i;
    } else if (c == U'[') {
      ++classes;
    } else if (c == U']' && classes > 0) {
      --classes;
    } else if (classes > 0) {
      continue;
    } else if (c == U'(') {
      ++depth;
    } else if (c == U')') {
      if (depth == 0) return false;
      --depth;
    } else if (c == U'|' && depth == 0) {
      return false;
    }
  }
  return depth == 0 && classes == 0;
}

}  // namespace

void to_line_starts(std::string_view text, std::vector<ScanWindow>& windows) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto line_start = [&](std::size_t p) {
    return p == 0 || (byte(p - 1) >= 0x0A && byte(p - 1) <= 0x0D) ||
           (p >= 2 && byte(p - 2) == 0xC2 && byte(p - 1) == 0x85) ||
           (p >= 3 && byte(p - 3) == 0xE2 && byte(p - 2) == 0x80 &&
            (byte(p - 1) == 0xA8 || byte(p - 1) == 0xA9));
  };
  // A line starts after a line end's last byte: the C0 line ends, or the last byte of U+0085,
  // U+2028 or U+2029. Only after such a byte is the whole test made (windows span whole
  // blocks, nearly none of whose bytes end a line).
  static constexpr ByteSet kMayEndLine = byte_set("\n\v\f\r\x85\xA8\xA9");
  std::vector<ScanWindow> out;
  for (const ScanWindow& window : windows) {
    const std::size_t end = std::min(window.starts.end, text.size() + 1);
    for (std::size_t p = window.starts.begin; p < end; ++p) {
      if ((p == window.starts.begin || kMayEndLine[byte(p - 1)]) && line_start(p)) {
        out.push_back({{p, p + 1}, window.limit});
      }
    }
  }
  windows = std::move(out);
}

RegexShape regex_shape(const icu::RegexPattern& pattern, const std::vector<std::string>& literals) {
  return regex_shape(pattern.pattern(), pattern.flags(), literals);
}

RegexShape regex_shape(const icu::UnicodeString& pattern, std::uint32_t flags,
                       const std::vector<std::string>& literals) {
  RegexShape shape;
  if ((flags & ~static_cast<uint32_t>(UREGEX_CASE_INSENSITIVE)) != 0) return shape;
  shape.line_start = opens_at_line_start(to_utf32(pattern));
  ShapeReader reader(to_utf32(pattern), literals, shape);
  shape.known = reader.read();
  // Case-insensitive parts match the case variants too; adding them always is only cautious.
  add_case_variants(shape.consumed);
  shape.consumed.freeze();
  for (UChar32 c = 0; c < 128; ++c)
    shape.ascii[static_cast<std::size_t>(c)] = shape.consumed.contains(c);
  return shape;
}

namespace {

std::size_t boundary(std::string_view text, std::size_t pos) {
  while (pos < text.size() && !utf8::is_boundary(text, pos)) ++pos;
  return pos;
}

/// `windows` cut to the windows RegexScanner searches a long text in by itself (each with its
/// own limit), so that a long text's matches are those of a whole search, window for window.
void cut_to_scan_windows(std::string_view text, std::vector<ScanWindow>& windows) {
  std::vector<ScanWindow> out;
  std::size_t next = 0;
  for (std::size_t begin = 0; next < windows.size() && begin < text.size();
       begin = boundary(text, begin + kScanWindow)) {
    const std::size_t end = std::min(text.size(), begin + kScanWindow);
    const std::size_t limit = boundary(text, std::min(text.size(), end + kScanOverlap));
    while (next < windows.size() && windows[next].starts.end <= begin) ++next;
    for (std::size_t w = next; w < windows.size() && windows[w].starts.begin < end; ++w) {
      const Span starts{std::max(begin, windows[w].starts.begin),
                        std::min(end, windows[w].starts.end)};
      if (starts.begin < starts.end) out.push_back({starts, std::min(limit, windows[w].limit)});
    }
  }
  windows = std::move(out);
}

}  // namespace

bool consumable(const RegexShape& shape, UChar32 c) {
  return c < 128 ? shape.ascii[static_cast<std::size_t>(c)] : shape.consumed.contains(c);
}

void shape_windows(const RegexShape& shape, std::string_view text,
                   const std::vector<Span>& occurrences, std::vector<ScanWindow>& out) {
  const std::size_t first = out.size();
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::size_t run_end = 0;  // End of the last run found; occurrences before it are in it.
  for (const Span occurrence : occurrences) {
    if (out.size() > first && occurrence.begin < run_end) {
      out.back().starts.end = occurrence.begin + 1;
      continue;
    }
    auto begin = static_cast<int32_t>(occurrence.begin);
    while (begin > 0) {
      // Back to the lead byte of the previous character (the text is well-formed).
      if (data[begin - 1] < 0x80) {
        if (!shape.ascii[data[begin - 1]]) break;
        --begin;
        continue;
      }
      int32_t before = begin - 1;
      while (before > 0 && (data[before] & 0xC0U) == 0x80U) --before;
      int32_t after = before;
      UChar32 c = 0;
      U8_NEXT(data, after, length, c);
      if (c < 0 || after != begin || !consumable(shape, c)) break;
      begin = before;
    }
    auto end = static_cast<int32_t>(occurrence.begin);
    while (end < length) {
      if (data[end] < 0x80) {
        if (!shape.ascii[data[end]]) break;
        ++end;
        continue;
      }
      int32_t after = end;
      UChar32 c = 0;
      U8_NEXT(data, after, length, c);
      if (c < 0 || !consumable(shape, c)) break;
      end = after;
    }
    if (static_cast<std::size_t>(end) < occurrence.end) continue;  // No match holds this one.
    run_end = static_cast<std::size_t>(end);
    out.push_back({{static_cast<std::size_t>(begin), occurrence.begin + 1}, run_end});
  }
  if (text.size() <= kScanWindow) return;
  std::vector<ScanWindow> mine(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
  cut_to_scan_windows(text, mine);
  out.resize(first);
  out.insert(out.end(), mine.begin(), mine.end());
}

}  // namespace galley
