#include "pipeline.hpp"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <exception>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "checks/language.hpp"
#include "checks/registry.hpp"
#include "checks/rule_pack_check.hpp"
#include "checks/spell_analysis.hpp"
#include "checks/speller.hpp"
#include "checks/suppressions.hpp"
#include "core/interrupt.hpp"
#include "core/utf8.hpp"
#include "read_ahead.hpp"
#include "report/spool.hpp"
#include "segment/segmenter.hpp"
#include "version.hpp"

namespace galley {
namespace {

bool enabled(const Settings& settings, const CheckInfo& info) {
  return effective_severity(settings.overrides, info.id, info.severity).has_value();
}

/// The block holding source offset `begin`: found by binary search, since blocks are in source
/// order (a linear scan per finding was quadratic on documents with many findings).
const Block* block_at(const std::vector<Block>& blocks, std::size_t begin, std::size_t& index) {
  auto it =
      std::upper_bound(blocks.begin(), blocks.end(), begin,
                       [](std::size_t offset, const Block& b) { return offset < b.span.begin; });
  while (it != blocks.begin()) {
    --it;
    if (it->span.contains({begin, begin})) {
      index = static_cast<std::size_t>(it - blocks.begin());
      return &*it;
    }
    if (it->span.end <= begin) break;  // Blocks before this one end earlier still.
  }
  return nullptr;
}

/// At most this many bytes of context either side of a finding: a 50 KB line with no sentence
/// end and thousands of findings would otherwise make a report quadratic in the input.
constexpr std::size_t kContextReach = 300;

/// `context` narrowed to kContextReach bytes either side of `span`, cut at white space (or at
/// a code point) so that no word or character is split.
Span bounded(std::string_view source, Span context, Span span) {
  if (context.size() <= 2 * kContextReach + span.size()) return context;
  std::size_t begin =
      std::max(context.begin, span.begin > kContextReach ? span.begin - kContextReach : 0);
  std::size_t end = std::min(context.end, span.end + kContextReach);
  // Spaces are looked for only between the cut and the span: a search of the whole source, from
  // each finding of a text without spaces (a pasted blob), made the findings' contexts quadratic.
  const std::size_t space_after = source.substr(0, span.begin).find(' ', begin);
  if (begin > context.begin && space_after != std::string_view::npos) begin = space_after + 1;
  if (end < context.end) {
    const std::string_view after_span = source.substr(span.end, end + 1 - span.end);
    const std::size_t space_before = after_span.rfind(' ');
    if (space_before != std::string_view::npos && space_before > 0) end = span.end + space_before;
  }
  while (begin < span.begin && !utf8::is_boundary(source, begin)) ++begin;
  while (end > span.end && !utf8::is_boundary(source, end)) --end;
  return {begin, end};
}

/// The sentence holding the start of `span`, else its block, else the span itself.
Span sentence_or_block(const AnalyzedDocument& analyzed, Span span) {
  std::size_t b = 0;
  const Block* block = block_at(analyzed.doc.blocks, span.begin, b);
  if (block == nullptr) return span;
  const std::vector<Span>& sentences = analyzed.segments[b].sentences;
  auto it = std::upper_bound(
      sentences.begin(), sentences.end(), span.begin,
      [&](std::size_t offset, Span sentence) { return offset < block->to_source(sentence).begin; });
  if (it != sentences.begin()) {
    const Span source = block->to_source(*std::prev(it));
    if (source.begin <= span.begin && span.begin < std::max(source.end, source.begin + 1)) {
      return source;
    }
  }
  return block->span;
}

/// The sentence around a finding (or its block when it lies between sentences), at most
/// kContextReach bytes either side of it.
Span context_of(const AnalyzedDocument& analyzed, Span span) {
  const Span context = sentence_or_block(analyzed, span);
  return bounded(analyzed.doc.source.bytes(), context, span);
}

/// Final severity from the settings; findings of switched-off rules are dropped.
void apply_settings(const Settings& settings, std::vector<Finding>& findings) {
  std::erase_if(findings, [&](Finding& finding) {
    const auto severity = effective_severity(settings.overrides, finding.rule, finding.severity);
    if (!severity) return true;
    finding.severity = *severity;
    return false;
  });
}

/// True when some spelling check runs: only then is a speller loaded.
bool spelling_enabled(const Settings& settings) {
  return std::any_of(check_registry().begin(), check_registry().end(), [&](const CheckInfo& info) {
    return info.id.starts_with("spelling.") && enabled(settings, info);
  });
}

/// True when the rule packs' check is on, with the rules it would load.
bool rule_packs_enabled(const Settings& settings) {
  const CheckInfo* info = find_check(kRulePacksId);
  return info != nullptr && enabled(settings, *info);
}

/// True when `inputs` hold a megabyte or more, by their sizes on disk (stdin counts nothing).
bool at_least_a_megabyte(const std::vector<InputFile>& inputs) {
  constexpr std::uintmax_t kMegabyte = std::uintmax_t{1} << 20U;
  std::uintmax_t bytes = 0;
  for (const InputFile& input : inputs) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(input.path, error);
    if (!error && (bytes += size) >= kMegabyte) return true;
  }
  return false;
}

/// What a run loads before its first document needs it, on other threads: the speller and
/// word index of its spelling checks, and, for a megabyte of input or more, the rule packs.
/// A smaller run compiles them on the thread that checks (while another loads the speller):
/// on a third thread they took a core from the speller's load, a release 48 -> 53 ms.
std::vector<std::shared_future<void>> loads_for(const Settings& settings,
                                                const std::vector<InputFile>& inputs) {
  std::vector<std::shared_future<void>> loads;
  if (spelling_enabled(settings)) loads = load_spelling_ahead(settings);
  if (rule_packs_enabled(settings) && at_least_a_megabyte(inputs))
    loads.push_back(load_rules_ahead(settings));
  return loads;
}

/// Waits for loads started ahead of need before the run returns, whether or not a check took
/// what they loaded (none may outlive the run that started it).
struct LoadsAhead {
  std::vector<std::shared_future<void>> loads;

