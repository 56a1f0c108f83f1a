// Inline suppressions: `<!-- galley-disable RULE -->` ... `<!-- galley-enable -->` and
// `<!-- galley-disable-next-block RULE -->` in Markdown and HTML comments. The readers record
// comments with their spans; this filter runs after the checks, before the settings' severities.
#include "checks/suppressions.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <memory>
#include <optional>

#include "checks/registry.hpp"
#include "checks/rule_pack_check.hpp"

namespace galley {
namespace {

constexpr std::string_view kUnusedId = "style.unused-suppression";
constexpr std::string_view kMalformedId = "style.malformed-suppression";
constexpr std::size_t kOpenEnd = std::numeric_limits<std::size_t>::max();

/// A word of a comment and where it is in the source.
struct Word {
  std::string_view text;
  Span span;
};

/// The comment's words, split at white space and commas.
std::vector<Word> words_of(const SourceComment& comment) {
  std::vector<Word> words;
  const std::string_view text = comment.text;
  const std::size_t base = comment.span.begin + 4;  // after "<!--"
  constexpr std::string_view kSeparators = " \t\r\n\f,";
  std::size_t pos = text.find_first_not_of(kSeparators);
  while (pos != std::string_view::npos) {
    std::size_t end = text.find_first_of(kSeparators, pos);
    if (end == std::string_view::npos) end = text.size();
    words.push_back({text.substr(pos, end - pos), {base + pos, base + end}});
    pos = text.find_first_not_of(kSeparators, end);
  }
  return words;
}

std::string_view name_of(DirectiveKind kind) {
  switch (kind) {
    case DirectiveKind::disable:
      return "galley-disable";
    case DirectiveKind::enable:
      return "galley-enable";
    case DirectiveKind::disable_next_block:
      return "galley-disable-next-block";
  }
  return {};
}

std::optional<DirectiveKind> parse_kind(std::string_view word) {
  for (const DirectiveKind kind :
       {DirectiveKind::disable, DirectiveKind::enable, DirectiveKind::disable_next_block}) {
    if (word == name_of(kind)) return kind;
  }
  return std::nullopt;
}

Finding finding_for(std::string_view id, Span span, std::string message) {
  const CheckInfo* info = find_check(id);
  assert(info != nullptr);
  return make_finding(*info, span, std::move(message));
}

/// One comment as a directive; nullopt when it is none or when every rule it names is unknown.
std::optional<Directive> read_directive(const SourceComment& comment, const KnownRule& known,
                                        std::vector<Finding>& problems) {
  const std::vector<Word> words = words_of(comment);
  if (words.empty() || !words[0].text.starts_with("galley-")) return std::nullopt;
  const std::optional<DirectiveKind> kind = parse_kind(words[0].text);
  if (!kind) {
    problems.push_back(
        finding_for(kMalformedId, words[0].span,
                    "unknown directive '" + std::string(words[0].text) +
                        "' (galley-disable, galley-enable or galley-disable-next-block)"));
    return std::nullopt;
  }
  Directive directive{*kind, comment.span, {}};
  bool named_any = false;
  for (std::size_t i = 1; i < words.size() && words[i].text != "--"; ++i) {
    named_any = true;
    if (known(words[i].text)) {
      directive.rules.push_back({std::string(words[i].text), words[i].span});
      continue;
    }
    problems.push_back(finding_for(kMalformedId, words[i].span,
                                   "unknown rule or category '" + std::string(words[i].text) +
                                       "' in " + std::string(name_of(*kind)) +
                                       " (`galley rules` lists them)"));
  }
  // A directive whose rules are all unknown must not turn into one for every rule.
  if (named_any && directive.rules.empty()) return std::nullopt;
  return directive;
}

using Range = SuppressionRange;

/// From the directive to the end of the first block after it.
std::size_t next_block_end(const Document& doc, std::size_t from) {
  for (const Block& block : doc.blocks) {
    if (block.span.begin >= from) return block.span.end;
  }
  return from;
}

/// Closes the open ranges an enable directive names; an enable with nothing to close is a problem.
void enable(const Directive& directive, std::vector<Range>& ranges,
            std::vector<Finding>& problems) {
  const auto close = [&](const std::optional<std::string_view> rule) {
    bool closed = false;
    for (Range& range : ranges) {
      if (range.end != kOpenEnd || (rule && range.rule != *rule)) continue;
      range.end = directive.span.begin;
      closed = true;
    }
    return closed;
  };
  if (directive.rules.empty()) {
    if (!close(std::nullopt)) {
      problems.push_back(finding_for(kMalformedId, directive.span,
                                     "galley-enable without a galley-disable before it"));
    }
    return;
  }
  for (const DirectiveRule& rule : directive.rules) {
    if (close(rule.id)) continue;
    problems.push_back(finding_for(
        kMalformedId, rule.span,
        "galley-enable " + rule.id + " without a galley-disable " + rule.id + " before it"));
  }
}

std::vector<Range> ranges_of(const Document& doc, const std::vector<Directive>& directives,
                             std::vector<Finding>& problems) {
  std::vector<Range> ranges;
  for (const Directive& directive : directives) {
    if (directive.kind == DirectiveKind::enable) {
      enable(directive, ranges, problems);
      continue;
    }
    const std::size_t begin = directive.span.end;
    const std::size_t end =
        directive.kind == DirectiveKind::disable_next_block ? next_block_end(doc, begin) : kOpenEnd;
    if (directive.rules.empty()) ranges.push_back({begin, end, "", directive.span, directive.kind});
    for (const DirectiveRule& rule : directive.rules) {
      ranges.push_back({begin, end, rule.id, rule.span, directive.kind});
    }
  }
  return ranges;
}

bool matches(const Range& range, const Finding& finding) {
  if (finding.span.begin < range.begin || finding.span.begin >= range.end) return false;
  if (range.rule.empty() || range.rule == finding.rule) return true;
  const std::string_view rule = finding.rule;
  return rule.substr(0, rule.find('.')) == range.rule;
}

/// Whether a comment of `doc` may be a directive: only then are the rule packs looked at.
bool has_directives(const Document& doc) {
  return std::any_of(doc.comments.begin(), doc.comments.end(), [](const SourceComment& c) {
    return c.text.find("galley-") != std::string::npos;
  });
}

std::string unused_message(const Range& range) {
  std::string message = "this " + std::string(name_of(range.kind));
  if (!range.rule.empty()) message += " " + range.rule;
  return message + " suppresses nothing";
}

}  // namespace

// The rule packs are compiled only for an id no built-in check has: the command line's ids are
// checked before a run starts, where compiling them (20 ms) would hold up loading the speller.
KnownRule known_rules(const Settings& settings) {
  auto rules = std::make_shared<std::shared_ptr<const RuleSet>>();
  return [rules, settings](std::string_view id) {
    const auto category = [](std::string_view rule) { return rule.substr(0, rule.find('.')); };
    for (const CheckInfo& info : check_registry()) {
      if (info.id == id || category(info.id) == id) return true;
    }
    if (!*rules) *rules = pack_rules(settings);
    return std::any_of((*rules)->rules.begin(), (*rules)->rules.end(),
                       [&](const Rule& rule) { return rule.id == id || rule.category == id; });
  };
}

std::vector<Directive> read_directives(const Document& doc, const KnownRule& known,
                                       std::vector<Finding>& problems) {
  std::vector<Directive> directives;
  for (const SourceComment& comment : doc.comments) {
    if (std::optional<Directive> directive = read_directive(comment, known, problems)) {
      directives.push_back(std::move(*directive));
    }
  }
  return directives;
}

Suppressions::Suppressions(const Document& doc, const KnownRule& known,
                           std::vector<Finding>& problems)
    : ranges_(ranges_of(doc, read_directives(doc, known, problems), problems)) {}

void Suppressions::filter(std::vector<Finding>& findings) {
  std::erase_if(findings, [&](const Finding& finding) {
    bool suppressed = false;
    for (Range& range : ranges_) {
      if (!matches(range, finding)) continue;
      range.used = true;  // Every range covering it counts as used, not just the first.
      suppressed = true;
    }
    return suppressed;
  });
}

void Suppressions::add_unused(std::vector<Finding>& findings) const {
  for (const Range& range : ranges_) {
    if (!range.used)
      findings.push_back(finding_for(kUnusedId, range.origin, unused_message(range)));
  }
}

bool Suppressions::suppress_late(const Finding& finding, std::vector<Finding>& findings) {
  bool suppressed = false;
  for (Range& range : ranges_) {
    if (!matches(range, finding)) continue;
    suppressed = true;
    if (range.used) continue;
    range.used = true;
    // add_unused ran before this finding existed: its verdict on this range no longer holds.
    std::erase_if(findings,
                  [&](const Finding& f) { return f.rule == kUnusedId && f.span == range.origin; });
  }
  return suppressed;
}

std::optional<Suppressions> suppressions_of(const Document& doc, const Settings& settings) {
  if (!has_directives(doc)) return std::nullopt;
  std::vector<Finding> problems;  // Reported by apply_suppressions; not needed twice.
  return Suppressions(doc, known_rules(settings), problems);
}

void apply_suppressions(const Document& doc, const KnownRule& known,
                        std::vector<Finding>& findings) {
  std::vector<Finding> problems;
  Suppressions suppressions(doc, known, problems);
  suppressions.filter(findings);
  suppressions.add_unused(findings);
  for (Finding& problem : problems) findings.push_back(std::move(problem));
}

void apply_suppressions(const Document& doc, const Settings& settings,
                        std::vector<Finding>& findings) {
  if (!has_directives(doc)) return;
  apply_suppressions(doc, known_rules(settings), findings);
}

}  // namespace galley
