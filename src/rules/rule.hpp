#pragma once

#include <unicode/uversion.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/severity.hpp"
#include "core/span.hpp"

U_NAMESPACE_BEGIN
class RegexPattern;
class UnicodeString;
U_NAMESPACE_END

namespace galley {

struct RegexShape;

/// The kinds of rule a rule file can hold.
enum class RuleKind { pattern, phrase_list, word_list };

/// What a rule's expression runs over.
enum class RuleScope {
  prose,   ///< Each Block::text (markup removed, entities decoded).
  source,  ///< The raw bytes of the document, for markers that markup would hide.
};

/// Where a rule was written: for load errors and `galley explain`.
struct RuleOrigin {
  std::string path;         ///< The rule file.
  std::size_t line = 0;     ///< 1-based line of the rule's element.
  std::size_t column = 0;   ///< 1-based column of its '<'.
  std::string source_line;  ///< That line, for error messages.
};

/// An example of a rule: incorrect examples mark the expected span with « and ».
struct RuleExample {
  std::string text;             ///< As written, with «...» when incorrect.
  bool incorrect = true;        ///< False for an example that must raise nothing.
  bool has_suggestion = false;  ///< True when the example names an expected first suggestion.
  std::string suggestion;       ///< Expected first suggestion (may be empty: delete the span).
};

/// One phrase of a phrase or word list, with its replacements (none for a word list).
struct RuleEntry {
  std::string text;                  ///< The phrase as written in the file.
  std::vector<std::string> replace;  ///< Replacements, best first.
};

/// A compiled ICU expression, shared read-only between threads (RegexPattern is thread-safe).
using SharedPattern = std::shared_ptr<const icu::RegexPattern>;

/// A rule's expression, checked when its rule loads and compiled then or at its first use,
/// once for every thread (checked_regex). Copies share the one compilation.
class LazyPattern {
 public:
  LazyPattern() = default;
  /// An expression compiled already.
  explicit LazyPattern(SharedPattern compiled);
  /// `source` with ICU's `flags`, compiled at the first get(); ICU must accept it.
  LazyPattern(const icu::UnicodeString& source, std::uint32_t flags, std::int32_t groups);

  /// The compiled expression, compiled now if not yet (on whichever thread asks first).
  [[nodiscard]] const icu::RegexPattern& get() const;
  /// The expression as ICU is given it.
  [[nodiscard]] const icu::UnicodeString& source() const;
  /// ICU's compile flags.
  [[nodiscard]] std::uint32_t flags() const;
  /// The number of capture groups.
  [[nodiscard]] std::int32_t groups() const;
  /// False for no expression.
  explicit operator bool() const { return state_ != nullptr; }

 private:
  struct State;
  std::shared_ptr<State> state_;
};

/// One rule from a rule file, compiled.
struct Rule {
  std::string id;                         ///< `<category>.<name>`, e.g. "marker.tk".
  std::string category;                   ///< The file's category, e.g. "marker".
  RuleKind kind = RuleKind::pattern;      ///< What kind of rule it is.
  Severity severity = Severity::warning;  ///< Default severity.
  RuleScope scope = RuleScope::prose;     ///< What the expression runs over.
  std::string summary;                    ///< One line for `galley rules`.
  std::string message;                    ///< With {match} and {suggestion} placeholders.
  std::string rationale;                  ///< Why it matters, for `galley explain`.
  std::vector<std::string> suggestions;   ///< Pattern rules: templates with {match}.
  std::vector<RuleEntry> entries;         ///< Phrase and word lists: group i+1 is entry i.
  std::vector<RuleExample> examples;      ///< At least one incorrect and one correct.
  RuleOrigin origin;                      ///< Where it was written.
  LazyPattern pattern;                    ///< The expression that finds matches.
  int32_t group = 0;                      ///< The capture group reported (0: whole match).
  bool word_bounded = false;              ///< A match neither starts nor ends inside a word.
  SharedPattern unless_next_block;        ///< Allowed when the next block matches (or none).
  SharedPattern unless_after_block;       ///< Allowed when an earlier block matches.
  std::vector<std::string> required;      ///< Lower-case literals; the text must hold one.
  /// What a pattern rule's matches are made of, worked out once at load: null for other rules
  /// and for patterns without `required` literals.
  std::shared_ptr<const RegexShape> shape;
};

/// Every rule of every loaded pack, in load order; immutable once loaded.
struct RuleSet {
  std::vector<Rule> rules;  ///< Ids are unique.

  /// The rule with `id`, or nullptr.
  [[nodiscard]] const Rule* find(std::string_view id) const;
};

/// An example's text without its «» marks, and the marked span in that text (empty if none).
struct UnmarkedExample {
  std::string text;       ///< The text to check.
  Span marked;            ///< Bytes of `text` the finding must cover.
  bool has_mark = false;  ///< True when the example had a «...» pair.
};

/// The literals a list rule needs (the longest ASCII word of each entry, lower-case); empty when
/// some entry has none, so that the rule always runs.
std::vector<std::string> required_words(const std::vector<RuleEntry>& entries);

/// Removes the « and » marks from an example.
UnmarkedExample unmark_example(std::string_view text);

/// The lower-case name of a rule kind, as written in rule files ("pattern", "phrase-list", ...).
std::string_view to_string(RuleKind kind);

}  // namespace galley