  explicit LoadsAhead(std::vector<std::shared_future<void>> started) : loads(std::move(started)) {}
  LoadsAhead(const LoadsAhead&) = delete;
  LoadsAhead& operator=(const LoadsAhead&) = delete;
  ~LoadsAhead() {
    for (const std::shared_future<void>& load : loads) load.wait();
  }
};

/// Frees the spelling analysis of `analyzed` once the spelling checks are done with it. On a
/// large document, the free pages of the heap it was made on go back to the system, or the
/// duplicate search would stack its own memory on them at the run's peak.
void release_spelling(const AnalyzedDocument& analyzed) {
  constexpr std::size_t kTrimFrom = std::size_t{1} << 20U;
  if (!analyzed.spelling) return;
  analyzed.spelling.reset();
#ifdef __GLIBC__
  if (analyzed.doc.source.bytes().size() >= kTrimFrom) malloc_trim(0);
#endif
}

/// Gives the spellers the thread holds back to the pool when it goes out of scope.
struct SpellersBack {
  SpellersBack() = default;
  SpellersBack(const SpellersBack&) = delete;
  SpellersBack& operator=(const SpellersBack&) = delete;
  ~SpellersBack() { Speller::release_thread(); }
};

/// Where `parts` parts of `blocks` start, about equal in bytes of text, and the end: parts + 1
/// block numbers from 0 to blocks.size(), a part empty where one block outweighs a part.
std::vector<std::size_t> part_bounds(const std::vector<Block>& blocks, std::size_t parts) {
  std::size_t bytes = 0;
  for (const Block& block : blocks) bytes += block.text.size();
  std::vector<std::size_t> bounds{0};
  std::size_t seen = 0;  // Bytes of the blocks before `b`.
  std::size_t b = 0;
  for (std::size_t part = 1; part < parts; ++part) {
    for (; b < blocks.size() && parts * seen < part * bytes; ++b) seen += blocks[b].text.size();
    bounds.push_back(b);
  }
  bounds.push_back(blocks.size());
  return bounds;
}

std::vector<BlockRecord> records_of(const std::vector<Block>& blocks) {
  std::vector<BlockRecord> records;
  records.reserve(blocks.size());
  for (const Block& block : blocks) records.push_back({block.kind, block.span});
  return records;
}

}  // namespace

