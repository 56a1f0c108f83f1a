#include "report/annotate.hpp"

#include <algorithm>

namespace galley {
namespace {

/// The innermost block containing [begin, end): the latest-starting block that still covers it.
const BlockRecord* block_at(const std::vector<BlockRecord>& blocks, std::size_t begin, std::size_t end) {
  auto it = std::upper_bound(blocks.begin(), blocks.end(), begin,
                             [](std::size_t off, const BlockRecord& b) { return off < b.span.begin; });
  for (int steps = 0; it != blocks.begin() && steps < 16; ++steps) {
    --it;
    if (it->span.begin <= begin && end <= it->span.end) return &*it;
  }
  return nullptr;
}

}  // namespace

std::vector<AnnotatedRun> annotate(const DocumentReport& doc) {
  const std::size_t size = doc.source.bytes().size();
  std::vector<std::size_t> cuts{0, size};
  for (const BlockRecord& block : doc.blocks) {
    cuts.push_back(std::min(block.span.begin, size));
    cuts.push_back(std::min(block.span.end, size));
  }
  for (const Finding& finding : doc.findings) {
    cuts.push_back(std::min(finding.span.begin, size));
    cuts.push_back(std::min(finding.span.end, size));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  // Findings sorted by begin; a sweep keeps those open at each cut.
  std::vector<std::size_t> order(doc.findings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return doc.findings[a].span.begin < doc.findings[b].span.begin;
  });
  std::vector<AnnotatedRun> runs;
  std::vector<std::size_t> open;
  std::size_t next = 0;
  const BlockRecord* previous_block = nullptr;
  const BlockRecord* last_started = nullptr;  // Blocks are in source order: an earlier one resumes.
  for (std::size_t c = 0; c + 1 < cuts.size() || (c == 0 && size == 0); ++c) {
    const std::size_t begin = cuts[c];
    const std::size_t end = c + 1 < cuts.size() ? cuts[c + 1] : begin;
    while (next < order.size() && doc.findings[order[next]].span.begin <= begin) {
      open.push_back(order[next++]);
    }
    std::erase_if(open, [&](std::size_t i) {
      const Span span = doc.findings[i].span;
      return span.end <= begin && !(span.empty() && span.begin == begin);
    });
    const BlockRecord* block = block_at(doc.blocks, begin, end);
    for (const std::size_t i : open) {
      if (doc.findings[i].span.empty()) {
        runs.push_back({{begin, begin}, block, false, false, {i}});
      }
    }
    std::erase_if(open, [&](std::size_t i) { return doc.findings[i].span.empty(); });
    if (end == begin) break;
    AnnotatedRun run{{begin, end}, block, false, false, open};
    if (block != nullptr && block != previous_block) {
      run.starts_container = true;
      run.continued = last_started != nullptr && block <= last_started;
      if (!run.continued) last_started = block;
    }
    previous_block = block;
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace galley
