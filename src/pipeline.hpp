#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "checks/check.hpp"
#include "core/settings.hpp"
#include "input/collect.hpp"
#include "report/report.hpp"
#include "report/spool.hpp"

namespace galley {

/// Called after each document, from any worker thread, with (done, total); may be empty.
using ProgressCallback = std::function<void(std::size_t, std::size_t)>;

/// read -> segment -> check -> sort, for every input, on `settings.jobs` threads.
/// Documents come back in input order whatever the threads did; the run is deterministic.
/// Problems with one input (unreadable, binary) are recorded in its DocumentReport and never
/// stop the others. Throws LoadError only for problems with settings (rules, dictionaries) and
/// for a spool that cannot be written. Documents beyond the budget of `spool` (a new one with
/// kSpoolBudget when null, expecting these inputs; a caller's spool is told by the caller,
/// DocumentSpool::expect) are spooled as they finish; the report holds the spool.
Report run_pipeline(const std::vector<InputFile>& inputs, const Settings& settings,
                    const ProgressCallback& progress = {},
                    std::shared_ptr<DocumentSpool> spool = {});

/// The checks one worker runs: an instance of each enabled check.
class CheckSet {
 public:
  /// Instantiates every check of the registry that `settings` does not switch off.
  explicit CheckSet(const Settings& settings);
  /// Called with each document once segmented (batch checks collect from it).
  using Observer = std::function<void(const AnalyzedDocument&)>;
  /// Segments, checks and sorts one document.
  DocumentReport check(Document doc, const std::string& path);
  /// The same, showing the segmented document to `observe` first (when set).
  DocumentReport check(Document doc, const std::string& path, const Observer& observe);

  /// A document begun but not finished: check() in two halves, so that a worker can go on to
  /// the next documents while a speller loads for this one.
  struct Pending;
  /// Segments `doc`, shows it to `observe` and runs the checks that need no speller; a large
  /// document's checks all wait for finish(), which runs them on two threads.
  std::unique_ptr<Pending> begin(Document doc, const std::string& path, const Observer& observe);
  /// True when finish(`pending`) would not wait for a speller to load (one is loading if not).
  [[nodiscard]] bool ready(const Pending& pending) const;
  /// Runs the rest of the checks on `pending` and sorts its findings.
  DocumentReport finish(std::unique_ptr<Pending> pending);

 private:
  const Settings& settings_;
  /// A check and whether it is one of the spelling checks, which share one analysis and may
  /// run on a second thread while the others run (run_beside).
  struct Entry {
    std::unique_ptr<Check> check;
    bool spelling = false;
    const CheckInfo* info = nullptr;  ///< Its registry row.
    /// For a check that splits by block: the instance run_beside's second thread runs its
    /// parts with, made at the first large document (instances are not shared by threads).
    std::unique_ptr<Check> beside;
  };
  std::vector<Entry> checks_;

  /// Segments the blocks of `analyzed` into sentences and tokens, on two threads when large.
  void segment(AnalyzedDocument& analyzed);
  /// Segments the blocks of large `analyzed` on two threads, in parts.
  void segment_in_parts(AnalyzedDocument& analyzed);
  /// Segments blocks [from, to) of `analyzed` with `segmenter`, their tokens' texts numbered
  /// in `texts`; returns their number of word tokens.
  std::size_t segment_blocks(Segmenter& segmenter, AnalyzedDocument& analyzed, std::size_t from,
                             std::size_t to, StringIndex& texts) const;
  /// Whether `analyzed` is segmented and checked on two threads (segment, run_beside): from
  /// 1 MB, unless the run has one thread (`--jobs 1`, or the default of one per core on one).
  [[nodiscard]] bool runs_beside(const AnalyzedDocument& analyzed) const;
  /// Runs every check on a large document, the spelling checks beside the others.
  void run_beside(const AnalyzedDocument& analyzed, std::vector<Finding>& findings);
  /// Runs the checks that are neither spelling checks nor read the others' findings.
  void run_others(const AnalyzedDocument& analyzed, std::vector<Finding>& findings);
  /// Runs the spelling checks.
  void run_spelling(const AnalyzedDocument& analyzed, std::vector<Finding>& findings);
  /// Runs the checks that read the others' findings, after freeing what those do not need.
  void run_last(const AnalyzedDocument& analyzed, std::vector<Finding>& findings);
  bool has_spelling_ = false;
  bool two_threads_ = false;  ///< False for `--jobs 1` and on one core: a document one thread.
  bool needs_words_ = false;
  bool needs_sentences_ = false;
  std::unique_ptr<Segmenter> segmenter_;
};

}  // namespace galley
