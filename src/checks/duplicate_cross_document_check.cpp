// The same caption or paragraph in two documents of one run. Each block is reduced to a MinHash
// signature of its word 3-shingles; LSH banding (16 bands of 2 values) groups blocks that may be
// alike, so the work grows with the number of blocks, not with its square. A pair counts when at
// least kAgree of the 32 values agree (estimated resemblance >= 0.72) and the lengths are within
// 15% of each other, or the word hashes match.
#include "checks/duplicate_cross_document_check.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <span>
#include <utility>

#include "checks/duplicate_units.hpp"
#include "checks/registry.hpp"
#include "core/min_hash.hpp"

namespace galley {
namespace {

using Fingerprint = DuplicateCrossDocumentCheck::Fingerprint;

constexpr std::string_view kId = "duplicate.cross-document";
constexpr std::size_t kMinParagraphWords = 8;
constexpr std::size_t kMinCaptionWords = 6;
constexpr std::size_t kRows = 2;         // Values per LSH band.
constexpr std::size_t kAgree = 23;       // Of 32: estimated resemblance >= 0.72.
constexpr std::size_t kMaxCompare = 16;  // Earlier members of a band bucket compared with each.
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

using min_hash::mix;

/// Signs a block by its words' key hashes (word_key_hash): the exact hash and the 3-shingles
/// are made from those, not from the words' bytes again.
void sign(std::span<const std::uint64_t> words, Fingerprint& print) {
  std::uint64_t exact = mix(words.size());
  for (const std::uint64_t word : words) exact = mix(exact ^ word);
  print.exact = exact;
  min_hash::Lows low{};
  low.fill(std::numeric_limits<std::uint64_t>::max());
  min_hash::lower_to_min(low, shingle_hashes(words, 3));
  for (std::size_t k = 0; k < low.size(); ++k)
    print.minhash[k] = static_cast<std::uint32_t>(low[k] >> 32U);
}

std::size_t agreement(const Fingerprint& a, const Fingerprint& b) {
  std::size_t same = 0;
  for (std::size_t k = 0; k < a.minhash.size(); ++k)
    if (a.minhash[k] == b.minhash[k]) ++same;
  return same;
}

/// (band key, fingerprint index) for every band of every fingerprint of `all`, sorted. The
/// keys are hashes, spread evenly: they are dealt into buckets by their top 16 bits (two passes
/// over the keys, made once into an array of their own, the fingerprint read from the place),
/// and each bucket, a few pairs, sorted on its own; five times faster than std::sort on the
/// 400,000 keys of the bench's 2,250 files. Every table here is memory the kernel zeroes at
/// first touch, with the workers done and a core idle: they are kept small.
std::vector<std::pair<std::uint64_t, std::uint32_t>> band_keys(
    const std::vector<const Fingerprint*>& all) {
  constexpr std::size_t kBands = DuplicateCrossDocumentCheck::kHashes / kRows;
  std::vector<std::uint64_t> keys;
  keys.reserve(all.size() * kBands);
  for (const Fingerprint* print : all) {
    for (std::size_t band = 0; band < kBands; ++band) {
      const std::size_t first = band * kRows;
      std::uint64_t key = mix(first + 1);
      for (std::size_t r = 0; r < kRows; ++r) key = mix(key ^ print->minhash[first + r]);
      keys.push_back(key);
    }
  }
  constexpr unsigned kBucketBits = 16;
  constexpr std::size_t kBuckets = std::size_t{1} << kBucketBits;
  const auto bucket_of = [](std::uint64_t key) {
    return static_cast<std::size_t>(key >> (64U - kBucketBits));
  };
  std::vector<std::uint32_t> start(kBuckets + 1, 0);
  for (const std::uint64_t key : keys) ++start[bucket_of(key) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::pair<std::uint64_t, std::uint32_t>> dealt(keys.size());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    dealt[next[bucket_of(keys[k])]++] = {keys[k], static_cast<std::uint32_t>(k / kBands)};
  }
  for (std::size_t b = 0; b < kBuckets; ++b) {
    std::sort(dealt.begin() + start[b], dealt.begin() + start[b + 1]);
  }
  return dealt;
}

bool alike(const Fingerprint& a, const Fingerprint& b) {
  if (a.exact == b.exact) return true;
  // A paragraph that quotes much of another is not a copy of it: lengths must be close too.
  const std::uint32_t shorter = std::min(a.words, b.words);
  const std::uint32_t longer = std::max(a.words, b.words);
  return shorter * 100 >= longer * 85 && agreement(a, b) >= kAgree;
}

/// For each fingerprint, the first fingerprint of an earlier document that is alike (or kNone).
std::vector<std::uint32_t> earliest_matches(const std::vector<const Fingerprint*>& all) {
  std::vector<std::uint32_t> best(all.size(), kNone);
  const auto keys = band_keys(all);
  for (std::size_t group = 0; group < keys.size();) {
    std::size_t end = group;
    while (end < keys.size() && keys[end].first == keys[group].first) ++end;
    for (std::size_t m = group + 1; m < end; ++m) {
      const std::uint32_t later = keys[m].second;
      for (std::size_t e = group; e < m && e < group + kMaxCompare; ++e) {
        const std::uint32_t earlier = keys[e].second;
        if (all[earlier]->doc >= all[later]->doc || earlier >= best[later]) continue;
        if (alike(*all[earlier], *all[later])) best[later] = earlier;
      }
    }
    group = end;
  }
  return best;
}

}  // namespace

std::unique_ptr<BatchCheck> DuplicateCrossDocumentCheck::make(const Settings& /*settings*/) {
  return std::make_unique<DuplicateCrossDocumentCheck>();
}

std::vector<Fingerprint> DuplicateCrossDocumentCheck::fingerprints(std::size_t index,
                                                                   const AnalyzedDocument& doc) {
  std::vector<Fingerprint> prints;
  const std::vector<bool> exempt = exempt_blocks(doc.doc);
  // A block's words as make_unit() takes them, as their keys' hashes; a word that is not plain
  // ASCII has its key made in `key` (the others are hashed as they are lowered, with no copy).
  std::vector<std::uint64_t> words;
  std::string key;
  for (std::size_t b = 0; b < doc.doc.blocks.size(); ++b) {
    const Block& block = doc.doc.blocks[b];
    if (exempt[b]) continue;
    const std::string_view text = block.text;
    const Span trimmed = trim_span(text, {0, text.size()});
    words.clear();
    for (const Token& token : doc.segments[b].tokens) {
      if (!trimmed.contains(token.span())) continue;
      words.push_back(word_key_hash(text.substr(token.span().begin, token.span().size()), key));
    }
    const bool caption = block.kind == BlockKind::caption;
    if (words.size() < (caption ? kMinCaptionWords : kMinParagraphWords)) continue;
    Fingerprint print;
    print.doc = static_cast<std::uint32_t>(index);
    print.span = block.to_source(trimmed);
    print.line = static_cast<std::uint32_t>(doc.doc.source.locate(print.span.begin).line);
    print.caption = caption;
    print.words = static_cast<std::uint32_t>(words.size());
    sign(words, print);
    prints.push_back(print);
  }
  return prints;
}

void DuplicateCrossDocumentCheck::collect(std::size_t index, const AnalyzedDocument& doc) {
  std::vector<Fingerprint> prints = fingerprints(index, doc);  // The work: outside the lock.
  const std::lock_guard lock(mutex_);
  if (documents_.size() <= index) {
    documents_.resize(index + 1);
    paths_.resize(index + 1);
  }
  documents_[index] = std::move(prints);
  paths_[index] = doc.doc.source.path();
}

void DuplicateCrossDocumentCheck::finish(const std::function<void(std::size_t, Finding)>& emit) {
  // The fingerprints where they are, in document order: a copy of them all was 3.8 MB of the
  // 17.6 MB the comparison touched on the bench's 2,250 files (now 10).
  std::vector<const Fingerprint*> all;
  std::size_t total = 0;
  for (const std::vector<Fingerprint>& prints : documents_) total += prints.size();
  all.reserve(total);
  for (const std::vector<Fingerprint>& prints : documents_) {
    for (const Fingerprint& print : prints) all.push_back(&print);
  }
  const std::vector<std::uint32_t> best = earliest_matches(all);
  const CheckInfo& info = *find_check(kId);
  for (std::size_t f = 0; f < all.size(); ++f) {
    if (best[f] == kNone) continue;
    const Fingerprint& here = *all[f];
    const Fingerprint& other = *all[best[f]];
    const std::string noun = here.caption || other.caption ? "caption" : "paragraph";
    const std::string how = here.exact == other.exact ? "The same " : "A near-identical ";
    std::string message =
        how + noun + " is in " + paths_[other.doc] + " at line " + std::to_string(other.line);
    emit(here.doc, make_finding(info, here.span, std::move(message)));
  }
}

}  // namespace galley
