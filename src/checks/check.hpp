#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/settings.hpp"
#include "input/document.hpp"
#include "segment/segmenter.hpp"
#include "segment/token_forms.hpp"

namespace galley {

/// How much of a document a check looks at; the pipeline segments only as deep as needed.
enum class Scope { word, sentence, block, document, batch };

/// The segments of one block (spans in Block::text); either list is empty unless a selected
/// check needs it.
using BlockSegments = Segments;

struct SpellAnalysis;
struct DuplicateAnalysis;
struct VarietyForm;

/// A document after segmentation: what every check receives.
struct AnalyzedDocument {
  const Document& doc;                   ///< The document as read.
  std::vector<BlockSegments> segments;   ///< One per doc.blocks entry.
  TokenForms forms;                      ///< The tokens' texts, numbered (number_forms).
  std::string language = "en-US";        ///< The variety the document is checked in.
  std::size_t word_count = 0;            ///< Word tokens in all blocks.
  /// The spelling checks' shared analysis (checks/spell_analysis.hpp), made by the first of them
  /// to run; mutable since it is a cache. The spelling checks run on one thread (a second one
  /// from 1 MB, CheckSet::run_beside), and only they touch it.
  mutable std::shared_ptr<const SpellAnalysis> spelling;
  /// The duplicate checks' shared search (checks/duplicate_check.hpp), made by the first of them
  /// to run or prepare; a cache like `spelling` (on a large document the spelling checks' thread
  /// writes only `spelling`, this thread only `duplicates`).
  mutable std::shared_ptr<const DuplicateAnalysis> duplicates;
  /// The words spelt the way only one variety spells them (checks/language.hpp), found once for
  /// the language decision and the mixed-variety check; a cache like `spelling`, filled before
  /// the checks run when the language is decided, else by the mixed-variety check.
  mutable std::shared_ptr<const std::vector<VarietyForm>> varieties;
};

/// Numbers the texts of all the tokens of `doc` in doc.forms, on one thread (the pipeline
/// numbers a large document's parts on two, CheckSet::segment_in_parts).
void number_forms(AnalyzedDocument& doc);

/// A check looks at one document at a time and adds findings. One instance per worker thread,
/// so a check may keep caches without locks; a check that splits by block has a second one,
/// which the second thread of a large document runs its parts with (CheckSet::run_beside).
class Check {
 public:
  virtual ~Check() = default;
  /// Adds the findings for `doc` to `out`, which holds what the checks run before found in it
  /// (before suppressions and severity overrides).
  virtual void check(const AnalyzedDocument& doc, std::vector<Finding>& out) = 0;
  /// True when check() reads the other checks' findings in `out`: it then runs after them all.
  [[nodiscard]] virtual bool reads_findings() const { return false; }
  /// For a check that reads findings: the part of its work on `doc` that needs none of them. On
  /// a large document it runs while the spelling checks are still at work on another thread.
  virtual void prepare(const AnalyzedDocument& /*doc*/) {}
  /// True for a check that takes several times what the short ones (typography) take on the
  /// same document: where checks share two threads, it is started first and the short ones fill
  /// in beside it, rather than it starting last on one thread while the other idles.
  [[nodiscard]] virtual bool runs_long() const { return false; }
  /// True for a check whose findings in a block depend on no findings of its own in other
  /// blocks, nor on what an instance keeps from one call to the next: a large document's blocks
  /// can then be shared out between threads, each with an instance (check_blocks).
  [[nodiscard]] virtual bool splits_by_block() const { return false; }
  /// For a check that splits_by_block(): the findings of the blocks of `part`, and those on the
  /// document as a whole when the part is `with_source`. Parts that cover every block, one of
  /// them with the source, find what check() finds; the default runs check() with that one.
  virtual void check_blocks(const AnalyzedDocument& doc, BlockPart part,
                            std::vector<Finding>& out) {
    if (part.with_source) check(doc, out);
  }
};

/// A check across all documents of a run (scope batch): it sees each document once, in input
/// order, and reports when the run ends.
class BatchCheck {
 public:
  virtual ~BatchCheck() = default;
  /// Takes note of document number `index`. Workers call it at once for their documents: the
  /// check guards what it keeps, and does its work on a document outside that guard.
  virtual void collect(std::size_t index, const AnalyzedDocument& doc) = 0;
  /// Reports findings for documents seen; `emit(index, finding)` adds one to document `index`.
  virtual void finish(const std::function<void(std::size_t, Finding)>& emit) = 0;
};

/// An example sentence for a check: incorrect examples mark the expected span with « and »;
/// `suggestion` is the expected first suggestion (empty: none expected).
struct CheckExample {
  std::string_view text;        ///< With «...» around the expected span when incorrect.
  bool incorrect = true;        ///< False for an example that must raise nothing.
  std::string_view suggestion;  ///< Expected first suggestion; "-" for none.
  std::string_view format = "text";  ///< How the example is read: "text", "markdown" or "html".
};

/// One row of the registry: everything known about a check written in C++.
struct CheckInfo {
  std::string_view id;                 ///< Rule id, `category.name`.
  std::string_view summary;            ///< One line for `galley rules`.
  Severity severity;                   ///< Default severity.
  Scope scope;                         ///< How deep the pipeline must segment for it.
  std::string_view rationale;          ///< Why it matters, for `galley explain`.
  std::unique_ptr<Check> (*make)(const Settings&);             ///< Per-document factory.
  std::unique_ptr<BatchCheck> (*make_batch)(const Settings&);  ///< Batch factory, or nullptr.
  std::vector<CheckExample> examples;  ///< At least one incorrect and one correct.
};

/// Helper for checks: a finding for `rule` over `span` of the original file.
Finding make_finding(const CheckInfo& info, Span span, std::string message,
                     std::vector<std::string> suggestions = {});

}  // namespace galley
