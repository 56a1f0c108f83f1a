// The symmetric-delete index (as in SymSpell): every word of the list is stored under each string
// obtained by deleting up to two of its code points; a query looks up its own deletes. Two words
// within two edits share a delete, so the candidates are few and each is verified with the real
// distance. Deletes are stored as 64-bit hashes, bucketed by their high bits with a counting sort
// (linear, so the index of the frequency list costs milliseconds at start-up): 8 bytes each.
#include "checks/word_index.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <span>

#include "core/data_path.hpp"
#include "core/load_error.hpp"
#include "core/stable_hash.hpp"
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

/// The multiplier of the polynomial hash over code points (odd, so powers never vanish).
constexpr std::uint64_t kBase = 0x100000001b3ULL;

/// A 64-bit finaliser (splitmix64's): the polynomial hash is weak in its high bits for short
/// words, and buckets are chosen by the high bits.
std::uint64_t mix(std::uint64_t hash) {
  hash ^= hash >> 30U;
  hash *= 0xbf58476d1ce4e5b9ULL;
  hash ^= hash >> 27U;
  hash *= 0x94d049bb133111ebULL;
  return hash ^ (hash >> 31U);
}

/// How many code points deletes_of deletes at most from a word of `length` code points, asked
/// for `depth`: never all of them.
std::size_t delete_depth(std::size_t length, std::size_t depth) {
  return length == 0 ? 0 : std::min(depth, length - 1);
}

/// The length of the longest common subsequence of `a` and `b`.
std::size_t common_subsequence(std::u32string_view a, std::u32string_view b) {
  std::vector<std::size_t> row(b.size() + 1, 0);
  for (const char32_t c : a) {
    std::size_t diagonal = 0;  // The row before's entry at j - 1.
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = c == b[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// How many hashes deletes_of(word, depth) gives: the word, its n single deletes and its
/// n(n-1)/2 double ones, as deep as delete_depth allows. Sizes an index without hashing twice.
std::size_t delete_count(std::string_view word, std::size_t depth) {
  const std::size_t n = utf8::count_code_points(word);
  depth = delete_depth(n, depth);
  return 1 + (depth >= 1 ? n : 0) + (depth >= 2 ? n * (n - 1) / 2 : 0);
}

/// Hashes of `word` and of every string made by deleting up to `depth` (at most 2) of its code
/// points, never down to the empty string. Repeats are left in: the index's queries drop them.
/// Each hash is the polynomial hash of the shorter string, assembled in constant time from the
/// prefix hashes of the word (so a word of n code points costs O(n^2), not O(n^3)).
void deletes_of(std::string_view word, std::size_t depth, std::vector<std::uint64_t>& out) {
  out.clear();
  thread_local std::u32string w;
  thread_local std::vector<std::uint64_t> prefix;  // prefix[k]: hash of w[0, k).
  thread_local std::vector<std::uint64_t> power;   // power[k]: kBase^k.
  w.clear();
  for (std::size_t pos = 0; pos < word.size();) {
    const std::size_t length = utf8::sequence_length(word, pos);
    w.push_back(utf8::decode(word, pos));
    pos += std::max<std::size_t>(length, 1);
  }
  const std::size_t n = w.size();
  prefix.assign(n + 1, 0);
  power.assign(n + 1, 1);
  for (std::size_t k = 0; k < n; ++k) {
    prefix[k + 1] = prefix[k] * kBase + w[k];
    power[k + 1] = power[k] * kBase;
  }
  // The hash of w[a, b), shifted left by `shift` places of the string it is part of.
  const auto piece = [&](std::size_t a, std::size_t b, std::size_t shift) {
    return (prefix[b] - prefix[a] * power[b - a]) * power[shift];
  };
  out.push_back(mix(prefix[n]));
  depth = delete_depth(n, depth);
  if (depth >= 1) {
    for (std::size_t i = 0; i < n; ++i)
      out.push_back(mix(piece(0, i, n - 1 - i) + piece(i + 1, n, 0)));
  }
  if (depth >= 2) {
    for (std::size_t i = 0; i + 1 < n; ++i) {  // The last code point has no j after it.
      const std::uint64_t head = piece(0, i, n - 2 - i);
      for (std::size_t j = i + 1; j < n; ++j) {
        out.push_back(mix(head + piece(i + 1, j, n - 1 - j) + piece(j + 1, n, 0)));
      }
    }
  }
}

}  // namespace

namespace {

/// The optimal-string-alignment distance of `a` and `b` (capped at limit + 1), in three rows of
/// the table given by the caller: the transposition looks two rows back.
template <typename Char>
std::size_t osa_distance(std::basic_string_view<Char> a, std::basic_string_view<Char> b,
                         std::size_t limit, std::span<std::size_t> before,
                         std::span<std::size_t> previous, std::span<std::size_t> current) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
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

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80U; });
}

}  // namespace

