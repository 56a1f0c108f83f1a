// Candidate pairs for the within-document duplicate check, by prefix filtering (Chaudhuri,
// Ganti and Kaushik 2006; Bayardo, Ma and Srikant 2007, "all-pairs"). Each unit is the set of
// its word bigrams. An edit of one word breaks at most the two bigrams it touches, so two units
// within e word edits each have at most 2e bigrams the other lacks; in any one global order of
// bigrams, the first bigram they share is then among the first 2e+1 of both. Only those
// prefixes are indexed, rarest bigram first so that the posting lists stay short, and a
// candidate is kept only when the units share enough bigrams overall. No pair within the
// allowed edits is lost; see docs/checks/duplicate.md.
#include "checks/duplicate_candidates.hpp"

#include <algorithm>
#include <cstdint>
#include <span>

namespace galley {
namespace {

// A unit of 4 words is within one edit of units of 5 words at most, and none under 6 counts.
constexpr std::size_t kMinWords = 5;
// Exact copies of one unit beyond this many are paired with what came before them but are not
// indexed: a later unit pairs with the first copies instead, which have the same words. Keeps a
// unit repeated thousands of times from making every pair of its copies a candidate.
constexpr std::size_t kMaxIndexedCopies = 4;

/// The word bigrams of all units, flat: unit u's are [offset[u], offset[u + 1]), sorted, unique.
/// A bigram is its two word ids side by side: exact, where a hash of the text could collide.
struct Shingles {
  std::vector<std::uint64_t> hash;  ///< Bigrams, unit after unit.
  std::vector<std::size_t> offset;  ///< Where each unit's start; one more entry at the end.

