// The symmetric-delete index (as in SymSpell): every word of the list is stored under each string
// obtained by deleting up to two of its code points; a query looks up its own deletes. Two words
// within two edits share a delete, so the candidates are few and each is verified with the real
// distance. Deletes are stored as 64-bit hashes in one sorted vector: about 12 bytes each.
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

std::uint64_t hash_of(const std::u32string& text) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a over code points.
  for (const char32_t c : text) {
    hash ^= static_cast<std::uint64_t>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

/// Every string made by deleting up to `depth` code points of `word` (with repeats).
void collect_deletes(const std::u32string& word, std::size_t depth,
                     std::vector<std::uint64_t>& out) {
  out.push_back(hash_of(word));
  if (depth == 0 || word.size() <= 1) return;
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::u32string shorter = word;
    shorter.erase(i, 1);
    collect_deletes(shorter, depth - 1, out);
  }
}

std::vector<std::uint64_t> deletes_of(std::string_view word, std::size_t depth) {
  std::vector<std::uint64_t> out;
  collect_deletes(decode_all(word), depth, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a_text, std::string_view b_text, std::size_t limit) {
  const std::u32string a = decode_all(a_text);
  const std::u32string b = decode_all(b_text);
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t row_min = limit + 1;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
      row_min = std::min(row_min, d[i][j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return std::min(d[a.size()][b.size()], limit + 1);
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
    add_deletes(words_[id].first, static_cast<std::uint32_t>(id));
  }
  std::sort(deletes_.begin(), deletes_.end());
}

void WordIndex::add_deletes(std::string_view word, std::uint32_t id) {
  for (const std::uint64_t hash : deletes_of(word, 2)) deletes_.emplace_back(hash, id);
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
  std::vector<std::uint32_t> ids;
  for (const std::uint64_t hash : deletes_of(query, max_distance)) {
    const auto range =
        std::equal_range(deletes_.begin(), deletes_.end(), std::pair{hash, 0U},
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = range.first; it != range.second; ++it) ids.push_back(it->second);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<NearWord> out;
  for (const std::uint32_t id : ids) {
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