CheckSet::CheckSet(const Settings& settings)
    : settings_(settings),
      two_threads_(settings.jobs == 0 ? std::thread::hardware_concurrency() > 1
                                      : settings.jobs > 1),
      segmenter_(std::make_unique<Segmenter>()) {
  for (const CheckInfo& info : check_registry()) {
    if (!enabled(settings, info)) continue;
    if (info.make == nullptr) {
      // A batch check collects from segmented documents: words are needed all the same.
      needs_words_ = needs_words_ || info.make_batch != nullptr;
      continue;
    }
    checks_.push_back({info.make(settings), info.id.starts_with("spelling."), &info, nullptr});
    has_spelling_ = has_spelling_ || checks_.back().spelling;
    needs_words_ = needs_words_ || info.scope != Scope::document;
    needs_sentences_ =
        needs_sentences_ || info.scope == Scope::sentence || info.scope == Scope::block;
  }
  needs_sentences_ = true;  // Findings carry their sentence as context.
  // A check that reads others' findings (which copy of a duplicate is misspelt) sees them all.
  std::stable_partition(checks_.begin(), checks_.end(),
                        [](const Entry& entry) { return !entry.check->reads_findings(); });
}

bool CheckSet::runs_beside(const AnalyzedDocument& analyzed) const {
  constexpr std::size_t kBesideFrom = std::size_t{1} << 20U;
  return two_threads_ && analyzed.doc.source.bytes().size() >= kBesideFrom;
}

void CheckSet::run_others(const AnalyzedDocument& analyzed, std::vector<Finding>& findings) {
  for (const Entry& entry : checks_) {
    if (!entry.spelling && !entry.check->reads_findings()) entry.check->check(analyzed, findings);
  }
}

void CheckSet::run_spelling(const AnalyzedDocument& analyzed, std::vector<Finding>& findings) {
  for (const Entry& entry : checks_) {
    if (entry.spelling && !entry.check->reads_findings()) entry.check->check(analyzed, findings);
  }
}

