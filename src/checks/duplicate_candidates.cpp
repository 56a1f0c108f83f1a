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

/// The word bigrams of all units, flat, each as the id of the bigram in the sorted table of
/// distinct bigrams (ids keep the bigrams' order, so a unit's sorted ids are its sorted
/// bigrams): unit u's are [offset[u], offset[u + 1]), sorted, unique. 4-byte ids rather than
/// the 8-byte bigrams: this is the search's peak of memory on a long document.
struct Shingles {
  std::vector<std::uint32_t> id;     ///< Bigram ids, unit after unit.
  std::vector<std::size_t> offset;   ///< Where each unit's start; one more entry at the end.
  std::vector<std::uint32_t> units;  ///< By bigram id: the number of units it occurs in.

  /// The bigram ids of unit `u`.
  [[nodiscard]] std::span<const std::uint32_t> of(std::size_t u) const {
    return {id.begin() + static_cast<std::ptrdiff_t>(offset[u]),
            id.begin() + static_cast<std::ptrdiff_t>(offset[u + 1])};
  }
};

/// The most edits allowed between a unit of `words` words and any unit it can be paired with: a
/// longer partner of m words (m <= words / 0.88) may be granted more than the unit itself.
std::size_t edit_bound(std::size_t words) { return allowed_edits(words + words / 7 + 2, 0); }

std::size_t count_shared(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
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

/// The word bigrams of `unit` (two word ids side by side: exact, where a hash of the text could
/// collide), sorted and unique; none for a unit too short to pair.
void bigrams_of(const DuplicateUnit& unit, std::vector<std::uint64_t>& out) {
  out.clear();
  if (unit.words.size() < kMinWords) return;
  for (std::size_t w = 1; w < unit.words.size(); ++w)
    out.push_back(std::uint64_t{unit.words[w - 1]} << 32U | unit.words[w]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

/// At least the number of bigrams bigrams_of() gives for all `units`.
std::size_t bigram_bound(const std::vector<DuplicateUnit>& units) {
  std::size_t bound = 0;
  for (const DuplicateUnit& unit : units) {
    if (unit.words.size() >= kMinWords) bound += unit.words.size() - 1;
  }
  return bound;
}

/// Every unit's bigrams in one sorted table of distinct bigrams, with the number of units each
/// occurs in (a sort of flat arrays rather than a hash map: this is the bulk of the work, and
/// it stays in cache order).
std::vector<std::uint64_t> distinct_bigrams(const std::vector<DuplicateUnit>& units,
                                            std::vector<std::uint32_t>& unit_counts) {
  std::vector<std::uint64_t> all;
  all.reserve(bigram_bound(units));  // Not left to doubling: this is the peak of the search.
  std::vector<std::uint64_t> own;
  for (const DuplicateUnit& unit : units) {
    bigrams_of(unit, own);
    all.insert(all.end(), own.begin(), own.end());
  }
  std::sort(all.begin(), all.end());
  std::size_t kept = 0;
  for (std::size_t run = 0; run < all.size();) {
    std::size_t end = run;
    while (end < all.size() && all[end] == all[run]) ++end;
    all[kept++] = all[run];
    unit_counts.push_back(static_cast<std::uint32_t>(end - run));
    run = end;
  }
  all.resize(kept);
  all.shrink_to_fit();
  return all;
}

/// Each unit's bigrams as ids into the table of distinct bigrams, made again unit by unit so
/// that the 8-byte bigrams of all units are never held twice.
Shingles shingle_units(const std::vector<DuplicateUnit>& units) {
  Shingles shingles;
  const std::vector<std::uint64_t> distinct = distinct_bigrams(units, shingles.units);
  shingles.offset.reserve(units.size() + 1);
  shingles.offset.push_back(0);
  shingles.id.reserve(bigram_bound(units));
  std::vector<std::uint64_t> own;
  for (const DuplicateUnit& unit : units) {
    bigrams_of(unit, own);
    for (const std::uint64_t bigram : own) {
      const auto at = std::lower_bound(distinct.begin(), distinct.end(), bigram);
      shingles.id.push_back(static_cast<std::uint32_t>(at - distinct.begin()));
    }
    shingles.offset.push_back(shingles.id.size());
  }
  return shingles;
}

/// (bigram id, unit) for the rarest 2e+1 bigrams of each unit, rarity then bigram deciding the
/// order: the same total order for every unit, as prefix filtering needs. Sorted.
std::vector<std::pair<std::uint32_t, std::uint32_t>> prefixes(
    const std::vector<DuplicateUnit>& units, const Shingles& shingles) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranked;  // (units, bigram id)
  for (std::size_t u = 0; u < units.size(); ++u) {
    ranked.clear();
    for (const std::uint32_t bigram : shingles.of(u))
      ranked.emplace_back(shingles.units[bigram], bigram);
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
  std::vector<std::pair<std::uint32_t, std::uint32_t>> later_earlier;
  std::vector<std::uint32_t> seen;  // Indexed units of the current bigram so far.
  for (std::size_t run = 0; run < entries.size();) {
    seen.clear();
    std::size_t end = run;
    for (; end < entries.size() && entries[end].first == entries[run].first; ++end) {
      const std::uint32_t later = entries[end].second;
      for (const std::uint32_t earlier : seen) later_earlier.emplace_back(later, earlier);
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
