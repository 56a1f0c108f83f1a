#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "input/document.hpp"
#include "rules/regex_shape.hpp"
#include "rules/required_literals.hpp"
#include "rules/rule.hpp"
#include "segment/icu_text.hpp"

namespace galley {

class RegexScanner;

/// Runs compiled rules on documents. Holds an ICU matcher per rule (not thread-safe): make one
/// per worker thread; the RuleSet itself is shared.
class RuleRunner {
 public:
  /// A runner for `rules`, which must outlive it.
  explicit RuleRunner(const RuleSet& rules);
  ~RuleRunner();
  RuleRunner(const RuleRunner&) = delete;
  RuleRunner& operator=(const RuleRunner&) = delete;

  /// Adds the findings of the rules numbered `indexes` in the set on `doc` to `out`. A match
  /// that runs over the time limit ends the rule on that text with an info finding.
  void run(const std::vector<std::size_t>& indexes, const Document& doc, std::vector<Finding>& out);
  /// The same on blocks [first, last) of `doc` alone, and the rules over the whole source when
  /// `with_source`: runs over parts that cover every block, one of them with the source, find
  /// what run() finds.
  void run_blocks(const std::vector<std::size_t>& indexes, const Document& doc, BlockPart part,
                  std::vector<Finding>& out);
  /// The same for one rule.
  void run(std::size_t index, const Document& doc, std::vector<Finding>& out);

 private:
  const RuleSet& rules_;
  std::vector<std::unique_ptr<RegexScanner>> scanners_;
  RequiredLiterals prose_literals_;          ///< Literals of prose rules, for one block.
  RequiredLiterals source_literals_;         ///< Literals of source rules, for the source.
  RequiredLiterals* required_ = nullptr;     ///< The one of them for the current text.
  IcuText text_;                             ///< That text, prepared for ICU once for all rules.
  bool text_ready_ = false;                  ///< True once `text_` holds the current text.
  std::vector<ScanWindow> windows_;          ///< Scratch: windows of a pattern rule.
  std::vector<std::vector<Finding>> found_;  ///< Per rule run: its findings, in text order.
  /// Per rule, in one run over a document: the blocks its unless-after-block expression has
  /// been tried on (from the first), and the first it matched. Each block is tried once, not
  /// once for every match after it.
  struct EarlierBlocks {
    std::size_t tried = 0;  ///< Blocks [0, tried) tried.
    std::size_t first = 0;  ///< The first of them that matched; `tried` while none has.
  };
  std::vector<EarlierBlocks> earlier_;

  void run_texts(const std::vector<std::size_t>& indexes, const Document& doc, RuleScope scope,
                 std::size_t first, std::size_t last);
  void scan(std::size_t index, const Document& doc, std::size_t block, std::vector<Finding>& out);
  void reset_scanner(std::size_t index, RegexScanner& scanner);
  /// True when rule `index` lets a match at `source` (in `block`) go: the next block, or an
  /// earlier one, matches its position condition.
  bool allowed_by_position(std::size_t index, const Document& doc, std::size_t block, Span source);
  /// True when one of the first `count` blocks of `doc` matches rule `index`'s
  /// unless-after-block expression.
  bool earlier_block_matches(std::size_t index, const Document& doc, std::size_t count);
};

/// `suggestion` written in the case of `matched`: all capitals, or a capital first letter.
std::string match_case(std::string_view matched, std::string suggestion);

}  // namespace galley