// One large document would keep one core busy and leave the other idle: its two longest tasks,
// the spelling checks (one shared analysis) and the part of the duplicate search that needs no
// findings (prepare()), start at once on two threads, and the other checks go, one by one, to
// whichever thread is free first. A check that splits by block (the rule packs, about twice
// the typography checks together) goes in parts, each thread running its own instance, or one
// thread would run it alone at the end while the other idled. The checks that read findings
// finish after all of them, as always. The second thread loads its own Hunspell, worth it only
// from about a megabyte; with the spelling checks off it starts on the other checks at once. A
// smaller document's checks run on one thread (begin and finish), as every document's do when
// the run has one thread (`--jobs 1`).
void CheckSet::run_beside(const AnalyzedDocument& analyzed, std::vector<Finding>& findings) {
  const auto is_last = [](const Entry& entry) { return entry.check->reads_findings(); };
  std::vector<Entry*> others;
  for (Entry& entry : checks_) {
    if (!entry.spelling && !is_last(entry)) others.push_back(&entry);
  }
  std::stable_partition(others.begin(), others.end(),
                        [](const Entry* entry) { return entry->check->runs_long(); });
  /// A check on a part of the blocks, or the whole of a check that does not split.
  struct Task {
    Entry* entry;
    bool split;
    BlockPart part;
  };
  constexpr std::size_t kParts = 4;
  const std::vector<std::size_t> parts = part_bounds(analyzed.doc.blocks, kParts);
  std::vector<Task> tasks;
  for (Entry* entry : others) {
    if (!entry->check->splits_by_block()) {
      tasks.push_back({entry, false, {}});
      continue;
    }
    if (!entry->beside) entry->beside = entry->info->make(settings_);
    for (std::size_t p = 0; p < kParts; ++p)
      tasks.push_back({entry, true, {parts[p], parts[p + 1], p == 0}});
  }
  // Each task writes its own findings, merged below in a fixed order (the long checks first,
  // then registry order, a split check's parts in block order): the same findings in the same
  // order whichever thread ran what.
  std::vector<std::vector<Finding>> found_by_task(tasks.size());
  std::atomic<std::size_t> next_task{0};
  const auto run_next_tasks = [&](bool beside) {
    for (std::size_t i = next_task++; i < tasks.size(); i = next_task++) {
      const Task& task = tasks[i];
      if (task.split) {
        Check& check = beside ? *task.entry->beside : *task.entry->check;
        check.check_blocks(analyzed, task.part, found_by_task[i]);
      } else {
        task.entry->check->check(analyzed, found_by_task[i]);
      }
    }
  };
  // Declared after what it uses: should this thread throw, the future's destructor waits for
  // the other thread before those go.
  auto spelling = std::async(std::launch::async, [&] {
    std::vector<Finding> found;
    run_spelling(analyzed, found);
    // Now, not after the duplicate search, which is at its peak of memory meanwhile. No other
    // check reads the analysis.
    release_spelling(analyzed);
    run_next_tasks(true);
    return found;
  });
  for (const Entry& entry : checks_) {
    if (is_last(entry)) entry.check->prepare(analyzed);
  }
  run_next_tasks(false);
  // Spelling's findings first, then the others': a fixed order whatever the timing (they are
  // sorted later in any case).
  findings = spelling.get();
  for (std::vector<Finding>& found : found_by_task) {
    findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
  }
  run_last(analyzed, findings);
}

// The checks that read findings need nothing of the spelling analysis (among it a delete index
// over the document's distinct words): it goes first, if the spelling thread has not freed it.
void CheckSet::run_last(const AnalyzedDocument& analyzed, std::vector<Finding>& findings) {
  release_spelling(analyzed);
  for (const Entry& entry : checks_) {
    if (entry.check->reads_findings()) entry.check->check(analyzed, findings);
  }
}

std::size_t CheckSet::segment_blocks(Segmenter& segmenter, AnalyzedDocument& analyzed,
                                     std::size_t from, std::size_t to, StringIndex& texts) const {
  std::size_t words = 0;
  for (std::size_t b = from; b < to; ++b) {
    BlockSegments& segments = analyzed.segments[b];
    // Held until the document is done: the segmenter returns them with no spare capacity.
    segments = segmenter.segments(analyzed.doc.blocks[b].text, needs_sentences_, needs_words_);
    number_tokens(analyzed.doc.blocks[b].text, segments.tokens, texts, analyzed.forms.by_block[b]);
    words += static_cast<std::size_t>(
        std::count_if(segments.tokens.begin(), segments.tokens.end(),
                      [](const Token& t) { return t.kind() == TokenKind::word; }));
  }
  return words;
}

// Blocks are segmented independently: a large document's are segmented on two threads
// (segment_in_parts).
void CheckSet::segment(AnalyzedDocument& analyzed) {
  const std::vector<Block>& blocks = analyzed.doc.blocks;
  analyzed.segments.resize(blocks.size());
  analyzed.forms.by_block.resize(blocks.size());
  if (runs_beside(analyzed)) {
    segment_in_parts(analyzed);
    return;
  }
  analyzed.forms.texts.reserve(token_text_room(analyzed.doc.source.bytes().size()));
  analyzed.word_count =
      segment_blocks(*segmenter_, analyzed, 0, blocks.size(), analyzed.forms.texts);
}

