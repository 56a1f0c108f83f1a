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
#include <cassert>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>

#include "core/bit_count.hpp"

namespace galley {
namespace {

// A unit of 4 words is within one edit of units of 5 words at most, and none under 6 counts.
constexpr std::size_t kMinWords = 5;
// Exact copies of one unit beyond this many are paired with what came before them but are not
// indexed: a later unit pairs with the first copies instead, which have the same words. Keeps a
// unit repeated thousands of times from making every pair of its copies a candidate.
constexpr std::size_t kMaxIndexedCopies = 4;
// A unit pairs with at most this many indexed units of a row of postings (the nearest before it
// whose lengths are close): where a bigram opens the prefix of more units (lines of a list or a
// table made of the same few words, each within an edit of the others), n such lines are found
// as copies of their neighbours rather than as n²/2 pairs, which took 22.6 GB and 69 s for the
// 40,000 lines of a 1.2 MB list (64 partners: 0.7 s; 16: 0.4 s, with the same findings on
// bench/corpus and bench/duplicate-eval). Rows of prose are far shorter: a unit's prefix is its
// rarest bigrams, and a copy's own rare words give it a short row with its original.
constexpr std::size_t kMaxRowPartners = 16;
// The units looked at for those partners, the nearest first: most units met in a row differ too
// much in length, and a cap on the units taken, not met, keeps a copy of another length in reach.
constexpr std::size_t kMaxRowLooked = 256;

/// The word bigrams of all units, each as the id of one distinct bigram: unit u's are
/// [begin[u], end[u]) of the bigrams of the outermost units (a unit inside another has its
/// bigrams among the outer one's), in order, a bigram repeated in a unit there as often as it
/// is. 4-byte ids rather than the 8-byte bigrams, and no copy of a unit's own (which took as
/// much again as the outermost units' bigrams): this is the search's peak of memory on a long
/// document.
struct Shingles {
  std::vector<std::uint32_t> id;        ///< Bigram ids of the outermost units, by occurrence.
  std::vector<std::uint32_t> begin;     ///< By unit: where its ids start in `id`.
  std::vector<std::uint32_t> end;       ///< By unit: where they end.
  std::vector<std::uint32_t> distinct;  ///< By unit: its number of distinct bigrams.
  /// By bigram id: the number of units it occurs in, up to 65,535 (a cap keeps the order total).
  std::vector<std::uint16_t> units;

  /// The bigram ids of unit `u`, in order, repeats included.
  [[nodiscard]] std::span<const std::uint32_t> of(std::size_t u) const {
    return std::span<const std::uint32_t>(id).subspan(begin[u], end[u] - begin[u]);
  }
};

/// A set of bigram ids, a bit each, holding the bigrams of one unit at a time and emptied by
/// clear() with them: sorting each unit's ids to merge or unique them was most of the
/// shingling and of the candidates' check on a long document.
class BigramSet {
 public:
  /// A set for ids below `bigrams`.
  explicit BigramSet(std::size_t bigrams) : bits_((bigrams + 63) / 64, 0) {}

  /// Adds `id`; false when it was in the set.
  bool insert(std::uint32_t id) {
    std::uint64_t& word = bits_[id / 64];
    const std::uint64_t bit = std::uint64_t{1} << (id % 64);
    const bool added = (word & bit) == 0;
    word |= bit;
    return added;
  }
  /// True when `id` is in the set.
  [[nodiscard]] bool contains(std::uint32_t id) const {
    return ((bits_[id / 64] >> (id % 64)) & 1U) != 0;
  }
  /// Empties the set, which must hold `ids` and nothing else: each id's whole 64-bit word is
  /// zeroed, which would drop any other id of that word.
  void clear(std::span<const std::uint32_t> ids) {
    for (const std::uint32_t id : ids) bits_[id / 64] = 0;
  }

