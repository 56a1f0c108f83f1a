#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"
#include "segment/icu_text.hpp"

namespace galley {

/// Where and why an expression failed to compile: 1-based line and column inside the expression.
struct RegexError {
  std::string message;     ///< ICU's error name, in words.
  std::size_t line = 1;    ///< 1-based line within the expression text, as ICU counts lines.
  std::size_t column = 1;  ///< 1-based column (code points) within that line.
  std::size_t offset = 0;  ///< The same place as a byte offset into the expression text.
};

/// How an expression is compiled.
struct RegexOptions {
  bool case_sensitive = true;  ///< False adds ICU's case-insensitive flag.
  bool word_bounded = false;   ///< True: the match may not touch a letter, digit or _ outside.
};

/// Compiles `expression` (UTF-8) with ICU; on failure returns nullptr and fills `error`.
SharedPattern compile_regex(std::string_view expression, RegexOptions options, RegexError& error);

/// compile_regex for a rule's expression, whose compilation may wait for the rule's first use:
/// a word-bounded expression is checked alone, and compiled with its wrapper (the look-behind
/// and look-ahead for a word character) at get(). The wrapper's six Unicode property sets cost
/// ICU 322 k instructions each, most of a release's rule loading, and most rules never run on a
/// given text (their required words are absent). Fails, and reports, as compile_regex does.
LazyPattern checked_regex(std::string_view expression, RegexOptions options, RegexError& error);

/// One ICU alternation for a phrase list: capture group i+1 matches `phrases[i]`. Spaces match
/// any white space, hyphens any hyphen or a space, apostrophes straight or curly ones.
std::string phrase_alternation(const std::vector<RuleEntry>& entries);

/// The number of capture groups of a compiled expression.
int32_t group_count(const icu::RegexPattern& pattern);

/// True when `pattern` finds a match anywhere in `text` within the time limit.
bool regex_finds(const icu::RegexPattern& pattern, std::string_view text);

/// Texts longer than this are searched in windows of this many bytes, so that the time limit
/// bounds the work per window, not per file...
constexpr std::size_t kScanWindow = std::size_t{64} << 10U;
/// ... and a match must start inside its window and end at most this many bytes past it.
constexpr std::size_t kScanOverlap = std::size_t{4} << 10U;

/// A window of a windowed scan: matches must start in `starts` and end by `limit`.
struct ScanWindow {
  Span starts;            ///< Bytes where a match may start.
  std::size_t limit = 0;  ///< The byte a match may not run past (ICU's region end).
};

/// What RegexScanner::next found.
enum class ScanResult { match, done, timeout };

/// Finds the matches of one pattern in UTF-8 text, each under the time limit. Holds an ICU
/// matcher (not thread-safe): one per thread. ICU offsets become ours only here and in
/// IcuText.
class RegexScanner {
 public:
  /// A scanner for `pattern`, which must outlive it.
  explicit RegexScanner(const icu::RegexPattern& pattern);
  ~RegexScanner();
  RegexScanner(const RegexScanner&) = delete;
  RegexScanner& operator=(const RegexScanner&) = delete;

  /// Starts over on `text`, which must stay alive while scanning.
  void reset(std::string_view text);
  /// Starts over on a prepared text, which must stay alive and unchanged while scanning.
  void reset(const IcuText& text);
  /// Starts over on `text`, looking only for matches inside `windows` (sorted by their starts,
  /// which are disjoint).
  void reset(const IcuText& text, const std::vector<ScanWindow>& windows);
  /// Starts over on `text`, trying a match only at the first byte of each of `windows` (sorted,
  /// disjoint), for an expression whose every match starts at one of them: no search runs on
  /// from a place where none starts.
  void reset_at_starts(const IcuText& text, const std::vector<ScanWindow>& windows);
  /// Looks for the next non-empty match; `timeout` when ICU gave up (time or stack limit).
  ScanResult next();
  /// Bytes of `text` covered by capture `group` of the last match; nullopt if it took no part.
  [[nodiscard]] std::optional<Span> span(int32_t group) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The ICU time limit of every match (in ICU's match-engine steps, about a millisecond each).
constexpr int32_t kRegexTimeLimit = 250;

}  // namespace galley
