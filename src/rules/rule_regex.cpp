#include "rules/rule_regex.hpp"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <mutex>
#include <stdexcept>

#include "core/utf8.hpp"

namespace galley {
namespace {

/// Letters, digits and the underscore: what a word-bounded match may not touch.
constexpr std::string_view kWordChar = "(?-i:[\\p{L}\\p{M}\\p{N}_])";

/// The byte offset in `text` of code point `column` (0-based) of line `line` (1-based), lines
/// counted as ICU's regex compiler counts them for its errors: a new line after CR, LF (not
/// right after a CR), NEL or LS. SourceText counts LF alone, so a CR inside an expression had
/// ICU's line and the file's disagree (and an error reported off its line). Past the end of
/// the line or the text: where that ends.
std::size_t offset_of(std::string_view text, std::size_t line, std::size_t column) {
  std::size_t at_line = 1;
  std::size_t at_column = 0;
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    if (at_line == line && at_column == column) return pos;
    const char32_t c = utf8::decode(text, pos);
    const bool breaks =
        c == U'\r' || c == U'\u0085' || c == U'\u2028' || (c == U'\n' && previous != U'\r');
    if (at_line == line && breaks) return pos;  // The error is past the end of its line.
    if (breaks) {
      ++at_line;
      at_column = 0;
    } else if (c != U'\n') {
      ++at_column;
    }
    previous = c;
    pos += std::max<std::size_t>(utf8::sequence_length(text, pos), 1);
  }
  return text.size();
}

/// An ICU expression matching `c` literally (ASCII punctuation escaped).
void append_literal(std::string& out, char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x80 && !std::isalnum(byte)) out += '\\';
  out += c;
}

/// What ICU is given for `expression`: within the word-boundary wrapper when word-bounded.
icu::UnicodeString regex_source(std::string_view expression, RegexOptions options) {
  std::string source(expression);
  if (options.word_bounded) {
    source =
        "(?<!" + std::string(kWordChar) + ")(?:" + source + ")(?!" + std::string(kWordChar) + ")";
  }
  return icu::UnicodeString::fromUTF8(source);
}

/// ICU's compile flags for `options`.
uint32_t regex_flags(RegexOptions options) {
  return options.case_sensitive ? 0U : static_cast<uint32_t>(UREGEX_CASE_INSENSITIVE);
}

}  // namespace

struct LazyPattern::State {
  icu::UnicodeString source;
  std::uint32_t flags = 0;
  std::int32_t groups = 0;
  std::once_flag compiling;
  SharedPattern compiled;  ///< Set at construction or in the once.
  UErrorCode failure = U_ZERO_ERROR;  ///< Why the once could not compile it (a bug).
};

LazyPattern::LazyPattern(SharedPattern compiled) : state_(std::make_shared<State>()) {
  state_->source = compiled->pattern();
  state_->flags = compiled->flags();
  state_->groups = group_count(*compiled);
  state_->compiled = std::move(compiled);
}

LazyPattern::LazyPattern(const icu::UnicodeString& source, std::uint32_t flags, std::int32_t groups)
    : state_(std::make_shared<State>()) {
  state_->source = source;
  state_->flags = flags;
  state_->groups = groups;
}

const icu::RegexPattern& LazyPattern::get() const {
  State& state = *state_;
  // Nothing thrown inside the once: libstdc++'s call_once on pthread_once can leave a thread
  // that waits on it blocked when the first one throws.
  std::call_once(state.compiling, [&state] {
    if (state.compiled) return;
    UParseError parse_error{};
    UErrorCode status = U_ZERO_ERROR;
    SharedPattern compiled(
        icu::RegexPattern::compile(state.source, state.flags, parse_error, status));
    if (U_SUCCESS(status) && compiled) {
      state.compiled = std::move(compiled);
    } else {
      state.failure = U_SUCCESS(status) ? U_MEMORY_ALLOCATION_ERROR : status;
    }
  });
  // checked_regex made sure of this: a failure here is galley's bug, not the rule's.
  if (!state.compiled) {
    throw std::logic_error(std::string("a checked expression failed to compile: ") +
                           u_errorName(state.failure));
  }
  return *state.compiled;
}

const icu::UnicodeString& LazyPattern::source() const { return state_->source; }

std::uint32_t LazyPattern::flags() const { return state_->flags; }

std::int32_t LazyPattern::groups() const { return state_->groups; }

namespace {

/// At least the depth of `expression`'s nesting of groups and sets, as ICU's parser stacks them
/// (about one entry a level, 100 at most): brackets counted open until a bracket of their kind
/// closes them, escaped ones passed over. A literal bracket inside a set can only add levels.
std::size_t nesting_bound(std::string_view expression) {
  std::string open;
  std::size_t deepest = 0;
  for (std::size_t i = 0; i < expression.size(); ++i) {
    const char c = expression[i];
    if (c == '\\') {
      ++i;
    } else if (c == '(' || c == '[') {
      open += c;
      deepest = std::max(deepest, open.size());
    } else if (!open.empty() &&
               ((c == ')' && open.back() == '(') || (c == ']' && open.back() == '['))) {
      open.pop_back();
    }
  }
  return deepest;
}

}  // namespace

