// The symmetric-delete index (as in SymSpell): every word of the list is stored under each string
// obtained by deleting up to two of its code points; a query looks up its own deletes. Two words
// within two edits share a delete, so the candidates are few and each is verified with the real
// distance. Deletes are stored as 64-bit hashes, bucketed by their high bits with a counting sort
// (linear, so the index of the frequency list costs milliseconds at start-up): 8 bytes each.
#include "checks/word_index.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <mutex>

#include "core/data_path.hpp"
#include "core/load_error.hpp"
#include "core/utf8.hpp"

namespace galley {
namespace {

std::u32string decode_all(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = utf8::sequence_length(text, pos);
    out.push_back(utf8::decode(text, pos));
    pos += std::max<std::size_t>(length, 1);
  }
  return out;
}

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// FNV-1a over the code points of `word` except those at `skip1` and `skip2`: the hash of a
/// delete, computed without building the shorter string.
std::uint64_t hash_without(const std::u32string& word, std::size_t skip1, std::size_t skip2) {
  std::uint64_t hash = kFnvOffset;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i == skip1 || i == skip2) continue;
    hash ^= static_cast<std::uint64_t>(word[i]);
    hash *= kFnvPrime;
  }
  return hash;
}

/// Hashes of `word` and of every string made by deleting up to `depth` (at most 2) of its code
/// points, never down to the empty string. Repeats are left in: the index's queries drop them.
void deletes_of(std::string_view word, std::size_t depth, std::vector<std::uint64_t>& out) {
  out.clear();
  const std::u32string w = decode_all(word);
  out.push_back(hash_without(w, kNone, kNone));
  if (depth >= 1 && w.size() >= 2) {
    for (std::size_t i = 0; i < w.size(); ++i) out.push_back(hash_without(w, i, kNone));
  }
  if (depth >= 2 && w.size() >= 3) {
    for (std::size_t i = 0; i < w.size(); ++i) {
      for (std::size_t j = i + 1; j < w.size(); ++j) out.push_back(hash_without(w, i, j));
    }
  }
}

}  // namespace

std::size_t edit_distance(std::string_view a_text, std::string_view b_text, std::size_t limit) {
  const std::u32string a = decode_all(a_text);
  const std::u32string b = decode_all(b_text);
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  // Three rows of the optimal-string-alignment table: the transposition looks two rows back.
  std::vector<std::size_t> before(b.size() + 1);
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

void DeleteIndex::build(std::size_t count,
                        const std::function<std::string_view(std::size_t)>& word_at) {
  std::vector<std::uint64_t> hashes;
  std::size_t total = 0;
  for (std::size_t id = 0; id < count; ++id) {
    deletes_of(word_at(id), 2, hashes);
    total += hashes.size();
  }
  bucket_bits_ = 1;
  while ((std::size_t{1} << bucket_bits_) < total && bucket_bits_ < 30) ++bucket_bits_;
  bucket_start_.assign((std::size_t{1} << bucket_bits_) + 1, 0);
  entries_.assign(total, Entry{0, 0});
  // Pass 1 counts each bucket; pass 2 hashes again (cheaper than keeping them) and places.
  for (std::size_t id = 0; id < count; ++id) {
    deletes_of(word_at(id), 2, hashes);
    for (const std::uint64_t hash : hashes) ++bucket_start_[bucket_of(hash) + 1];
  }
  for (std::size_t b = 1; b < bucket_start_.size(); ++b) bucket_start_[b] += bucket_start_[b - 1];
  std::vector<std::uint32_t> next(bucket_start_.begin(), bucket_start_.end() - 1);
  for (std::size_t id = 0; id < count; ++id) {
    deletes_of(word_at(id), 2, hashes);
    for (const std::uint64_t hash : hashes) {
      entries_[next[bucket_of(hash)]++] = {static_cast<std::uint32_t>(hash),
                                           static_cast<std::uint32_t>(id)};
    }
  }
}

std::vector<std::uint32_t> DeleteIndex::candidates(std::string_view query,
                                                   std::size_t max_distance) const {
  std::vector<std::uint32_t> ids;
  if (entries_.empty()) return ids;
  std::vector<std::uint64_t> hashes;
  deletes_of(query, std::min<std::size_t>(max_distance, 2), hashes);
  for (const std::uint64_t hash : hashes) {
    const std::size_t bucket = bucket_of(hash);
    for (std::uint32_t e = bucket_start_[bucket]; e < bucket_start_[bucket + 1]; ++e) {
      if (entries_[e].check == static_cast<std::uint32_t>(hash)) ids.push_back(entries_[e].id);
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

WordIndex::WordIndex(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path, "cannot read the word frequency list");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) continue;
    const auto count =
        static_cast<std::uint32_t>(std::strtoul(line.c_str() + tab + 1, nullptr, 10));
    words_.emplace_back(line.substr(0, tab), count);
  }
  ids_.reserve(words_.size());
  for (std::size_t id = 0; id < words_.size(); ++id) {
    ids_.emplace(words_[id].first, static_cast<std::uint32_t>(id));
  }
  deletes_.build(words_.size(), [this](std::size_t id) -> std::string_view { return words_[id].first; });
}

const WordIndex& WordIndex::shared() {
  static const WordIndex index = [] {
    const std::string path = data_path("dictionaries/frequency-en.tsv");
    if (path.empty()) {
      throw LoadError("dictionaries/frequency-en.tsv",
                      "galley's word frequency list is missing (set GALLEY_DATA_DIR)");
    }
    return WordIndex(path);
  }();
  return index;
}

std::uint32_t WordIndex::count(std::string_view word) const {
  const auto it = ids_.find(std::string(word));
  return it == ids_.end() ? 0 : words_[it->second].second;
}

std::vector<NearWord> WordIndex::near(std::string_view query, std::size_t max_distance) const {
  max_distance = std::min<std::size_t>(max_distance, 2);
  std::vector<NearWord> out;
  for (const std::uint32_t id : deletes_.candidates(query, max_distance)) {
    const auto& [word, count] = words_[id];
    const std::size_t distance = edit_distance(query, word, max_distance);
    if (distance <= max_distance && word != query) out.push_back({word, count, distance});
  }
  std::sort(out.begin(), out.end(), [](const NearWord& a, const NearWord& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.count != b.count) return a.count > b.count;
    return a.word < b.word;
  });
  return out;
}

}  // namespace galley