// The blocks are shared out in parts of about 256 KB between this thread and another with its
// own ICU iterators (a few milliseconds to make), each part to whichever is free, as the checks
// are later: two fixed halves left one thread idle for 15-100 ms on big.txt when the other's
// half took longer. Each thread numbers its tokens' texts in a table of its own; the other's is
// joined to this one's after. The variety-specific words decide the language before any check
// can start: each part's are found by the thread that segments it, and joined after.
void CheckSet::segment_in_parts(AnalyzedDocument& analyzed) {
  const std::vector<Block>& blocks = analyzed.doc.blocks;
  const std::size_t bytes = analyzed.doc.source.bytes().size();
  constexpr std::size_t kPartBytes = std::size_t{256} << 10U;
  const std::vector<std::size_t> bounds =
      part_bounds(blocks, std::max<std::size_t>(2, bytes / kPartBytes));
  const std::size_t parts = bounds.size() - 1;
  const bool find_varieties = language_from_document(settings_.language);
  std::vector<VarietyWords> varieties(parts);
  std::vector<char> by_other(parts, 0);  // Not vector<bool>: the threads write apart.
  std::atomic<std::size_t> next_part{0};
  const auto take_parts = [&](Segmenter& segmenter, StringIndex& texts, bool other) {
    std::size_t words = 0;
    VarietyEntries entries;
    for (std::size_t p = next_part++; p < parts; p = next_part++) {
      words += segment_blocks(segmenter, analyzed, bounds[p], bounds[p + 1], texts);
      if (find_varieties) {
        varieties[p] = find_variety_words(analyzed, bounds[p], bounds[p + 1], texts, entries);
      }
      by_other[p] = static_cast<char>(other);
    }
    return words;
  };
  StringIndex other_texts;
  auto other = std::async(std::launch::async, [&] {
    Segmenter segmenter;
    other_texts.reserve(token_text_room(bytes / 2));
    return take_parts(segmenter, other_texts, true);
  });
  analyzed.forms.texts.reserve(token_text_room(bytes / 2));
  analyzed.word_count = take_parts(*segmenter_, analyzed.forms.texts, false);
  analyzed.word_count += other.get();
  std::vector<std::pair<std::size_t, std::size_t>> other_blocks;
  for (std::size_t p = 0; p < parts; ++p) {
    if (by_other[p] != 0) other_blocks.emplace_back(bounds[p], bounds[p + 1]);
  }
  merge_token_forms(analyzed.forms, other_texts, other_blocks);
  if (find_varieties) {
    analyzed.varieties =
        std::make_shared<const std::vector<VarietyForm>>(join_variety_words(varieties));
  }
}

DocumentReport CheckSet::check(Document doc, const std::string& path) {
  return check(std::move(doc), path, {});
}

struct CheckSet::Pending {
  Document doc;
  std::string path;
  AnalyzedDocument analyzed{doc, {}, {}, "en-US", 0, nullptr, nullptr, nullptr};
  std::vector<Finding> findings;
  bool others_done = false;  ///< False for a large document: finish() runs all its checks.

  /// The document's size in bytes.
  [[nodiscard]] std::size_t bytes() const { return doc.source.bytes().size(); }

  Pending(Document document, std::string document_path)
      : doc(std::move(document)), path(std::move(document_path)) {}
};

std::unique_ptr<CheckSet::Pending> CheckSet::begin(Document doc, const std::string& path,
                                                   const Observer& observe) {
  auto pending = std::make_unique<Pending>(std::move(doc), path);
  AnalyzedDocument& analyzed = pending->analyzed;
  segment(analyzed);
  analyzed.language = decide_language(analyzed, settings_.language);
  if (observe) observe(analyzed);
  if (runs_beside(analyzed)) return pending;
  // Asked first, so that a speller not yet loaded for the variety loads meanwhile.
  if (has_spelling_)
    static_cast<void>(Speller::ready_for_thread(analyzed.language, settings_.dictionaries));
  run_others(analyzed, pending->findings);
  pending->others_done = true;
  return pending;
}

bool CheckSet::ready(const Pending& pending) const {
  return !has_spelling_ || !pending.others_done ||
         Speller::ready_for_thread(pending.analyzed.language, settings_.dictionaries);
}

