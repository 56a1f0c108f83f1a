#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/settings.hpp"
#include "input/document.hpp"

namespace galley {

/// What an inline directive does.
enum class DirectiveKind { disable, enable, disable_next_block };

/// One rule named by a directive: an id ("marker.tk") or a category ("spelling").
struct DirectiveRule {
  std::string id;  ///< As written.
  Span span;       ///< Its bytes in the original file.
};

/// A `galley-*` directive read from a comment.
struct Directive {
  DirectiveKind kind = DirectiveKind::disable;  ///< What it does.
  Span span;                                    ///< The whole comment.
  std::vector<DirectiveRule> rules;             ///< Empty: every rule.
};

/// True when a rule id or category is known (for directives naming rules).
using KnownRule = std::function<bool(std::string_view)>;

/// Registry ids, rule-pack ids (of the packs `settings` selects) and the categories of both; the
/// packs are compiled at the first id no built-in check has.
KnownRule known_rules(const Settings& settings);

/// Reads the directives among `doc`'s comments, in source order. Malformed ones (an unknown
/// directive or rule) are left out and become `style.malformed-suppression` findings in `problems`.
std::vector<Directive> read_directives(const Document& doc, const KnownRule& known,
                                       std::vector<Finding>& problems);

/// Where one directive rule suppresses findings: [begin, end) of the source, for `rule`.
struct SuppressionRange {
  std::size_t begin = 0;  ///< First byte covered.
  std::size_t end = 0;    ///< One past the last byte covered.
  std::string rule;       ///< Rule id or category; empty: every rule.
  Span origin;            ///< The rule's word, or the whole comment when it names no rule.
  DirectiveKind kind = DirectiveKind::disable;  ///< The directive it comes from.
  bool used = false;                            ///< Whether it has suppressed a finding.
};

/// One document's directives as ranges, and which of them have suppressed something.
class Suppressions {
 public:
  /// Reads `doc`'s directives; malformed ones become findings in `problems`.
  Suppressions(const Document& doc, const KnownRule& known, std::vector<Finding>& problems);
  /// Drops the findings a range covers and marks every range covering one as used.
  void filter(std::vector<Finding>& findings);
  /// Adds a `style.unused-suppression` finding for each range that suppressed nothing.
  void add_unused(std::vector<Finding>& findings) const;
  /// For a finding that arrives after add_unused (a batch check's): true when a range covers it,
  /// and the unused-suppression finding of a range it is the first use of leaves `findings`.
  bool suppress_late(const Finding& finding, std::vector<Finding>& findings);

 private:
  std::vector<SuppressionRange> ranges_;
};

/// The suppressions of `doc` under `settings`; nullopt when no comment of it is a directive.
std::optional<Suppressions> suppressions_of(const Document& doc, const Settings& settings);

/// Drops the findings that `doc`'s directives suppress, then adds a `style.unused-suppression`
/// finding for each directive rule that suppressed nothing and the malformed-directive findings.
void apply_suppressions(const Document& doc, const KnownRule& known,
                        std::vector<Finding>& findings);

/// The same, knowing the registry's checks and the rule packs `settings` selects.
void apply_suppressions(const Document& doc, const Settings& settings,
                        std::vector<Finding>& findings);

}  // namespace galley
