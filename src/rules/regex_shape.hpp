#pragma once

#include <unicode/regex.h>
#include <unicode/uniset.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"
#include "rules/rule_regex.hpp"

namespace galley {

/// What every match of an expression is made of, from a cautious reading of its source: the
/// characters a match can consume (lookaround aside), and whether it holds one of some literals.
/// Syntax the reading does not follow leaves the shape unknown.
struct RegexShape {
  bool known = false;          ///< True when the reading followed all of the expression.
  bool holds_literal = false;  ///< Every match contains one of the literals (ASCII in any case).
  icu::UnicodeSet consumed;    ///< A superset of what a match can consume, case variants included.
  std::array<bool, 128> ascii{};  ///< `consumed` for ASCII, looked up without ICU.
  /// Every match starts at a line start: the expression opens with `(?m)^` and has no
  /// alternative at its top level (found whether or not the rest is read).
  bool line_start = false;
};

/// Each of `windows` of `text` replaced by a window for each line start among its starts (with
/// the window's limit), for RegexScanner::reset_at_starts and an expression whose matches start
/// only at line starts. A line start follows a line terminator ICU knows (LF, VT, FF, CR, NEL,
/// LS, PS) or opens the text; the place between CR and LF is kept too: a superset is safe, since
/// a match is tried, not assumed, at each.
void to_line_starts(std::string_view text, std::vector<ScanWindow>& windows);

/// Adds the case variants of its members to `set`, as UnicodeSet::closeOver does, working only
/// on the members that have any: a class like [^\n] holds a million code points.
void add_case_variants(icu::UnicodeSet& set);

/// Reads `pattern`'s source for `literals` (lower-case, as in Rule::required).
RegexShape regex_shape(const icu::RegexPattern& pattern, const std::vector<std::string>& literals);
/// regex_shape() of an expression not compiled yet: its text and ICU's compile flags.
RegexShape regex_shape(const icu::UnicodeString& pattern, std::uint32_t flags,
                       const std::vector<std::string>& literals);

/// Windows of well-formed UTF-8 `text` in which a match of `shape` can lie: the runs of
/// consumable characters around each of `occurrences` (sorted), a match starting no later than
/// the run's last occurrence. Appends to `out`.
void shape_windows(const RegexShape& shape, std::string_view text,
                   const std::vector<Span>& occurrences, std::vector<ScanWindow>& out);

}  // namespace galley