DocumentReport CheckSet::check(Document doc, const std::string& path, const Observer& observe) {
  return finish(begin(std::move(doc), path, observe));
}

DocumentReport CheckSet::finish(std::unique_ptr<Pending> pending) {
  const AnalyzedDocument& analyzed = pending->analyzed;
  std::vector<Finding>& findings = pending->findings;
  if (pending->others_done) {
    {
      const SpellersBack back;  // For the next document of any thread, also should a check throw.
      // Taken now, whether or not a check asks: the load begin() started is this thread's to end.
      if (has_spelling_) Speller::for_thread(analyzed.language, settings_.dictionaries);
      run_spelling(analyzed, findings);
    }
    run_last(analyzed, findings);
  } else {
    run_beside(analyzed, findings);
  }
  Document& doc = pending->doc;
  const std::string& path = pending->path;
  apply_suppressions(doc, settings_, findings);  // Before the settings: they grade its findings.
  apply_settings(settings_, findings);
  for (Finding& finding : findings) {
    if (finding.context.empty()) finding.context = context_of(analyzed, finding.span);
  }
  std::sort(findings.begin(), findings.end(), finding_before);
  DocumentReport report;
  report.path = path;
  report.format = doc.format;
  report.language = analyzed.language;
  report.word_count = analyzed.word_count;
  report.blocks = records_of(doc.blocks);
  report.findings = std::move(findings);
  report.source = std::move(doc.source);
  return report;
}

namespace {

/// The batch checks of one run: one instance each, fed from every worker (each guards itself).
struct BatchRun {
  const Settings& settings;
  std::vector<std::unique_ptr<BatchCheck>> checks;
  std::map<std::size_t, Suppressions> suppressions;  ///< By document, for those with directives.
  std::mutex mutex;                                  ///< Guards suppressions.

  /// The batch checks enabled for a run of `documents` documents: none for one alone, since a
  /// batch check compares documents with each other (and would cost a large one a pass).
  BatchRun(const Settings& run_settings, std::size_t documents) : settings(run_settings) {
    if (documents < 2) return;
    for (const CheckInfo& info : check_registry()) {
      if (!enabled(settings, info) || info.make_batch == nullptr) continue;
      checks.push_back(info.make_batch(settings));
    }
  }

  /// What CheckSet shows each document to; empty when no batch check is enabled.
  CheckSet::Observer observer(std::size_t index) {
    if (checks.empty()) return {};
    return [this, index](const AnalyzedDocument& analyzed) {
      // Batch findings arrive after CheckSet has applied the document's directives.
      std::optional<Suppressions> directives = suppressions_of(analyzed.doc, settings);
      for (const auto& check : checks) check->collect(index, analyzed);  // Each guards itself.
      if (!directives) return;
      const std::lock_guard lock(mutex);
      suppressions.insert_or_assign(index, std::move(*directives));
    };
  }

  /// Adds the batch findings to their documents, with the settings' severities, and re-sorts.
  /// The findings are gathered by document first, so that a spooled document is reloaded and
  /// spooled again once, not once per finding.
  void finish(Report& report) {
    std::map<std::size_t, std::vector<Finding>> late;
    const auto emit = [&](std::size_t index, Finding finding) {
      if (index < report.documents.size()) late[index].push_back(std::move(finding));
    };
    for (const auto& check : checks) check->finish(emit);
    for (auto& entry : late) {  // Not a structured binding: clang 14 cannot capture one.
      report.edit(entry.first,
                  [&](DocumentReport& doc) { return add_late(entry.first, entry.second, doc); });
    }
  }