 private:
  std::vector<std::uint64_t> bits_;
};

/// The most edits allowed between a unit of `words` words and any unit it can be paired with: a
/// longer partner of m words (m <= words / 0.88) may be granted more than the unit itself.
std::size_t edit_bound(std::size_t words) { return allowed_edits(words + words / 7 + 2, 0); }

/// True when `unit` has at least `needed` of the ids in `other` (the bigrams of another unit).
/// The count stops once the ids left could not make up the shortfall: most candidate pairs
/// share a rare bigram of their prefixes and little else, and are ruled out within their first
/// few dozen ids rather than after all of them (a paragraph has hundreds). The sorted merge this
/// replaced could also stop where the other list ran out; the units' lengths being close, that
/// rarely came first.
/// A bigram repeated in `unit` counts once: `seen`, empty before and after, marks those met.
bool share_at_least(std::span<const std::uint32_t> unit, const BigramSet& other, std::size_t needed,
                    BigramSet& seen) {
  std::size_t shared = 0;
  std::size_t i = 0;
  for (; i < unit.size() && shared + (unit.size() - i) >= needed; ++i) {
    if (seen.insert(unit[i])) shared += static_cast<std::size_t>(other.contains(unit[i]));
  }
  seen.clear(unit.first(i));
  return shared >= needed;
}

/// True when units of `a` and `b` words differ in length by no more than the edits allowed.
bool lengths_close(std::size_t a, std::size_t b) {
  const std::size_t longer = std::max(a, b);
  return longer - std::min(a, b) <= allowed_edits(longer, 0);
}

/// True when neither unit has more than 2e bigrams the other lacks, for units whose lengths are
/// close: a necessary condition, checked before the word-level alignment. `b_bigrams` holds the
/// bigrams of `b`; `seen` is an empty set for share_at_least.
bool share_enough(const std::vector<DuplicateUnit>& units, const Shingles& shingles, std::size_t a,
                  std::size_t b, const BigramSet& b_bigrams, BigramSet& seen) {
  const std::size_t edits =
      allowed_edits(std::max(units[a].words.size(), units[b].words.size()), 0);
  const std::size_t most = std::max(shingles.distinct[a], shingles.distinct[b]);
  return share_at_least(shingles.of(a), b_bigrams, most > 2 * edits ? most - 2 * edits : 0, seen);
}

/// The units long enough to pair, in the order of their words' addresses (a sentence unit's
/// words are a stretch of its block's ids), the longer first where two start at one word; and
/// which of them lie in no unit before them. A unit that is not outermost lies inside the last
/// outermost unit before it, and the outermost units' bigrams are all the units' bigrams.
struct Nesting {
  std::vector<std::uint32_t> order;  ///< Unit numbers.
  std::vector<bool> outermost;       ///< By unit number.

  explicit Nesting(const std::vector<DuplicateUnit>& units) : outermost(units.size(), false) {
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (units[u].words.size() >= kMinWords) order.push_back(static_cast<std::uint32_t>(u));
    }
    const auto begin = [&](std::uint32_t u) { return units[u].words.data(); };
    const auto end = [&](std::uint32_t u) { return units[u].words.data() + units[u].words.size(); };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (begin(a) != begin(b)) return std::less<>{}(begin(a), begin(b));
      if (end(a) != end(b)) return std::greater<>{}(end(a), end(b));
      return a < b;
    });
    // A unit that starts no earlier than all units before it lies inside one of them exactly
    // when it ends no later than the furthest of their ends, which is the last outermost unit's
    // end. Arrays are disjoint, and no unit here is empty, so a unit never lies inside a unit of
    // another array's words.
    const std::uint32_t* reach = nullptr;  // The furthest end of the units so far.
    for (const std::uint32_t u : order) {
      if (reach == nullptr || std::greater<>{}(end(u), reach)) {
        outermost[u] = true;
        reach = end(u);
      }
    }
  }
};

