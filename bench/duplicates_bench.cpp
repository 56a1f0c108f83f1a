// Cost of the duplicate checks: duplicate.cross-document over 1x/4x/16x blocks (16x = 100,000
// blocks in 4,000 documents) and the within-document check over one document of 1x/4x/16x
// blocks (16x = 20,000 blocks, about 4.5 MB). Synthetic
// prose from a fixed seed: 20,000 made-up words, Zipf-like, 30-60 words a block, 1% of blocks
// copied from an earlier document (half of them with one word changed).
//   build/bench/galley_bench_duplicates
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "checks/duplicate_check.hpp"
#include "checks/duplicate_cross_document_check.hpp"
#include "input/reader.hpp"
#include "segment/segmenter.hpp"

namespace galley {
namespace {

constexpr std::size_t kBlocksPerDocument = 25;
constexpr std::size_t kBase = 6'250;        // 1x, across documents
constexpr std::size_t kWithinBase = 1'250;  // 1x, within one document

/// A document read and segmented, as the pipeline gives it to checks.
struct Analyzed {
  std::unique_ptr<Document> doc;
  std::unique_ptr<AnalyzedDocument> analyzed;
};

std::string make_word(std::size_t n) {
  std::string word;
  for (std::size_t k = n + 26 * 26; k > 0; k /= 26) word += static_cast<char>('a' + k % 26);
  return word;
}

class Corpus {
 public:
  explicit Corpus(std::size_t blocks) : rng_(5) {
    for (std::size_t n = 0; n < 20'000; ++n) vocabulary_.push_back(make_word(n));
    std::vector<std::string> texts;
    for (std::size_t b = 0; b < blocks; ++b) texts.push_back(next_block(texts));
    for (std::size_t d = 0; d * kBlocksPerDocument < blocks; ++d) {
      std::string text;
      for (std::size_t b = d * kBlocksPerDocument;
           b < std::min(blocks, (d + 1) * kBlocksPerDocument); ++b) {
        text += texts[b] + "\n\n";
      }
      add_document("doc" + std::to_string(d) + ".txt", std::move(text));
    }
  }
  /// Documents in order.
  const std::vector<Analyzed>& documents() const { return documents_; }

 private:
  std::string next_block(const std::vector<std::string>& earlier) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    if (earlier.size() > kBlocksPerDocument && unit(rng_) < 0.01) {
      std::string copy = earlier[static_cast<std::size_t>(
          unit(rng_) * static_cast<double>(earlier.size() - kBlocksPerDocument))];
      if (unit(rng_) < 0.5) copy.insert(copy.find(' '), "x");
      return copy;
    }
    std::string text;
    const std::size_t words = 30 + static_cast<std::size_t>(unit(rng_) * 30);
    for (std::size_t w = 0; w < words; ++w) {
      // Zipf-like: the square of a uniform number favours the first words of the vocabulary.
      const double u = unit(rng_);
      text += vocabulary_[static_cast<std::size_t>(u * u *
                                                   static_cast<double>(vocabulary_.size() - 1))];
      text += (w + 1) % 15 == 0 || w + 1 == words ? ". " : " ";
    }
    text.pop_back();
    return text;
  }

  void add_document(std::string path, std::string text) {
    Analyzed entry;
    entry.doc = std::make_unique<Document>(
        read_document(SourceText(std::move(path), std::move(text)), InputFormat::text));
    entry.analyzed = std::make_unique<AnalyzedDocument>(
        AnalyzedDocument{*entry.doc, {}, {}, "en-US", 0, nullptr, nullptr, nullptr});
    for (const Block& block : entry.doc->blocks) {
      entry.analyzed->segments.push_back(
          {segmenter_.sentences(block.text), segmenter_.tokens(block.text)});
    }
    number_forms(*entry.analyzed);
    documents_.push_back(std::move(entry));
  }

  std::mt19937_64 rng_;
  std::vector<std::string> vocabulary_;
  Segmenter segmenter_;
  std::vector<Analyzed> documents_;
};

const Corpus& corpus() {
  static const Corpus kCorpus(16 * kBase);
  return kCorpus;
}

void BM_CrossDocument(benchmark::State& state) {
  const std::size_t documents = static_cast<std::size_t>(state.range(0)) / kBlocksPerDocument;
  const std::vector<Analyzed>& all = corpus().documents();
  std::size_t findings = 0;
  for (auto _ : state) {
    const Settings settings;
    auto check = DuplicateCrossDocumentCheck::make(settings);
    for (std::size_t d = 0; d < documents; ++d) check->collect(d, *all[d].analyzed);
    findings = 0;
    check->finish([&](std::size_t, const Finding&) { ++findings; });
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["blocks/s"] = benchmark::Counter(static_cast<double>(state.range(0)),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CrossDocument)
    ->Arg(kBase)
    ->Arg(4 * kBase)
    ->Arg(16 * kBase)
    ->Unit(benchmark::kMillisecond);

void BM_WithinDocument(benchmark::State& state) {
  // One document made of the first N blocks of the corpus.
  const std::size_t blocks = static_cast<std::size_t>(state.range(0));
  std::string text;
  std::size_t taken = 0;
  for (const Analyzed& entry : corpus().documents()) {
    for (const Block& block : entry.doc->blocks) {
      if (taken++ < blocks) text.append(block.text).append("\n\n");
    }
  }
  const Document doc = read_document(SourceText("one.txt", text), InputFormat::text);
  AnalyzedDocument analyzed{doc, {}, {}, "en-US", 0, nullptr, nullptr, nullptr};
  Segmenter segmenter;
  for (const Block& block : doc.blocks) {
    analyzed.segments.push_back({segmenter.sentences(block.text), segmenter.tokens(block.text)});
  }
  number_forms(analyzed);
  DuplicateCheck check("duplicate.paragraph");
  std::size_t findings = 0;
  for (auto _ : state) {
    std::vector<Finding> out;
    analyzed.duplicates = nullptr;  // The search is kept on the document: search every time.
    check.check(analyzed, out);
    findings = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["bytes"] = static_cast<double>(text.size());
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["blocks/s"] = benchmark::Counter(static_cast<double>(blocks),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_WithinDocument)
    ->Arg(kWithinBase)
    ->Arg(4 * kWithinBase)
    ->Arg(16 * kWithinBase)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace galley