// The wrapper closes the group the expression is put in, after it: an expression that compiles
// alone compiles within it, unless it reads on into the wrapper or nears ICU's limits with it.
// Under (?x) a "#" comments out the rest of the line, and "\Q" quotes up to "\E" or the end;
// the wrapper adds a level of nesting (ICU's parser stacks 100) and a few operations (16 M).
// Such expressions, and those that fail alone (the wrapper may close what one opens), are
// compiled whole at once, as before.
LazyPattern checked_regex(std::string_view expression, RegexOptions options, RegexError& error) {
  constexpr std::size_t kMostNesting = 50;
  constexpr std::size_t kMostBytes = std::size_t{64} << 10U;
  if (options.word_bounded && expression.find('#') == std::string_view::npos &&
      expression.find("\\Q") == std::string_view::npos && expression.size() <= kMostBytes &&
      nesting_bound(expression) <= kMostNesting) {
    RegexError alone_error;
    if (const SharedPattern alone =
            compile_regex(expression, {options.case_sensitive, false}, alone_error)) {
      return {regex_source(expression, options), regex_flags(options), group_count(*alone)};
    }
  }
  SharedPattern compiled = compile_regex(expression, options, error);
  if (!compiled) return {};
  return LazyPattern(std::move(compiled));
}

SharedPattern compile_regex(std::string_view expression, RegexOptions options, RegexError& error) {
  const icu::UnicodeString pattern = regex_source(expression, options);
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  const uint32_t flags = regex_flags(options);
  std::shared_ptr<const icu::RegexPattern> compiled(
      icu::RegexPattern::compile(pattern, flags, parse_error, status));
  if (U_SUCCESS(status) && compiled) return compiled;
  error.message = std::string("invalid regular expression (") + u_errorName(status) + ")";
  error.line = static_cast<std::size_t>(std::max(parse_error.line, 1));
  const auto offset = static_cast<std::size_t>(std::max(parse_error.offset, 0));
  // A word-bounded expression was wrapped: the error offset counts the (ASCII) prefix too.
  const std::size_t prefix = options.word_bounded && error.line == 1 ? kWordChar.size() + 8 : 0;
  error.column = (offset > prefix ? offset - prefix : 0) + 1;
  error.offset = offset_of(expression, error.line, error.column - 1);
  return nullptr;
}

std::string phrase_alternation(const std::vector<RuleEntry>& entries) {
  std::string out = "(?:";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) out += '|';
    out += '(';
    for (const char c : entries[i].text) {
      if (c == ' ') {
        out += "\\s+";
      } else if (c == '-') {
        out += "[-\\u2010\\u2011\\s]";
      } else if (c == '\'') {
        out += "['\\u2019]";
      } else {
        append_literal(out, c);
      }
    }
    out += ')';
  }
  return out + ")";
}

int32_t group_count(const icu::RegexPattern& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(status));
  return U_SUCCESS(status) && matcher ? matcher->groupCount() : 0;
}

bool regex_finds(const icu::RegexPattern& pattern, std::string_view text) {
  RegexScanner scanner(pattern);
  scanner.reset(text);
  return scanner.next() == ScanResult::match;
}

// Long texts are searched in windows of kWindow bytes (plus kOverlap of look-ahead), so that the
// time limit bounds the work per window, not per file: a 50 MB one-line file is no pathological
// case. Lookaround sees past the window (transparent bounds); a match must start inside its
// window and may not be longer than kOverlap.
struct RegexScanner::Impl {
  static constexpr std::size_t kWindow = kScanWindow;
  static constexpr std::size_t kOverlap = kScanOverlap;

  std::unique_ptr<icu::RegexMatcher> matcher;
  IcuText own;                    // The text of reset(string_view).
  const IcuText* text = nullptr;  // The text being scanned.
  std::string_view bytes;
  std::size_t window = 0;         // Where the current window starts.
  std::size_t window_end_ = 0;    // Where it ends (a match must start before).
  std::size_t resume_at = 0;      // No match may start before this (the last match's end).
  std::vector<ScanWindow> given;  // Windows chosen by the caller (reset with windows), in order.
  std::size_t next_given = 0;     // The next of `given` to visit.
  bool use_given = false;
  bool at_starts = false;  // Matches are tried at the given windows' first bytes only.
  bool exhausted = false;  // No window left to visit.

  [[nodiscard]] std::size_t window_end() const { return window_end_; }

  // Moves `pos` forward to the start of a code point: ICU indexes must not split one.
  [[nodiscard]] std::size_t boundary(std::size_t pos) const {
    while (pos < bytes.size() && !utf8::is_boundary(bytes, pos)) ++pos;
    return pos;
  }

  void set_window(std::size_t begin, std::size_t end) { set_window(begin, end, end + kOverlap); }