/// Each bigram of the outermost units of `nesting`, unit after unit, as an id: one per distinct
/// bigram, numbered as met in the occurrences counting-sorted by first word. Within a first
/// word, the second words are told apart by a table by word id, so that no occurrence is looked
/// up (a binary search of each in a sorted table of distinct bigrams, a cache miss at most of its
/// steps, was half the shingling on a long document) and nothing is sorted. Prefix filtering
/// needs one order of the bigrams, not a particular one.
class BigramIds {
 public:
  BigramIds(const std::vector<DuplicateUnit>& units, const Nesting& nesting) {
    const auto each_bigram = [&](const auto& visit) {
      for (const std::uint32_t u : nesting.order) {
        if (!nesting.outermost[u]) continue;
        const std::span<const std::uint32_t> words = units[u].words;
        for (std::size_t w = 1; w < words.size(); ++w) visit(words[w - 1], words[w]);
      }
    };
    std::size_t words = 0;  // One more than the largest word id in a bigram.
    std::size_t count = 0;
    each_bigram([&](std::uint32_t first, std::uint32_t second) {
      words = std::max<std::size_t>(words, std::size_t{std::max(first, second)} + 1);
      ++count;
    });
    assert(count <= std::numeric_limits<std::uint32_t>::max());
    std::vector<std::uint32_t> start(words + 1, 0);  // By first word: where its occurrences start.
    each_bigram([&](std::uint32_t first, std::uint32_t) { ++start[first + 1]; });
    std::partial_sum(start.begin(), start.end(), start.begin());
    // Each occurrence's second word is held where its id goes, and overwritten by the id: the
    // two tables of 4 bytes an occurrence this takes were three (an 8-byte key by first word),
    // and these are the duplicate search's largest on a long document.
    id_.resize(count);
    std::vector<std::uint32_t> by_first(count);  // Occurrence numbers, by first word.
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    std::uint32_t occurrence = 0;
    each_bigram([&](std::uint32_t first, std::uint32_t second) {
      id_[occurrence] = second;
      by_first[next[first]++] = occurrence++;
    });
    // By second word: one more than the id of the bigram it last made, which is one of the
    // current first word's when larger than the ids before that first word's.
    std::vector<std::uint32_t> made(words, 0);
    std::uint32_t distinct = 0;
    for (std::size_t word = 0; word < words; ++word) {
      const std::uint32_t before = distinct;
      for (std::size_t k = start[word]; k < start[word + 1]; ++k) {
        std::uint32_t& id = id_[by_first[k]];
        std::uint32_t& last = made[id];
        if (last <= before) last = ++distinct;
        id = last - 1;
      }
    }
    distinct_ = distinct;
  }

  /// The number of distinct bigrams.
  [[nodiscard]] std::size_t distinct() const { return distinct_; }

  /// The ids of the bigrams of the outermost units, unit after unit in nesting order.
  [[nodiscard]] const std::vector<std::uint32_t>& ids() const { return id_; }
  /// The same ids, taken: the index is left without them.
  [[nodiscard]] std::vector<std::uint32_t> take_ids() { return std::move(id_); }

 private:
  std::vector<std::uint32_t> id_;  ///< By occurrence.
  std::size_t distinct_ = 0;
};

/// Each unit's bigrams as ids of distinct bigrams, and the number of units each bigram occurs
/// in. Each bigram is numbered once, at its place in the outermost unit holding it; the units
/// inside take their ids from there.
Shingles shingle_units(const std::vector<DuplicateUnit>& units) {
  const Nesting nesting(units);
  BigramIds bigrams(units, nesting);
  Shingles shingles;
  shingles.units.assign(bigrams.distinct(), 0);
  BigramSet in_unit(bigrams.distinct());
  shingles.begin.assign(units.size(), 0);
  shingles.end.assign(units.size(), 0);
  shingles.distinct.assign(units.size(), 0);
  const std::span<const std::uint32_t> ids = bigrams.ids();
  std::size_t at = 0;  // Where the bigrams of `outer` start in `ids`.
  std::size_t outer_bigrams = 0;
  const std::uint32_t* outer = nullptr;
  for (const std::uint32_t u : nesting.order) {
    const std::span<const std::uint32_t> words = units[u].words;
    if (nesting.outermost[u]) {
      at += outer_bigrams;
      outer = words.data();
      outer_bigrams = words.size() - 1;
    }
    const std::size_t from = at + static_cast<std::size_t>(words.data() - outer);
    const std::span<const std::uint32_t> own = ids.subspan(from, words.size() - 1);
    std::uint32_t distinct = 0;
    for (const std::uint32_t id : own) {
      if (!in_unit.insert(id)) continue;
      ++distinct;
      std::uint16_t& count = shingles.units[id];
      if (count < std::numeric_limits<std::uint16_t>::max()) ++count;
    }
    in_unit.clear(own);
    shingles.begin[u] = static_cast<std::uint32_t>(from);
    shingles.end[u] = static_cast<std::uint32_t>(from + own.size());
    shingles.distinct[u] = distinct;
  }
  shingles.id = bigrams.take_ids();
  return shingles;
}

