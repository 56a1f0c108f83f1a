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
};

/// Adds the case variants of its members to `set`, as UnicodeSet::closeOver does, working only
/// on the members that have any: a class like [^\n] holds a million code points.
void add_case_variants(icu::UnicodeSet& set);

/// Reads `pattern`'s source for `literals` (lower-case, as in Rule::required).
RegexShape regex_shape(const icu::RegexPattern& pattern, const std::vector<std::string>& literals);

/// Windows of well-formed UTF-8 `text` in which a match of `shape` can lie: the runs of
/// consumable characters around each of `occurrences` (sorted), a match starting no later than
/// the run's last occurrence. Appends to `out`.
void shape_windows(const RegexShape& shape, std::string_view text,
                   const std::vector<Span>& occurrences, std::vector<ScanWindow>& out);

}  // namespace galley