  /// Adds `found`, batch findings of document `index`, to `doc`; whether `doc` changed.
  bool add_late(std::size_t index, std::vector<Finding>& found, DocumentReport& doc) {
    const auto directives = suppressions.find(index);
    bool touched = false;
    for (Finding& finding : found) {
      if (directives != suppressions.end() &&
          directives->second.suppress_late(finding, doc.findings)) {
        touched = true;  // It may have removed an unused-suppression finding.
        continue;
      }
      const auto severity = effective_severity(settings.overrides, finding.rule, finding.severity);
      if (!severity) continue;
      finding.severity = *severity;
      if (finding.context.empty()) finding.context = finding.span;
      doc.findings.push_back(std::move(finding));
      touched = true;
    }
    if (touched) std::stable_sort(doc.findings.begin(), doc.findings.end(), finding_before);
    return touched;
  }
};

/// Documents from this size on are skipped whatever --max-bytes says: a token's span is kept
/// in 32-bit offsets (TokenSpan), and a block's text is never longer than its document.
constexpr std::size_t kMaxDocumentBytes = std::size_t{1} << 32U;

/// No more of a document is read than it takes to tell that it is too large: a stray dump of
/// gigabytes, or a device named by mistake, is never held whole.
std::size_t read_limit(std::size_t max_bytes) { return std::min(max_bytes, kMaxDocumentBytes - 1); }

/// Makes `input`, whose bytes are `read` (up to read_limit), a document to check; none when it
/// cannot be checked, with the reason in `failed`.
std::optional<Document> read_input(const InputFile& input, InputBytes read, std::size_t max_bytes,
                                   DocumentReport& failed) {
  failed.path = input.path;
  std::optional<std::string>& bytes = read.bytes;
  if (!bytes) {
    failed.status = DocumentStatus::failed;
    failed.problem = read.error;
    return std::nullopt;
  }
  if (bytes->size() >= kMaxDocumentBytes) {
    failed.status = DocumentStatus::skipped;
    failed.problem = "4 GiB or larger, skipped: tokens keep 32-bit offsets; split it";
    return std::nullopt;
  }
  if (bytes->size() > max_bytes) {
    // A document is held whole, at about 13 bytes of memory per byte (docs/performance.md): a
    // stray dump in a repository of releases is skipped unless the user raises the limit.
    failed.status = DocumentStatus::skipped;
    failed.problem = "larger than " + std::to_string(max_bytes) +
                     " bytes, skipped: split it, or raise the limit with --max-bytes";
    return std::nullopt;
  }
  if (const Unreadable reason = classify_bytes(*bytes); reason != Unreadable::none) {
    failed.status = DocumentStatus::skipped;
    failed.problem = std::string(describe(reason));
    return std::nullopt;
  }
  const InputFormat format =
      input.format.value_or(format_for_path(input.path).value_or(InputFormat::text));
  Document doc = read_document(SourceText(input.path, std::move(*bytes)), format);
  if (!doc.refused.empty()) {
    failed.status = DocumentStatus::skipped;
    failed.problem = doc.refused;
    return std::nullopt;
  }
  return doc;
}

/// A worker's documents begun and waiting for a speller to load: the worker goes on to the next
/// documents meanwhile, rather than wait with a core idle (a Hunspell load takes about 60 ms,
/// and loads are made one at a time, see speller.cpp). Bounded, since each holds its segments.
/// Documents leave in the order they came, those that could not be read included: a worker
/// hands its documents on in input order, as it would without waiting.
class Waiting {
 public:
  /// Adds document `index`, begun.
  void add(std::size_t index, std::unique_ptr<CheckSet::Pending> pending) {
    bytes_ += pending->bytes();
    documents_.push_back({index, std::move(pending), {}});
  }

  /// Adds document `index`, which could not be checked.
  void add(std::size_t index, DocumentReport failed) {
    documents_.push_back({index, nullptr, std::move(failed)});
  }

  /// Finishes and passes to `store` the oldest documents while their speller is ready, or too
  /// many wait.
  template <typename Store>
  void finish_ready(CheckSet& checks, const Store& store) {
    constexpr std::size_t kMaxDocuments = 1024;
    constexpr std::size_t kMaxBytes = std::size_t{4} << 20U;
    while (!documents_.empty() && !interrupt_requested() &&
           (!documents_.front().pending || checks.ready(*documents_.front().pending) ||
            documents_.size() > kMaxDocuments || bytes_ > kMaxBytes)) {
      finish_front(checks, store);
    }
  }

