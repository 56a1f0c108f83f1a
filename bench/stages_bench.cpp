// Each stage of the pipeline in isolation, over 1x, 4x and 16x of real prose (the first 256 KB,
// 1 MB and 4 MB of bench/corpus/big.txt, made by bench/build-corpus): read, segment, spelling
// (the three spelling checks sharing one analysis), rule packs, duplicates within a document,
// typography, and the XML report. A stage whose cost is linear shows the same bytes per second
// at every size; docs/performance.md has the figures.
//   build/bench/galley_bench_stages [--benchmark_filter=Spell]
#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "checks/registry.hpp"
#include "core/data_path.hpp"
#include "input/reader.hpp"
#include "pipeline.hpp"
#include "report/xml_writer.hpp"
#include "segment/segmenter.hpp"
#include "segment/token_forms.hpp"

namespace galley {
namespace {

constexpr std::size_t kBaseBytes = 256 * 1024;

/// The first `bytes` of the corpus, cut at a line end; empty when the corpus is missing.
std::string corpus_prefix(std::size_t bytes) {
  static const std::string whole = [] {
    std::ifstream in(std::string(GALLEY_SOURCE_DIR) + "/bench/corpus/big.txt", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  if (whole.size() <= bytes) return whole;
  const std::size_t end = whole.rfind('\n', bytes);
  return whole.substr(0, end == std::string::npos ? bytes : end + 1);
}

/// A document of `multiple` x 256 KB, read and segmented, kept for the benchmarks' lifetime.
struct Prepared {
  std::unique_ptr<Document> doc;
  std::unique_ptr<AnalyzedDocument> analyzed;
};

const Prepared& prepared(std::size_t multiple) {
  static std::map<std::size_t, Prepared> cache;
  Prepared& entry = cache[multiple];
  if (entry.doc) return entry;
  entry.doc = std::make_unique<Document>(read_document(
      SourceText("big.txt", corpus_prefix(kBaseBytes * multiple)), InputFormat::text));
  entry.analyzed = std::make_unique<AnalyzedDocument>(
      AnalyzedDocument{*entry.doc, {}, {}, "en-US", 0, nullptr, nullptr, nullptr});
  Segmenter segmenter;
  for (const Block& block : entry.doc->blocks) {
    entry.analyzed->segments.push_back(
        {segmenter.sentences(block.text), segmenter.tokens(block.text)});
  }
  number_forms(*entry.analyzed);
  return entry;
}

bool skip_without_corpus(benchmark::State& state, std::string_view text) {
  if (!text.empty()) return false;
  state.SkipWithError("bench/corpus/big.txt is missing: run bench/build-corpus");
  return true;
}

void set_bytes(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}

void BM_Read(benchmark::State& state) {
  const std::string text = corpus_prefix(kBaseBytes * static_cast<std::size_t>(state.range(0)));
  if (skip_without_corpus(state, text)) return;
  for (auto _ : state) {
    Document doc = read_document(SourceText("big.txt", text), InputFormat::text);
    benchmark::DoNotOptimize(doc.blocks.data());
  }
  set_bytes(state, text.size());
}

void BM_Segment(benchmark::State& state) {
  const Prepared& input = prepared(static_cast<std::size_t>(state.range(0)));
  if (skip_without_corpus(state, input.doc->source.bytes())) return;
  Segmenter segmenter;
  for (auto _ : state) {
    // The tokens' texts numbered too, as the pipeline's segmentation does (TokenForms).
    StringIndex texts;
    std::vector<std::uint32_t> ids;
    for (const Block& block : input.doc->blocks) {
      benchmark::DoNotOptimize(segmenter.sentences(block.text).data());
      const std::vector<Token> tokens = segmenter.tokens(block.text);
      number_tokens(block.text, tokens, texts, ids);
      benchmark::DoNotOptimize(ids.data());
    }
  }
  set_bytes(state, input.doc->source.bytes().size());
}

/// Runs the registry's checks whose id starts with `prefix` over a prepared document.
void run_checks(benchmark::State& state, std::string_view prefix) {
  const Prepared& input = prepared(static_cast<std::size_t>(state.range(0)));
  if (skip_without_corpus(state, input.doc->source.bytes())) return;
  Settings settings;
  std::vector<std::unique_ptr<Check>> checks;
  for (const CheckInfo& info : check_registry()) {
    if (info.make != nullptr && info.id.starts_with(prefix)) checks.push_back(info.make(settings));
  }
  for (auto _ : state) {
    input.analyzed->spelling.reset();  // Each iteration analyses afresh.
    input.analyzed->duplicates.reset();
    input.analyzed->varieties.reset();
    std::vector<Finding> findings;
    for (const auto& check : checks) check->check(*input.analyzed, findings);
    benchmark::DoNotOptimize(findings.data());
  }
  set_bytes(state, input.doc->source.bytes().size());
}

void BM_Spelling(benchmark::State& state) { run_checks(state, "spelling."); }
void BM_RulePacks(benchmark::State& state) { run_checks(state, "rules."); }
void BM_Duplicates(benchmark::State& state) { run_checks(state, "duplicate."); }
void BM_Typography(benchmark::State& state) { run_checks(state, "typography."); }

void BM_XmlReport(benchmark::State& state) {
  const Prepared& input = prepared(static_cast<std::size_t>(state.range(0)));
  if (skip_without_corpus(state, input.doc->source.bytes())) return;
  Settings settings;
  settings.language = "en-US";
  CheckSet checks(settings);
  Report report;
  report.documents.push_back(
      checks.check(read_document(SourceText("big.txt", std::string(input.doc->source.bytes())),
                                 InputFormat::text),
                   "big.txt"));
  for (auto _ : state) {
    std::ostringstream out;
    write_xml(report, out);
    benchmark::DoNotOptimize(out.tellp());
  }
  set_bytes(state, input.doc->source.bytes().size());
}

void sizes(benchmark::internal::Benchmark* bench) {
  bench->Arg(1)->Arg(4)->Arg(16)->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_Read)->Apply(sizes);
BENCHMARK(BM_Segment)->Apply(sizes);
BENCHMARK(BM_Spelling)->Apply(sizes);
BENCHMARK(BM_RulePacks)->Apply(sizes);
BENCHMARK(BM_Duplicates)->Apply(sizes);
BENCHMARK(BM_Typography)->Apply(sizes);
BENCHMARK(BM_XmlReport)->Apply(sizes);

}  // namespace
}  // namespace galley
