#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace galley {

/// Damerau-Levenshtein distance (optimal string alignment) between `a` and `b` in code points,
/// or `limit + 1` once it is certain to exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// A symmetric-delete index (as in SymSpell) over words numbered by the caller: each word is
/// stored under the hashes of every string made by deleting up to two of its code points, so the
/// words within two edits of a query are found without comparing it with every word.
class DeleteIndex {
 public:
  /// Indexes `count` lowercase words, word `id` being `word_at(id)`: two passes over their
  /// deletes, one to count them per hash bucket and one to place them (linear, no sort).
  void build(std::size_t count, const std::function<std::string_view(std::size_t)>& word_at);
  /// Ids of the words that may be within `max_distance` (at most 2) edits of `query`, sorted and
  /// unique; the caller verifies each with edit_distance.
  [[nodiscard]] std::vector<std::uint32_t> candidates(std::string_view query,
                                                      std::size_t max_distance) const;

 private:
  /// One delete of one word: the low half of its hash (the bucket holds the high bits).
  struct Entry {
    std::uint32_t check;
    std::uint32_t id;
  };

  [[nodiscard]] std::size_t bucket_of(std::uint64_t hash) const {
    return static_cast<std::size_t>(hash >> (64 - bucket_bits_));
  }

  std::vector<std::uint32_t> bucket_start_;  // Entries of bucket b: [start[b], start[b + 1]).
  std::vector<Entry> entries_;
  unsigned bucket_bits_ = 1;
};

/// A word near a query, from the frequency list.
struct NearWord {
  std::string_view word;  ///< Lowercase, as in the list.
  std::uint32_t count;    ///< How often it occurs in the list's corpus.
  std::size_t distance;   ///< Edit distance from the query.
};

/// Common English words with their frequency, and a symmetric-delete index that finds the
/// words within two edits of a query without calling Hunspell. Built once per process, then
/// shared read-only between threads.
class WordIndex {
 public:
  /// Reads `word<TAB>count` lines from `path`; throws LoadError when it cannot.
  explicit WordIndex(const std::string& path);

  /// The process-wide index over dictionaries/frequency-en.tsv, built on first use.
  static const WordIndex& shared();

  /// The corpus count of lowercase `word`, 0 when it is not in the list.
  [[nodiscard]] std::uint32_t count(std::string_view word) const;
  /// Words within `max_distance` (at most 2) edits of lowercase `query`, nearest first, then
  /// most frequent first.
  [[nodiscard]] std::vector<NearWord> near(std::string_view query, std::size_t max_distance) const;
  /// Number of words in the list.
  [[nodiscard]] std::size_t size() const { return words_.size(); }

 private:
  std::vector<std::pair<std::string, std::uint32_t>> words_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  DeleteIndex deletes_;
};

}  // namespace galley
