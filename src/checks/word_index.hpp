#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bit_count.hpp"

namespace galley {

/// Damerau-Levenshtein distance (optimal string alignment) between `a` and `b` in code points,
/// or `limit + 1` once it is certain to exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// The code points of `word` as a set of 64 bits (a code point sets bit cp mod 64). An edit
/// adds or drops at most one code point of each word's set, so words within d edits differ in
/// at most 2d bits: a one-instruction test that rules out most pairs before edit_distance.
std::uint64_t letter_set(std::string_view word);

/// False when words with letter sets `a` and `b` cannot be within `max_distance` edits.
inline bool letter_sets_close(std::uint64_t a, std::uint64_t b, std::size_t max_distance) {
  return static_cast<std::size_t>(bit_count(a ^ b)) <= 2 * max_distance;
}

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
  /// candidates(), written over `ids`, whose capacity serves again.
  void candidates_into(std::string_view query, std::size_t max_distance,
                       std::vector<std::uint32_t>& ids) const;
  /// True when candidates(query, max_distance) of an index holding `word` would not offer it,
  /// though it may be near: an index deletes no more than max_distance code points, and never
  /// all of a word, so a short word two edits away shares no delete with the query. Lets a
  /// caller that compares words one by one find what the index finds, no more.
  [[nodiscard]] static bool left_out(std::string_view query, std::string_view word,
                                     std::size_t max_distance);

  /// One delete of one word: the low half of its hash (the bucket holds the high bits).
  struct Entry {
    std::uint32_t check;
    std::uint32_t id;
  };

  /// The index's tables, for saving: bucket starts (2^bits + 1 of them) and entries.
  [[nodiscard]] std::span<const std::uint32_t> bucket_starts() const {
    return viewed_starts_.empty() ? std::span<const std::uint32_t>(owned_starts_) : viewed_starts_;
  }
  [[nodiscard]] std::span<const Entry> entries() const {
    return viewed_starts_.empty() ? std::span<const Entry>(owned_entries_) : viewed_entries_;
  }
  [[nodiscard]] unsigned bucket_bits() const { return bucket_bits_; }
  /// Uses tables saved from an index (e.g. mapped from a file that outlives this index).
  void view(std::span<const std::uint32_t> starts, std::span<const Entry> entries, unsigned bits);

 private:
  [[nodiscard]] std::size_t bucket_of(std::uint64_t hash) const {
    return static_cast<std::size_t>(hash >> (64 - bucket_bits_));
  }

  std::vector<std::uint32_t> owned_starts_;  // Entries of bucket b: [start[b], start[b + 1]).
  std::vector<Entry> owned_entries_;
  std::span<const std::uint32_t> viewed_starts_;  // Tables owned elsewhere, when not empty.
  std::span<const Entry> viewed_entries_;
  unsigned bucket_bits_ = 1;
};

/// A word near a query, from the frequency list.
struct NearWord {
  std::string_view word;  ///< Lowercase, as in the list.
  std::uint32_t count;    ///< How often it occurs in the list's corpus.
  std::size_t distance;   ///< Edit distance from the query.
};

/// Common English words with their frequency, and a symmetric-delete index that finds the
/// words within two edits of a query without calling Hunspell. Built once per process (or
/// mapped from the file the build saves it to), then shared read-only between threads.
class WordIndex {
 public:
  /// Reads `word<TAB>count` lines from `path` and indexes them; throws LoadError when it
  /// cannot. The index is mapped instead from the first of `saved` that was saved from this
  /// very list (any other is passed over: made from an older list, truncated, foreign).
  explicit WordIndex(const std::string& path, const std::vector<std::string>& saved = {});
  ~WordIndex();
  WordIndex(const WordIndex&) = delete;
  WordIndex& operator=(const WordIndex&) = delete;

  /// The process-wide index over dictionaries/frequency-en.tsv, made on first use.
  static const WordIndex& shared();

  /// Writes the index to `path` for later mapping; throws LoadError when it cannot.
  void save(const std::string& path) const;
  /// True when the index was mapped from a saved file rather than built.
  [[nodiscard]] bool mapped() const { return mapping_ != nullptr; }

  /// The corpus count of lowercase `word`, 0 when it is not in the list.
  [[nodiscard]] std::uint32_t count(std::string_view word) const;
  /// Words within `max_distance` (at most 2) edits of lowercase `query`, nearest first, then
  /// most frequent first.
  [[nodiscard]] std::vector<NearWord> near(std::string_view query, std::size_t max_distance) const;
  /// Number of words in the list.
  [[nodiscard]] std::size_t size() const { return counts_.size(); }
  /// Word `id` (below size()) of the list.
  [[nodiscard]] std::string_view word_at(std::uint32_t id) const {
    return text_.substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }

 private:
  /// Points the tables into a saved file's bytes; false when they do not hold an index of the
  /// list whose bytes hash to `list_hash`.
  bool map_saved(const std::string& saved, std::uint64_t list_hash);

  std::string owned_text_;  // The words, one after another.
  std::vector<std::uint32_t> owned_offsets_;
  std::vector<std::uint32_t> owned_counts_;
  std::string_view text_;                   // The owned tables, or a saved file's.
  std::span<const std::uint32_t> offsets_;  // Word id's bytes: [offsets_[id], offsets_[id + 1]).
  std::span<const std::uint32_t> counts_;
  std::uint64_t list_hash_ = 0;  // Of the list's bytes: a saved index must match it.
  DeleteIndex deletes_;
  void* mapping_ = nullptr;
  std::size_t mapping_size_ = 0;
};

}  // namespace galley
