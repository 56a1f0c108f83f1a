#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace galley {

/// Damerau-Levenshtein distance (optimal string alignment) between `a` and `b` in code points,
/// or `limit + 1` once it is certain to exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

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
  void add_deletes(std::string_view word, std::uint32_t id);

  std::vector<std::pair<std::string, std::uint32_t>> words_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> deletes_;  // (hash of a delete, word id)
};

}  // namespace galley