  /// Finishes and passes to `store` every document still waiting. After an interrupt, none
  /// is finished: like those not begun, they are left out of the report.
  template <typename Store>
  void finish_all(CheckSet& checks, const Store& store) {
    while (!documents_.empty() && !interrupt_requested()) finish_front(checks, store);
  }

 private:
  struct Entry {
    std::size_t index;
    std::unique_ptr<CheckSet::Pending> pending;  ///< Null when it could not be checked.
    DocumentReport failed;
  };

  template <typename Store>
  void finish_front(CheckSet& checks, const Store& store) {
    Entry next = std::move(documents_.front());
    documents_.pop_front();
    if (!next.pending) {
      store(next.index, std::move(next.failed));
      return;
    }
    bytes_ -= next.pending->bytes();
    store(next.index, checks.finish(std::move(next.pending)));
  }

  std::deque<Entry> documents_;
  std::size_t bytes_ = 0;
};

}  // namespace

Report run_pipeline(const std::vector<InputFile>& inputs, const Settings& settings,
                    const ProgressCallback& progress, std::shared_ptr<DocumentSpool> spool) {
  const auto start = std::chrono::steady_clock::now();
  Report report;
  report.tool_version = kVersion;
  if (!spool) {
    spool = std::make_shared<DocumentSpool>();
    spool->expect(inputs.size());
  }
  report.spool = std::move(spool);
  report.documents.resize(inputs.size());
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const unsigned jobs = static_cast<unsigned>(std::min<std::size_t>(
      settings.jobs == 0 ? hardware : settings.jobs, std::max<std::size_t>(inputs.size(), 1)));
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  BatchRun batch(settings, inputs.size());
  const LoadsAhead loads_ahead(loads_for(settings, inputs));
  // One document is read by its worker: there is nothing to overlap its reading with.
  std::optional<ReadAhead> read_ahead;
  if (inputs.size() > 1) read_ahead.emplace(inputs, read_limit(settings.max_document_bytes));
  const auto bytes_of = [&](std::size_t i) {
    return read_ahead ? read_ahead->take(i)
                      : read_input_bytes(inputs[i], read_limit(settings.max_document_bytes));
  };
  // A load error (a dictionary, a rule file) stops every worker and is rethrown to the caller.
  const auto worker = [&] {
    try {
      CheckSet checks(settings);
      Waiting waiting;
      const auto store = [&](std::size_t i, DocumentReport doc) {
        report.spool->retain(doc);
        report.documents[i] = std::move(doc);
        const std::size_t finished = ++done;
        if (progress) progress(finished, inputs.size());
      };
      // The interrupt is asked before an index is claimed, not after: each index claimed is
      // then taken from the read-ahead, which reads in order.
      while (!interrupt_requested()) {
        const std::size_t i = next++;
        if (i >= inputs.size()) break;
        DocumentReport failed;
        std::optional<Document> doc =
            read_input(inputs[i], bytes_of(i), settings.max_document_bytes, failed);
        if (doc) {
          waiting.add(i, checks.begin(std::move(*doc), inputs[i].path, batch.observer(i)));
        } else {
          waiting.add(i, std::move(failed));
        }
        waiting.finish_ready(checks, store);
      }
      waiting.finish_all(checks, store);
    } catch (...) {
      const std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = inputs.size();
    }
  };
  if (jobs <= 1) {
    worker();
  } else {
    std::vector<std::jthread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  }
  Speller::settle();  // Loads a worker started and no document came to need.
  // The rule packs load at a document's check: a run that checked none still reports a broken
  // rule file, as it did when the rules loaded with the checks.
  if (!failure && rule_packs_enabled(settings)) static_cast<void>(pack_rules(settings));
  if (failure) std::rethrow_exception(failure);
  report.interrupted = interrupt_requested();
  batch.finish(report);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace galley