  /// The bigrams of unit `u`.
  [[nodiscard]] std::span<const std::uint64_t> of(std::size_t u) const {
    return {hash.begin() + static_cast<std::ptrdiff_t>(offset[u]),
            hash.begin() + static_cast<std::ptrdiff_t>(offset[u + 1])};
  }
};

/// The most edits allowed between a unit of `words` words and any unit it can be paired with: a
/// longer partner of m words (m <= words / 0.88) may be granted more than the unit itself.
std::size_t edit_bound(std::size_t words) { return allowed_edits(words + words / 7 + 2, 0); }

std::size_t count_shared(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  std::size_t shared = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

/// True when the lengths are within the allowed edits and neither unit has more than 2e bigrams
/// the other lacks: a necessary condition, checked before the word-level alignment.
bool close_enough(const std::vector<DuplicateUnit>& units, const Shingles& shingles, std::size_t a,
                  std::size_t b) {
  const std::size_t longer = std::max(units[a].words.size(), units[b].words.size());
  const std::size_t shorter = std::min(units[a].words.size(), units[b].words.size());
  const std::size_t edits = allowed_edits(longer, 0);
  if (longer - shorter > edits) return false;
  const std::size_t most = std::max(shingles.of(a).size(), shingles.of(b).size());
  return count_shared(shingles.of(a), shingles.of(b)) + 2 * edits >= most;
}

Shingles shingle_units(const std::vector<DuplicateUnit>& units) {
  Shingles shingles;
  shingles.offset.push_back(0);
  for (const DuplicateUnit& unit : units) {
    if (unit.words.size() >= kMinWords) {
      std::vector<std::uint64_t> own;
      own.reserve(unit.words.size() - 1);
      for (std::size_t w = 1; w < unit.words.size(); ++w)
        own.push_back(std::uint64_t{unit.words[w - 1]} << 32U | unit.words[w]);
      std::sort(own.begin(), own.end());
      own.erase(std::unique(own.begin(), own.end()), own.end());
      shingles.hash.insert(shingles.hash.end(), own.begin(), own.end());
    }
    shingles.offset.push_back(shingles.hash.size());
  }
  return shingles;
}

/// For each bigram of `shingles` (same positions), the number of units it occurs in. Sorting
/// flat arrays rather than counting in a hash map: this is the bulk of the work, and it stays
/// in cache order. A sorted copy of the bigrams alone, not of (bigram, position) pairs, then a
/// binary search for each: half the memory at the peak of the search.
std::vector<std::uint32_t> unit_counts(const Shingles& shingles) {
  std::vector<std::uint64_t> distinct = shingles.hash;
  std::sort(distinct.begin(), distinct.end());
  std::vector<std::uint32_t> units;  // Per distinct bigram.
  std::size_t kept = 0;
  for (std::size_t run = 0; run < distinct.size();) {
    std::size_t end = run;
    while (end < distinct.size() && distinct[end] == distinct[run]) ++end;
    distinct[kept++] = distinct[run];
    units.push_back(static_cast<std::uint32_t>(end - run));
    run = end;
  }
  distinct.resize(kept);
  distinct.shrink_to_fit();
  std::vector<std::uint32_t> counts;
  counts.reserve(shingles.hash.size());
  for (const std::uint64_t bigram : shingles.hash) {
    const auto at = std::lower_bound(distinct.begin(), distinct.end(), bigram);
    counts.push_back(units[static_cast<std::size_t>(at - distinct.begin())]);
  }
  return counts;
}

/// (bigram, unit) for the rarest 2e+1 bigrams of each unit, rarity then bigram deciding the
/// order: the same total order for every unit, as prefix filtering needs. Sorted.
std::vector<std::pair<std::uint64_t, std::uint32_t>> prefixes(
    const std::vector<DuplicateUnit>& units, const Shingles& shingles) {
  const std::vector<std::uint32_t> counts = unit_counts(shingles);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
  std::vector<std::pair<std::uint32_t, std::uint64_t>> ranked;  // (units, bigram)
  for (std::size_t u = 0; u < units.size(); ++u) {
    ranked.clear();
    for (std::size_t at = shingles.offset[u]; at < shingles.offset[u + 1]; ++at)
      ranked.emplace_back(counts[at], shingles.hash[at]);
    const std::size_t length = std::min(ranked.size(), 2 * edit_bound(units[u].words.size()) + 1);
    const auto end = ranked.begin() + static_cast<std::ptrdiff_t>(length);
    std::partial_sort(ranked.begin(), end, ranked.end());
    for (auto it = ranked.begin(); it != end; ++it)
      entries.emplace_back(it->second, static_cast<std::uint32_t>(u));
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

/// Equal for units with the same words that accept() treats alike (caption, sentence or not).
std::uint64_t exact_key(const DuplicateUnit& unit) {
  std::uint64_t key = stable_hash(unit.caption ? "c" : "-");
  key = stable_hash(unit.kind == UnitKind::sentence ? "s" : "-", key);
  for (const std::uint32_t word : unit.words) {
    key ^= word;  // FNV-1a over word ids rather than bytes.
    key *= 1099511628211ULL;
  }
  return key;
}

/// False for the exact copies of a unit after its first kMaxIndexedCopies.
std::vector<bool> indexed_units(const std::vector<DuplicateUnit>& units) {
  std::vector<std::pair<std::uint64_t, std::size_t>> keys;  // (exact key, unit)
  keys.reserve(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) keys.emplace_back(exact_key(units[u]), u);
  std::sort(keys.begin(), keys.end());
  std::vector<bool> indexed(units.size(), true);
  for (std::size_t k = kMaxIndexedCopies; k < keys.size(); ++k) {
    if (keys[k].first == keys[k - kMaxIndexedCopies].first) indexed[keys[k].second] = false;
  }
  return indexed;
}

}  // namespace

std::vector<CandidatePair> candidate_pairs(const std::vector<DuplicateUnit>& units) {
  const Shingles shingles = shingle_units(units);
  const std::vector<bool> indexed = indexed_units(units);
  const auto entries = prefixes(units, shingles);
  std::vector<std::pair<std::size_t, std::size_t>> later_earlier;
  std::vector<std::size_t> seen;  // Indexed units of the current bigram so far.
  for (std::size_t run = 0; run < entries.size();) {
    seen.clear();
    std::size_t end = run;
    for (; end < entries.size() && entries[end].first == entries[run].first; ++end) {
      const std::size_t later = entries[end].second;
      for (const std::size_t earlier : seen) later_earlier.emplace_back(later, earlier);
      if (indexed[later]) seen.push_back(later);
    }
    run = end;
  }
  std::sort(later_earlier.begin(), later_earlier.end());
  later_earlier.erase(std::unique(later_earlier.begin(), later_earlier.end()), later_earlier.end());
  std::vector<CandidatePair> pairs;
  for (const auto& [later, earlier] : later_earlier) {
    if (close_enough(units, shingles, earlier, later)) pairs.emplace_back(earlier, later);
  }
  return pairs;
}

}  // namespace galley