/// The bigrams of unit `u`'s prefix that are in more than one unit, into `shared` in no order.
/// The prefix is the unit's rarest 2e+1 bigrams, rarity then bigram id deciding, the same total
/// order for every unit, as prefix filtering needs. Bigrams in this unit alone come first in
/// that order and pair nothing: they are counted, not ranked, and the rest of the prefix is
/// selected from the shared bigrams alone (as one 8-byte key each, count above id), most often
/// none at all. `seen`, an empty set, marks the unit's bigrams met, and is emptied again.
void shared_prefix_of(const std::vector<DuplicateUnit>& units, const Shingles& shingles,
                      std::size_t u, std::vector<std::uint64_t>& shared, BigramSet& seen) {
  shared.clear();
  std::size_t own = 0;
  for (const std::uint32_t bigram : shingles.of(u)) {
    if (!seen.insert(bigram)) continue;  // Repeated in the unit.
    const std::uint32_t count = shingles.units[bigram];
    if (count > 1) {
      shared.push_back(std::uint64_t{count} << 32U | bigram);
    } else {
      ++own;
    }
  }
  seen.clear(shingles.of(u));
  const std::size_t length =
      std::min<std::size_t>(shingles.distinct[u], 2 * edit_bound(units[u].words.size()) + 1);
  const std::size_t wanted = length > own ? length - own : 0;
  if (wanted >= shared.size()) return;
  // The entries are distinct (a unit's bigrams are), so the prefix is one set whatever order
  // it comes in: selected, not sorted.
  std::nth_element(shared.begin(), shared.begin() + static_cast<std::ptrdiff_t>(wanted),
                   shared.end());
  shared.resize(wanted);
}

/// Of each unit's prefix, the bigrams in more than one unit: the others, most of them on a long
/// document, can pair nothing. Worked out once for the postings' two passes and the probe (the
/// selection was a third of the search), and small: a unit's rarest bigrams are mostly its own.
class SharedPrefixes {
 public:
  SharedPrefixes(const std::vector<DuplicateUnit>& units, const Shingles& shingles) {
    offset_.reserve(units.size() + 1);
    offset_.push_back(0);
    std::vector<std::uint64_t> shared;
    BigramSet seen(shingles.units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
      shared_prefix_of(units, shingles, u, shared, seen);
      for (const std::uint64_t key : shared) bigram_.push_back(static_cast<std::uint32_t>(key));
      offset_.push_back(static_cast<std::uint32_t>(bigram_.size()));
    }
    bigram_.shrink_to_fit();
  }

  /// The shared bigram ids of unit `u`'s prefix, in no order.
  [[nodiscard]] std::span<const std::uint32_t> of(std::size_t u) const {
    return std::span<const std::uint32_t>(bigram_).subspan(offset_[u], offset_[u + 1] - offset_[u]);
  }

 private:
  std::vector<std::uint32_t> bigram_;  ///< Bigram ids, unit after unit.
  std::vector<std::uint32_t> offset_;  ///< Where each unit's start; one more at the end.
};

/// A unit in a posting list, with its length (most units met in a list are too long or too
/// short to pair) and whether it is indexed (only an indexed unit pairs with those after it).
/// A unit of 2^31 words would be a document of 8 GiB: documents stop at 4 GiB.
struct Posting {
  std::uint32_t unit = 0;           ///< Unit number.
  std::uint32_t words_indexed = 0;  ///< Its number of words, times two, plus one if indexed.

  [[nodiscard]] std::size_t words() const { return words_indexed >> 1U; }
  /// True when a later unit of the list may pair with it.
  [[nodiscard]] bool indexed() const { return (words_indexed & 1U) != 0; }
};

/// For each bigram in more than one unit, the units whose prefix holds it, in unit order:
/// compressed rows of postings, with no (bigram, unit) table to sort. Rows are numbered by rank
/// among the shared bigrams (a bit per bigram and a count per 64 bits), not by bigram id: on a
/// long document most bigrams are in one unit.
class Postings {
 public:
  /// The postings of every unit's shared prefix: counted, then filled.
  Postings(const std::vector<DuplicateUnit>& units, const Shingles& shingles,
           const SharedPrefixes& prefixes, const std::vector<bool>& indexed) {
    rank_shared(shingles);
    for (std::size_t u = 0; u < units.size(); ++u) {
      for (const std::uint32_t bigram : prefixes.of(u)) ++start_[row(bigram) + 1];
    }
    std::partial_sum(start_.begin(), start_.end(), start_.begin());
    posting_.resize(start_.back());
    // Each row's start serves as its cursor, which leaves it at the next row's start.
    for (std::size_t u = 0; u < units.size(); ++u) {
      const Posting posting{
          static_cast<std::uint32_t>(u),
          static_cast<std::uint32_t>(units[u].words.size() << 1U) | (indexed[u] ? 1U : 0U)};
      for (const std::uint32_t bigram : prefixes.of(u)) posting_[start_[row(bigram)]++] = posting;
    }
    std::copy_backward(start_.begin(), start_.end() - 1, start_.end());
    start_[0] = 0;
  }