std::uint64_t letter_set(std::string_view word) {
  std::uint64_t set = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    const auto c = static_cast<unsigned char>(word[pos]);
    const char32_t cp = c < 0x80U ? c : utf8::decode(word, pos);
    set |= std::uint64_t{1} << (cp % 64);
    pos += std::max<std::size_t>(utf8::sequence_length(word, pos), 1);
  }
  return set;
}

std::size_t edit_distance(std::string_view a_text, std::string_view b_text, std::size_t limit) {
  // ASCII words of ordinary length, nearly all of them, are compared byte by byte in rows on the
  // stack: this is asked thousands of times a document, and decoding cost two allocations each.
  constexpr std::size_t kStackRow = 64;
  if (a_text.size() < kStackRow && b_text.size() < kStackRow && is_ascii(a_text) &&
      is_ascii(b_text)) {
    std::array<std::size_t, kStackRow> before{};
    std::array<std::size_t, kStackRow> previous{};
    std::array<std::size_t, kStackRow> current{};
    return osa_distance(a_text, b_text, limit, before, previous, current);
  }
  const std::u32string a = decode_all(a_text);
  const std::u32string b = decode_all(b_text);
  std::vector<std::size_t> rows(3 * (b.size() + 1));
  const std::span<std::size_t> all(rows);
  return osa_distance(std::u32string_view(a), std::u32string_view(b), limit,
                      all.subspan(0, b.size() + 1), all.subspan(b.size() + 1, b.size() + 1),
                      all.subspan(2 * (b.size() + 1), b.size() + 1));
}

void DeleteIndex::build(std::size_t count,
                        const std::function<std::string_view(std::size_t)>& word_at) {
  viewed_starts_ = {};
  viewed_entries_ = {};
  std::size_t total = 0;
  for (std::size_t id = 0; id < count; ++id) total += delete_count(word_at(id), 2);
  // About four entries a bucket: a lookup reads a few 8-byte entries more, and the bucket
  // starts take a quarter of the memory (a large document's index is alive at the run's peak).
  constexpr std::size_t kEntriesPerBucket = 4;
  bucket_bits_ = 1;
  while ((std::size_t{kEntriesPerBucket} << bucket_bits_) < total && bucket_bits_ < 30) {
    ++bucket_bits_;
  }
  owned_starts_.assign((std::size_t{1} << bucket_bits_) + 1, 0);
  // Pass 1 counts each bucket; pass 2 hashes again (cheaper than keeping them) and places.
  std::vector<std::uint64_t> hashes;
  for (std::size_t id = 0; id < count; ++id) {
    deletes_of(word_at(id), 2, hashes);
    for (const std::uint64_t hash : hashes) ++owned_starts_[bucket_of(hash) + 1];
  }
  for (std::size_t b = 1; b < owned_starts_.size(); ++b) owned_starts_[b] += owned_starts_[b - 1];
  owned_entries_.assign(owned_starts_.back(), Entry{0, 0});  // `total` sized the buckets only.
  std::vector<std::uint32_t> next(owned_starts_.begin(), owned_starts_.end() - 1);
  for (std::size_t id = 0; id < count; ++id) {
    deletes_of(word_at(id), 2, hashes);
    for (const std::uint64_t hash : hashes) {
      owned_entries_[next[bucket_of(hash)]++] = {static_cast<std::uint32_t>(hash),
                                                 static_cast<std::uint32_t>(id)};
    }
  }
}

std::vector<std::uint32_t> DeleteIndex::candidates(std::string_view query,
                                                   std::size_t max_distance) const {
  std::vector<std::uint32_t> ids;
  candidates_into(query, max_distance, ids);
  return ids;
}