  void set_window(std::size_t begin, std::size_t end, std::size_t limit_at) {
    window = begin;
    window_end_ = end;
    const std::size_t limit = boundary(std::min(bytes.size(), limit_at));
    UErrorCode status = U_ZERO_ERROR;
    matcher->region(text->native(window), text->native(limit),
                    text->native(std::max(window, resume_at)), status);
    matcher->useTransparentBounds(true);
    matcher->useAnchoringBounds(false);
  }

  /// The next match starting at the first byte of a given window (reset_at_starts).
  ScanResult next_at_start(RegexScanner& scanner) {
    while (next_given < given.size()) {
      const ScanWindow next = given[next_given++];
      if (next.starts.begin < resume_at) continue;
      const std::size_t limit = boundary(std::min(bytes.size(), next.limit));
      UErrorCode status = U_ZERO_ERROR;
      matcher->region(text->native(next.starts.begin), text->native(limit), status);
      matcher->useTransparentBounds(true);
      matcher->useAnchoringBounds(false);
      const bool found = matcher->lookingAt(status);
      if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW) return ScanResult::timeout;
      if (U_FAILURE(status)) break;
      const std::optional<Span> whole = found ? scanner.span(0) : std::nullopt;
      if (!whole || whole->empty()) continue;
      resume_at = whole->end;
      return ScanResult::match;
    }
    exhausted = true;
    return ScanResult::done;
  }

  /// Goes on to the next window; false after the last.
  bool next_window() {
    if (use_given) {
      // A window the last match already ran past is skipped: ICU's region may not start late.
      while (next_given < given.size() && given[next_given].starts.end <= resume_at) ++next_given;
      if (next_given >= given.size()) return false;
      const ScanWindow next = given[next_given++];
      set_window(boundary(next.starts.begin), next.starts.end, next.limit);
      return true;
    }
    if (window_end() >= bytes.size()) return false;
    const std::size_t begin = boundary(window + kWindow);
    set_window(begin, std::min(bytes.size(), begin + kWindow));
    return true;
  }
};

RegexScanner::RegexScanner(const icu::RegexPattern& pattern) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->matcher.reset(pattern.matcher(status));
  if (impl_->matcher) impl_->matcher->setTimeLimit(kRegexTimeLimit, status);
}

RegexScanner::~RegexScanner() = default;

void RegexScanner::reset(std::string_view text) {
  impl_->own.assign(text);
  reset(impl_->own);
}

void RegexScanner::reset(const IcuText& prepared) {
  const std::string_view text = prepared.bytes();
  impl_->text = &prepared;
  impl_->bytes = text;
  impl_->resume_at = 0;
  impl_->use_given = false;
  impl_->at_starts = false;
  impl_->exhausted = false;
  impl_->window_end_ = text.size();
  if (!impl_->matcher) return;
  impl_->matcher->reset(prepared.utext());
  if (text.size() > Impl::kWindow) impl_->set_window(0, Impl::kWindow);
}

void RegexScanner::reset_at_starts(const IcuText& text, const std::vector<ScanWindow>& windows) {
  reset(text);
  if (!impl_->matcher) return;
  impl_->matcher->reset(text.utext());
  impl_->at_starts = true;
  impl_->given.assign(windows.begin(), windows.end());
  impl_->next_given = 0;
}

void RegexScanner::reset(const IcuText& text, const std::vector<ScanWindow>& windows) {
  reset(text);
  if (!impl_->matcher) return;
  impl_->use_given = true;
  impl_->given.assign(windows.begin(), windows.end());
  impl_->next_given = 0;
  impl_->exhausted = !impl_->next_window();
}

ScanResult RegexScanner::next() {
  if (!impl_->matcher || impl_->exhausted) return ScanResult::done;
  if (impl_->at_starts) return impl_->next_at_start(*this);
  const bool windowed = impl_->use_given || impl_->bytes.size() > Impl::kWindow;
  for (;;) {
    UErrorCode status = U_ZERO_ERROR;
    const bool found = impl_->matcher->find(status);
    if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW) return ScanResult::timeout;
    if (U_FAILURE(status)) return ScanResult::done;
    const std::optional<Span> whole = found ? span(0) : std::nullopt;
    if (windowed && (!whole || whole->begin >= impl_->window_end())) {
      if (!impl_->next_window()) {
        impl_->exhausted = true;
        return ScanResult::done;
      }
      continue;
    }
    if (!whole) return ScanResult::done;
    if (whole->empty()) continue;
    impl_->resume_at = whole->end;
    return ScanResult::match;
  }
}

std::optional<Span> RegexScanner::span(int32_t group) const {
  UErrorCode status = U_ZERO_ERROR;
  const int64_t begin = impl_->matcher->start64(group, status);
  const int64_t end = impl_->matcher->end64(group, status);
  if (U_FAILURE(status) || begin < 0 || end < begin) return std::nullopt;
  return Span{impl_->text->byte_offset(begin), impl_->text->byte_offset(end)};
}

}  // namespace galley