  /// The number of rows.
  [[nodiscard]] std::size_t rows() const { return start_.size() - 1; }
  /// The units of row `r`, in order.
  [[nodiscard]] std::span<const Posting> row_units(std::size_t r) const {
    return std::span<const Posting>(posting_).subspan(start_[r], start_[r + 1] - start_[r]);
  }

 private:
  void rank_shared(const Shingles& shingles) {
    const std::size_t bigrams = shingles.units.size();
    shared_.assign((bigrams + 63) / 64, 0);
    rank_.assign(shared_.size(), 0);
    std::uint32_t rows = 0;
    for (std::size_t b = 0; b < bigrams; ++b) {
      if (b % 64 == 0) rank_[b / 64] = rows;
      if (shingles.units[b] > 1) {
        shared_[b / 64] |= std::uint64_t{1} << (b % 64);
        ++rows;
      }
    }
    start_.assign(std::size_t{rows} + 1, 0);
  }

  /// The row of shared `bigram`: the shared bigrams before it.
  [[nodiscard]] std::uint32_t row(std::uint32_t bigram) const {
    const std::uint64_t below = (std::uint64_t{1} << (bigram % 64)) - 1;
    return rank_[bigram / 64] + static_cast<std::uint32_t>(bit_count(shared_[bigram / 64] & below));
  }

  std::vector<std::uint64_t> shared_;  ///< A bit per bigram id: set when in more than one unit.
  std::vector<std::uint32_t> rank_;    ///< Per 64 bigram ids: the shared bigrams before them.
  std::vector<std::uint32_t> start_;   ///< By row, one more at the end: where its units start.
  std::vector<Posting> posting_;       ///< Row after row.
};

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

// The pairs are read off the rows of postings one row after another, each unit with the
// indexed ones before it in the row, rather than by looking up, for each unit, the row of each
// of its prefix bigrams: those lookups landed anywhere in the rows, a cache miss or more each
// (1.3 million on big.txt, most of the search's time), for rows of a few units.
std::vector<CandidatePair> candidate_pairs(const std::vector<DuplicateUnit>& units) {
  // First, while the units are all there is: its sort's table (16 bytes a unit) then serves the
  // shingles again rather than adding to their peak.
  const std::vector<bool> indexed_copies = indexed_units(units);
  const Shingles shingles = shingle_units(units);
  const SharedPrefixes prefixes(units, shingles);
  const Postings postings(units, shingles, prefixes, indexed_copies);
  std::vector<std::uint64_t> found;  // (later << 32 | earlier), of lengths close enough.
  std::vector<Posting> indexed;      // The indexed units of the current row.
  for (std::size_t r = 0; r < postings.rows(); ++r) {
    indexed.clear();
    for (const Posting later : postings.row_units(r)) {
      // Nine in ten units met here differ too much in length (big.txt): they go before the
      // sort, not after it.
      std::size_t partners = 0;
      const std::size_t looked = std::min(indexed.size(), kMaxRowLooked);
      for (std::size_t k = 1; k <= looked && partners < kMaxRowPartners; ++k) {
        const Posting earlier = indexed[indexed.size() - k];
        if (!lengths_close(earlier.words(), later.words())) continue;
        found.push_back(std::uint64_t{later.unit} << 32U | earlier.unit);
        ++partners;
      }
      if (later.indexed()) indexed.push_back(later);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<CandidatePair> pairs;
  // The pairs come by later unit: its bigrams go into the set once for all its earlier ones.
  BigramSet later_bigrams(shingles.units.size());
  BigramSet seen(shingles.units.size());
  std::size_t in_set = units.size();
  for (const std::uint64_t pair : found) {
    const std::size_t later = pair >> 32U;
    const std::size_t earlier = pair & 0xFFFF'FFFFU;
    if (later != in_set) {
      if (in_set != units.size()) later_bigrams.clear(shingles.of(in_set));
      for (const std::uint32_t id : shingles.of(later)) later_bigrams.insert(id);
      in_set = later;
    }
    if (share_enough(units, shingles, earlier, later, later_bigrams, seen)) {
      pairs.emplace_back(earlier, later);
    }
  }
  return pairs;
}

}  // namespace galley
