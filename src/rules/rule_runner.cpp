#include "rules/rule_runner.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <limits>

#include "core/utf8.hpp"
#include "rules/rule_regex.hpp"

namespace galley {
namespace {

/// The `block` argument of RuleRunner::scan for a rule over the raw source.
constexpr std::size_t kWholeSource = std::numeric_limits<std::size_t>::max();
/// Texts shorter than this are searched whole: windows would not save ICU any work.
constexpr std::size_t kWindowedFrom = 256;

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

/// The first non-blank block after the match (after its block for prose, past its bytes for
/// source); readers may leave white-space blocks at the end of a file.
const Block* next_block(const Document& doc, std::size_t block, Span source) {
  std::size_t from = block + 1;
  if (block == kWholeSource) {
    // Blocks are sorted by where they begin: the first past the match's bytes is found by
    // bisection, not by a walk from the first block for every match of a source rule.
    from = static_cast<std::size_t>(
        std::partition_point(doc.blocks.begin(), doc.blocks.end(),
                             [&](const Block& b) { return b.span.begin < source.end; }) -
        doc.blocks.begin());
  }
  for (std::size_t b = from; b < doc.blocks.size(); ++b) {
    if (!is_blank(doc.blocks[b].text)) return &doc.blocks[b];
  }
  return nullptr;
}

/// How many blocks come before the match: its block's index for prose; for source, the blocks
/// up to the first that does not end by the match's first byte. (A walk: blocks are sorted by
/// where they begin, not by where they end, since a caption from an image's alt text lies
/// inside its paragraph's span. No shipped source rule has unless-after-block.)
std::size_t blocks_before(const Document& doc, std::size_t block, Span source) {
  if (block != kWholeSource) return block;
  std::size_t b = 0;
  while (b < doc.blocks.size() && doc.blocks[b].span.end <= source.begin) ++b;
  return b;
}

std::vector<std::string> suggestions_for(const Rule& rule, const RegexScanner& scanner,
                                         std::string_view matched) {
  std::vector<std::string> out;
  if (rule.kind == RuleKind::phrase_list) {
    for (std::size_t i = 0; i < rule.entries.size(); ++i) {
      if (!scanner.span(static_cast<int32_t>(i + 1))) continue;
      for (const std::string& replacement : rule.entries[i].replace)
        out.push_back(match_case(matched, replacement));
      break;
    }
    return out;
  }
  for (const std::string& suggestion : rule.suggestions)
    out.push_back(replace_all(suggestion, "{match}", matched));
  return out;
}

Finding make_rule_finding(const Rule& rule, Span source, std::string_view matched,
                          std::vector<std::string> suggestions) {
  Finding finding;
  finding.rule = rule.id;
  finding.severity = rule.severity;
  std::string message = replace_all(rule.message, "{match}", matched);
  finding.message = replace_all(std::move(message), "{suggestion}",
                                suggestions.empty() ? "" : suggestions.front());
  finding.span = source;
  finding.suggestions = std::move(suggestions);
  return finding;
}

Finding timeout_finding(const Rule& rule, Span where) {
  Finding finding;
  finding.rule = rule.id;
  finding.severity = Severity::info;
  finding.message =
      "the rule's expression ran over its time limit here and was stopped; the rest "
      "of this text was not checked by it";
  finding.span = where;
  return finding;
}

/// The longest match a list rule can make: twice its longest entry (white space and hyphens in
/// an entry match runs of them), with room to spare.
std::size_t longest_match(const Rule& rule) {
  std::size_t longest = 0;
  for (const RuleEntry& entry : rule.entries) longest = std::max(longest, entry.text.size());
  return 2 * longest + 16;
}

}  // namespace

RuleRunner::RuleRunner(const RuleSet& rules)
    : rules_(rules),
      scanners_(rules.rules.size()),
      prose_literals_(rules, RuleScope::prose),
      source_literals_(rules, RuleScope::source) {}

RuleRunner::~RuleRunner() = default;

// Text by text, every rule at once: one pass finds the required literals of all rules. Each
// rule's findings are kept apart and appended rule by rule, in the order of `indexes`.
void RuleRunner::run(const std::vector<std::size_t>& indexes, const Document& doc,
                     std::vector<Finding>& out) {
  run_blocks(indexes, doc, {0, doc.blocks.size(), true}, out);
}

void RuleRunner::run_blocks(const std::vector<std::size_t>& indexes, const Document& doc,
                            BlockPart part, std::vector<Finding>& out) {
  found_.resize(std::max(found_.size(), indexes.size()));
  earlier_.assign(rules_.rules.size(), EarlierBlocks{});
  if (part.with_source) run_texts(indexes, doc, RuleScope::source, 0, 1);
  run_texts(indexes, doc, RuleScope::prose, part.first, std::min(part.last, doc.blocks.size()));
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    std::move(found_[i].begin(), found_[i].end(), std::back_inserter(out));
    found_[i].clear();
  }
}

void RuleRunner::run(std::size_t index, const Document& doc, std::vector<Finding>& out) {
  run(std::vector<std::size_t>{index}, doc, out);
}