void DeleteIndex::candidates_into(std::string_view query, std::size_t max_distance,
                                  std::vector<std::uint32_t>& ids) const {
  ids.clear();
  const std::span<const std::uint32_t> starts = bucket_starts();
  const std::span<const Entry> table = entries();
  if (table.empty()) return;
  thread_local std::vector<std::uint64_t> hashes;
  deletes_of(query, std::min<std::size_t>(max_distance, 2), hashes);
  for (const std::uint64_t hash : hashes) {
    const std::size_t bucket = bucket_of(hash);
    for (std::uint32_t e = starts[bucket]; e < starts[bucket + 1]; ++e) {
      if (table[e].check == static_cast<std::uint32_t>(hash)) ids.push_back(table[e].id);
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

bool DeleteIndex::left_out(std::string_view query, std::string_view word,
                           std::size_t max_distance) {
  const std::size_t query_length = utf8::count_code_points(query);
  const std::size_t word_length = utf8::count_code_points(word);
  const std::size_t query_depth =
      delete_depth(query_length, std::min<std::size_t>(max_distance, 2));
  const std::size_t word_depth = delete_depth(word_length, 2);
  // Words within d edits share a string left by at most d deletions from each (an edit takes
  // one code point from a common subsequence): where both may lose that many, none is left out.
  if (query_depth >= max_distance && word_depth >= max_distance) return false;
  // They share a delete when a common subsequence is as long as the longer of what each may
  // shrink to.
  const std::size_t needed = std::max(query_length - query_depth, word_length - word_depth);
  if (needed > std::min(query_length, word_length)) return true;
  return common_subsequence(decode_all(query), decode_all(word)) < needed;
}

void DeleteIndex::view(std::span<const std::uint32_t> starts, std::span<const Entry> entries,
                       unsigned bits) {
  owned_starts_.clear();
  owned_entries_.clear();
  viewed_starts_ = starts;
  viewed_entries_ = entries;
  bucket_bits_ = bits;
}

namespace {

/// The head of a saved index; the tables follow it in this order, each padded to 8 bytes:
/// bucket starts, entries, word offsets, counts, word text. Native byte order: the file is made
/// by the build on the machine that uses it (a file from elsewhere fails the magic check).
struct SavedHead {
  char magic[8];
  std::uint64_t list_hash;
  std::uint64_t order_check;
  std::uint32_t bucket_bits;
  std::uint32_t words;
  std::uint64_t entries;
  std::uint64_t text_bytes;
};
constexpr char kMagic[8] = {'g', 'a', 'l', 'l', 'e', 'y', 'W', '1'};
constexpr std::uint64_t kOrderCheck = 0x0102030405060708ULL;

constexpr std::size_t padded(std::size_t bytes) { return (bytes + 7) / 8 * 8; }

}  // namespace

WordIndex::WordIndex(const std::string& path, const std::vector<std::string>& saved) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path, "cannot read the word frequency list");
  const std::string list((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  list_hash_ = stable_hash(list);  // Ties a saved index to the list it was made from.
  for (const std::string& file : saved) {
    if (map_saved(file, list_hash_)) return;
  }
  std::size_t line_start = 0;
  owned_offsets_.push_back(0);
  while (line_start < list.size()) {
    std::size_t line_end = list.find('\n', line_start);
    if (line_end == std::string::npos) line_end = list.size();
    const std::string_view line(list.data() + line_start, line_end - line_start);
    line_start = line_end + 1;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    owned_text_.append(line.substr(0, tab));
    owned_offsets_.push_back(static_cast<std::uint32_t>(owned_text_.size()));
    owned_counts_.push_back(static_cast<std::uint32_t>(
        std::strtoul(std::string(line.substr(tab + 1)).c_str(), nullptr, 10)));
  }
  text_ = owned_text_;
  offsets_ = owned_offsets_;
  counts_ = owned_counts_;
  deletes_.build(counts_.size(),
                 [this](std::size_t id) { return word_at(static_cast<std::uint32_t>(id)); });
}

WordIndex::~WordIndex() {
  if (mapping_ != nullptr) munmap(mapping_, mapping_size_);
}

bool WordIndex::map_saved(const std::string& saved, std::uint64_t list_hash) {
  const int fd = open(saved.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  void* mapping = MAP_FAILED;
  if (fstat(fd, &info) == 0 && static_cast<std::size_t>(info.st_size) >= sizeof(SavedHead)) {
    mapping = mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  }
  close(fd);
  if (mapping == MAP_FAILED) return false;
  const auto size = static_cast<std::size_t>(info.st_size);
  const auto* bytes = static_cast<const char*>(mapping);
  SavedHead head{};
  std::memcpy(&head, bytes, sizeof head);
  const std::size_t buckets = head.bucket_bits >= 1 && head.bucket_bits <= 30
                                  ? (std::size_t{1} << head.bucket_bits) + 1
                                  : 0;
  const std::size_t starts_at = padded(sizeof head);
  const std::size_t entries_at = starts_at + padded(buckets * 4);
  const std::size_t offsets_at = entries_at + padded(head.entries * sizeof(DeleteIndex::Entry));
  const std::size_t counts_at = offsets_at + padded((std::size_t{head.words} + 1) * 4);
  const std::size_t text_at = counts_at + padded(std::size_t{head.words} * 4);
  const bool usable = std::memcmp(head.magic, kMagic, sizeof kMagic) == 0 &&
                      head.order_check == kOrderCheck && head.list_hash == list_hash &&
                      buckets != 0 && head.entries < (std::uint64_t{1} << 32U) &&
                      text_at + head.text_bytes == size;
  if (!usable) {
    munmap(mapping, size);
    return false;
  }
  // The tables are 8-byte aligned in the file and the mapping is page-aligned.
  const auto* starts = reinterpret_cast<const std::uint32_t*>(bytes + starts_at);
  const auto* entries = reinterpret_cast<const DeleteIndex::Entry*>(bytes + entries_at);
  const auto* offsets = reinterpret_cast<const std::uint32_t*>(bytes + offsets_at);
  const auto* counts = reinterpret_cast<const std::uint32_t*>(bytes + counts_at);
  if (starts[buckets - 1] != head.entries || offsets[head.words] != head.text_bytes) {
    munmap(mapping, size);
    return false;
  }
  mapping_ = mapping;
  mapping_size_ = size;
  deletes_.view({starts, buckets}, {entries, static_cast<std::size_t>(head.entries)},
                head.bucket_bits);
  offsets_ = {offsets, std::size_t{head.words} + 1};
  counts_ = {counts, head.words};
  text_ = {bytes + text_at, static_cast<std::size_t>(head.text_bytes)};
  return true;
}

void WordIndex::save(const std::string& path) const {
  SavedHead head{};
  std::memcpy(head.magic, kMagic, sizeof kMagic);
  head.list_hash = list_hash_;
  head.order_check = kOrderCheck;
  head.bucket_bits = deletes_.bucket_bits();
  head.words = static_cast<std::uint32_t>(counts_.size());
  head.entries = deletes_.entries().size();
  head.text_bytes = text_.size();
  std::string out;
  const auto put = [&out](const void* data, std::size_t bytes) {
    out.append(static_cast<const char*>(data), bytes);
    out.resize(padded(out.size()), '\0');
  };
  put(&head, sizeof head);
  put(deletes_.bucket_starts().data(), deletes_.bucket_starts().size_bytes());
  put(deletes_.entries().data(), deletes_.entries().size_bytes());
  put(offsets_.data(), offsets_.size_bytes());
  put(counts_.data(), counts_.size_bytes());
  out.append(text_);  // Last and unpadded: the file's size checks the head.
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!file.flush()) throw LoadError(path, "cannot write the word index");
}

const WordIndex& WordIndex::shared() {
  // Never destroyed: freeing its half a million entries cost a small run 15 ms at exit. The
  // build saves the index next to the list (dictionaries/frequency-en.idx) to be mapped here:
  // making it takes longer than loading Hunspell's dictionary.
  static const WordIndex* const index = [] {
    const std::string path = data_path("dictionaries/frequency-en.tsv");
    if (path.empty()) {
      throw LoadError("dictionaries/frequency-en.tsv",
                      "galley's word frequency list is missing (set GALLEY_DATA_DIR)");
    }
    std::vector<std::string> saved;
    for (const std::string& dir : data_directories())
      saved.push_back(dir + "/dictionaries/frequency-en.idx");
    return new WordIndex(path, saved);
  }();
  return *index;
}

std::uint32_t WordIndex::count(std::string_view query) const {
  // The word's own hash is among its deletes: the index finds it like any near word.
  for (const std::uint32_t id : deletes_.candidates(query, 0)) {
    if (word_at(id) == query) return counts_[id];
  }
  return 0;
}

std::vector<NearWord> WordIndex::near(std::string_view query, std::size_t max_distance) const {
  max_distance = std::min<std::size_t>(max_distance, 2);
  std::vector<NearWord> out;
  for (const std::uint32_t id : deletes_.candidates(query, max_distance)) {
    const std::string_view candidate = word_at(id);
    const std::size_t distance = edit_distance(query, candidate, max_distance);
    if (distance <= max_distance && candidate != query) {
      out.push_back({candidate, counts_[id], distance});
    }
  }
  std::sort(out.begin(), out.end(), [](const NearWord& a, const NearWord& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.count != b.count) return a.count > b.count;
    return a.word < b.word;
  });
  return out;
}

}  // namespace galley
