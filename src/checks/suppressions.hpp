#pragma once

#include <functional>
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

/// Registry ids, rule-pack ids (of the packs `settings` selects) and the categories of both.
KnownRule known_rules(const Settings& settings);

/// Reads the directives among `doc`'s comments, in source order. Malformed ones (an unknown
/// directive or rule) are left out and become `style.malformed-suppression` findings in `problems`.
std::vector<Directive> read_directives(const Document& doc, const KnownRule& known,
                                       std::vector<Finding>& problems);

/// Drops the findings that `doc`'s directives suppress, then adds a `style.unused-suppression`
/// finding for each directive rule that suppressed nothing and the malformed-directive findings.
void apply_suppressions(const Document& doc, const KnownRule& known,
                        std::vector<Finding>& findings);

/// The same, knowing the registry's checks and the rule packs `settings` selects.
void apply_suppressions(const Document& doc, const Settings& settings,
                        std::vector<Finding>& findings);

}  // namespace galley
