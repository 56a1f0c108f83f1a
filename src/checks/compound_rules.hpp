#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

/// Hunspell tries a dictionary's COMPOUNDRULE patterns on every string it does not find, at each
/// split point: for English (ordinals such as "21st", "112th") that was half of what a rejected
/// string cost. Where every entry a rule can begin with starts with a digit, no word without a
/// digit is ever accepted by a rule, and the rules can be left out for such words.

/// One line of an .aff text split at white space: its directive and up to four fields after it
/// ("SFX A 0 ing/B ." gives "SFX" and "A", "0", "ing/B", ".").
struct AffLine {
  std::string_view directive;
  std::array<std::string_view, 4> fields{};
  std::size_t count = 0;  ///< Fields after the directive, up to four.

  /// True for an affix rule (flag, strip, add and condition), not a table's header ("SFX A Y 2").
  [[nodiscard]] bool affix_rule() const {
    return (directive == "PFX" || directive == "SFX") && count == fields.size();
  }
  /// What an affix rule takes off the stem ("0" for nothing).
  [[nodiscard]] std::string_view strip() const { return fields[1]; }
  /// What an affix rule adds ("0" for nothing; "ing/B" when it takes more affixes).
  [[nodiscard]] std::string_view add() const { return fields[2]; }
};

/// The lines of the .aff text `aff`, in order.
std::vector<AffLine> aff_lines(std::string_view aff);

/// The flags named by the COMPOUNDRULE patterns of the .aff text `aff` ("" when it has none),
/// or nullopt when leaving the patterns out could change an answer about a word without a
/// digit: flags that are not single characters (FLAG, AF), compounding of other kinds
/// (COMPOUNDFLAG, COMPOUNDBEGIN, COMPOUNDMIDDLE, COMPOUNDEND, COMPOUNDLAST), an affix rule
/// that gives the words it makes a flag a pattern names, tables that can make or suggest a
/// digit (IGNORE, ICONV, OCONV, TRY, KEY, REP, MAP, PHONE with one), or patterns that do not
/// follow their count line as Hunspell reads them.
std::optional<std::string> compound_rule_flags(std::string_view aff);

/// True when every entry of the Hunspell .dic text `dic` that carries one of `flags` begins
/// with an ASCII digit (the first line, the entry count, is skipped).
bool rule_entries_start_with_digits(std::string_view dic, std::string_view flags);

/// `aff` without its COMPOUNDRULE lines: the count and the patterns.
std::string without_compound_rules(std::string_view aff);

/// True when `word` holds an ASCII digit: only such a word may be a compound of rule entries
/// that all start with one.
bool has_ascii_digit(std::string_view word);

}  // namespace galley