void RuleRunner::run_texts(const std::vector<std::size_t>& indexes, const Document& doc,
                           RuleScope scope, std::size_t first, std::size_t last) {
  const bool any = std::any_of(indexes.begin(), indexes.end(), [&](std::size_t index) {
    return rules_.rules[index].scope == scope;
  });
  if (!any) return;
  // The source is one text; prose is one text per block.
  for (std::size_t t = first; t < last; ++t) {
    const std::size_t block = scope == RuleScope::source ? kWholeSource : t;
    const std::string_view text =
        scope == RuleScope::source ? doc.source.bytes() : std::string_view(doc.blocks[t].text);
    if (text.empty()) continue;
    required_ = scope == RuleScope::source ? &source_literals_ : &prose_literals_;
    required_->find(text);
    text_ready_ = false;
    for (std::size_t i = 0; i < indexes.size(); ++i) {
      const std::size_t index = indexes[i];
      if (rules_.rules[index].scope != scope || !required_->may_match(index)) continue;
      scan(index, doc, block, found_[i]);
    }
  }
}

void RuleRunner::scan(std::size_t index, const Document& doc, std::size_t block,
                      std::vector<Finding>& out) {
  const Rule& rule = rules_.rules[index];
  // Made at the rule's first scan: its expression may compile only then (checked_regex).
  std::unique_ptr<RegexScanner>& made = scanners_[index];
  if (!made) made = std::make_unique<RegexScanner>(rule.pattern.get());
  RegexScanner& scanner = *made;
  const bool whole_source = block == kWholeSource;
  const std::string_view text =
      whole_source ? doc.source.bytes() : std::string_view(doc.blocks[block].text);
  const auto to_source = [&](Span span) {
    return whole_source ? span : doc.blocks[block].to_source(span);
  };
  if (!text_ready_) text_.assign(text);
  text_ready_ = true;
  reset_scanner(index, scanner);
  for (ScanResult result = scanner.next(); result != ScanResult::done; result = scanner.next()) {
    if (result == ScanResult::timeout) {
      out.push_back(timeout_finding(rule, whole_source ? Span{0, 0} : doc.blocks[block].span));
      return;
    }
    const Span span = scanner.span(rule.group).value_or(*scanner.span(0));
    if (span.empty()) continue;
    const Span source = to_source(span);
    if (allowed_by_position(index, doc, block, source)) continue;
    const std::string_view matched = text.substr(span.begin, span.size());
    out.push_back(
        make_rule_finding(rule, source, matched, suggestions_for(rule, scanner, matched)));
  }
}

// Lists look only around their required words (RequiredLiterals::windows). A pattern whose
// every match holds one of its literals and is made of characters it can consume looks only in
// the runs of such characters around the literals (cut to RegexScanner's own windows in a long
// text). Ill-formed text, and text ICU may case-fold into the literals, is searched whole.
void RuleRunner::reset_scanner(std::size_t index, RegexScanner& scanner) {
  const Rule& rule = rules_.rules[index];
  const std::string_view text = text_.bytes();
  if (rule.kind != RuleKind::pattern && !rule.required.empty() && text.size() >= kWindowedFrom) {
    scanner.reset(text_, required_->windows(index, longest_match(rule)));
    return;
  }
  const RegexShape* shape = rules_.rules[index].shape.get();
  if (shape != nullptr && shape->known && shape->holds_literal && text_.well_formed() &&
      !required_->folds_to_ascii()) {
    windows_.clear();
    shape_windows(*shape, text, required_->occurrences(index), windows_);
    if (shape->line_start) {
      // Tried only where a line starts: a search from each window's first byte ran on to its
      // end (a line-long window, for a pattern of whole lines) looking for one.
      to_line_starts(text, windows_);
      scanner.reset_at_starts(text_, windows_);
      return;
    }
    scanner.reset(text_, windows_);
    return;
  }
  scanner.reset(text_);
}

bool RuleRunner::allowed_by_position(std::size_t index, const Document& doc, std::size_t block,
                                     Span source) {
  const Rule& rule = rules_.rules[index];
  if (rule.unless_next_block) {
    const Block* next = next_block(doc, block, source);
    if (next == nullptr || regex_finds(*rule.unless_next_block, next->text)) return true;
  }
  return rule.unless_after_block &&
         earlier_block_matches(index, doc, blocks_before(doc, block, source));
}

bool RuleRunner::earlier_block_matches(std::size_t index, const Document& doc, std::size_t count) {
  EarlierBlocks& earlier = earlier_[index];
  const icu::RegexPattern& pattern = *rules_.rules[index].unless_after_block;
  while (earlier.first == earlier.tried && earlier.tried < count) {
    if (!regex_finds(pattern, doc.blocks[earlier.tried].text)) ++earlier.first;
    ++earlier.tried;
  }
  return earlier.first < std::min(earlier.tried, count);
}

std::string match_case(std::string_view matched, std::string suggestion) {
  std::size_t letters = 0;
  std::size_t upper = 0;
  bool first_upper = false;
  for (std::size_t pos = 0; pos < matched.size();
       pos += std::max<std::size_t>(utf8::sequence_length(matched, pos), 1)) {
    const auto cp = static_cast<UChar32>(utf8::decode(matched, pos));
    if (!u_isalpha(cp)) continue;
    if (letters == 0) first_upper = u_isupper(cp) != 0;
    ++letters;
    if (u_isupper(cp)) ++upper;
  }
  if (!first_upper || suggestion.empty()) return suggestion;
  const bool all_caps = letters >= 2 && upper == letters;
  std::string out;
  bool done_first = false;
  for (std::size_t pos = 0; pos < suggestion.size();
       pos += std::max<std::size_t>(utf8::sequence_length(suggestion, pos), 1)) {
    auto cp = static_cast<UChar32>(utf8::decode(suggestion, pos));
    if ((all_caps || !done_first) && u_isalpha(cp)) {
      cp = u_toupper(cp);
      done_first = true;
    }
    utf8::append(out, static_cast<char32_t>(cp));
  }
  return out;
}

}  // namespace galley
