// The within-document duplicate check at scale: candidate pairs come from an index, not from all
// pairs, and lose no pair within the allowed edits. Speed is measured in bench/, not here.
#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>
#include <iterator>
#include <random>
#include <string>

#include "checks/duplicate_candidates.hpp"
#include "checks/duplicate_check.hpp"
#include "segment/segmenter.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

/// Made-up words "ba", "ca", ..., drawn Zipf-like so that common word pairs are very common.
class Words {
 public:
  explicit Words(std::size_t vocabulary, std::uint64_t seed) : rng_(seed) {
    for (std::size_t n = 0; n < vocabulary; ++n) {
      std::string word;
      for (std::size_t k = n + 26; k > 0; k /= 26) word += static_cast<char>('a' + k % 26);
      words_.push_back(word);
    }
  }
  /// One word; the square of a uniform number favours the first words.
  const std::string& next() {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
    return words_[static_cast<std::size_t>(u * u * static_cast<double>(words_.size() - 1))];
  }
  /// A number in [0, n).
  std::size_t below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }

 private:
  std::mt19937_64 rng_;
  std::vector<std::string> words_;
};

/// A unit of `words`, its ids kept in `store` (a unit's words are a view).
DuplicateUnit unit_of(const std::vector<std::string>& words, WordTable& table,
                      std::deque<std::vector<std::uint32_t>>& store) {
  std::vector<std::uint32_t>& ids = store.emplace_back();
  for (const std::string& word : words) ids.push_back(table.intern(word));
  DuplicateUnit unit;
  unit.words = ids;
  return unit;
}

/// `words` with `edits` random word substitutions, insertions and deletions.
std::vector<std::string> edited(std::vector<std::string> words, std::size_t edits, Words& draw) {
  for (std::size_t e = 0; e < edits; ++e) {
    const std::size_t at = draw.below(words.size());
    const auto where = words.begin() + static_cast<std::ptrdiff_t>(at);
    switch (draw.below(3)) {
      case 0:
        words[at] = "zz" + draw.next();
        break;
      case 1:
        words.insert(where, "zz" + draw.next());
        break;
      default:
        words.erase(where);
        break;
    }
  }
  return words;
}

/// The candidate pairs by their definition, over all pairs: `earlier` is not an exact copy of
/// a unit beyond its first kMaxIndexedCopies (4) copies, both have 5 words or more, their
/// lengths differ by at most e, they share a bigram, and neither has more than 2e distinct
/// bigrams the other lacks, e being allowed_edits() of the longer. Ordered by the later unit,
/// then the earlier.
std::vector<CandidatePair> all_pairs_within_reach(const std::vector<DuplicateUnit>& units) {
  using Bigram = std::pair<std::uint32_t, std::uint32_t>;
  std::vector<std::vector<Bigram>> bigrams(units.size());
  std::vector<bool> indexed(units.size(), true);
  for (std::size_t u = 0; u < units.size(); ++u) {
    const std::span<const std::uint32_t> words = units[u].words;
    for (std::size_t w = 1; w < words.size(); ++w) bigrams[u].emplace_back(words[w - 1], words[w]);
    std::sort(bigrams[u].begin(), bigrams[u].end());
    bigrams[u].erase(std::unique(bigrams[u].begin(), bigrams[u].end()), bigrams[u].end());
    std::size_t copies = 0;
    for (std::size_t v = 0; v < u; ++v) {
      const bool same = std::equal(words.begin(), words.end(), units[v].words.begin(),
                                   units[v].words.end()) &&
                        units[v].kind == units[u].kind && units[v].caption == units[u].caption;
      if (same) ++copies;
    }
    indexed[u] = copies < 4;
  }
  std::vector<CandidatePair> pairs;
  for (std::size_t later = 0; later < units.size(); ++later) {
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      const std::size_t a = units[earlier].words.size();
      const std::size_t b = units[later].words.size();
      if (!indexed[earlier] || std::min(a, b) < 5) continue;
      const std::size_t edits = allowed_edits(std::max(a, b), 0);
      if (std::max(a, b) - std::min(a, b) > edits) continue;
      std::vector<Bigram> shared;
      std::set_intersection(bigrams[earlier].begin(), bigrams[earlier].end(),
                            bigrams[later].begin(), bigrams[later].end(),
                            std::back_inserter(shared));
      const std::size_t most = std::max(bigrams[earlier].size(), bigrams[later].size());
      // Units that share no bigram are never within reach; the bound alone can pass them when
      // their words repeat ("a a a a a" has one bigram).
      if (!shared.empty() && shared.size() + 2 * edits >= most) pairs.emplace_back(earlier, later);
    }
  }
  return pairs;
}

}  // namespace

TEST_CASE("duplicate: candidate pairs are exactly the pairs their definition names",
          "[duplicate][scale]") {
  // Blocks of a few common words with sentences inside them (views of the block's ids, as
  // DuplicateCheck makes them), near and exact copies, a unit copied seven times, and units too
  // short to pair: the index finds what a comparison of all pairs finds, in the same order.
  Words draw(40, 5);
  WordTable table;
  std::deque<std::vector<std::uint32_t>> store;
  std::vector<DuplicateUnit> units;
  std::vector<std::vector<std::string>> blocks;
  for (std::size_t b = 0; b < 160; ++b) {
    if (b % 5 == 4) {
      blocks.push_back(edited(blocks[draw.below(blocks.size())], draw.below(4), draw));
    } else if (b % 23 == 7) {
      blocks.push_back(blocks[3]);
    } else {
      blocks.emplace_back(3 + draw.below(60));
      for (std::string& word : blocks.back()) word = draw.next();
    }
  }
  for (std::ptrdiff_t copy = 0; copy < 7; ++copy) blocks.insert(blocks.begin() + 20 * copy, blocks[9]);
  for (const std::vector<std::string>& words : blocks) {
    const DuplicateUnit block = unit_of(words, table, store);
    units.push_back(block);
    for (std::size_t at = 0; at + 6 < words.size(); at += 6 + draw.below(20)) {
      DuplicateUnit sentence = block;
      sentence.kind = UnitKind::sentence;
      sentence.words = block.words.subspan(at, std::min(words.size() - at, 6 + draw.below(20)));
      units.push_back(sentence);
    }
  }
  const std::vector<CandidatePair> expected = all_pairs_within_reach(units);
  REQUIRE(expected.size() > 100);
  CHECK(candidate_pairs(units) == expected);
}

TEST_CASE("duplicate: candidate pairs include every pair within the allowed edits",
          "[duplicate][scale]") {
  // Prefix filtering is exact: a copy with as many edits as allowed_edits() grants is always a
  // candidate, however common its words, among many units made of the same common words.
  Words draw(300, 3);
  WordTable table;
  std::deque<std::vector<std::uint32_t>> store;
  std::vector<DuplicateUnit> units;
  std::vector<std::pair<std::size_t, std::size_t>> planted;
  for (std::size_t trial = 0; trial < 400; ++trial) {
    std::vector<std::string> words(6 + draw.below(70));
    for (std::string& word : words) word = draw.next();
    units.push_back(unit_of(words, table, store));
    for (std::size_t filler = 0; filler < 4; ++filler) {
      std::vector<std::string> other(words.size());
      for (std::string& word : other) word = draw.next();
      units.push_back(unit_of(other, table, store));
    }
    planted.emplace_back(units.size() - 5, units.size());
    units.push_back(unit_of(edited(words, allowed_edits(words.size(), 0), draw), table, store));
  }
  const std::vector<CandidatePair> pairs = candidate_pairs(units);
  std::size_t found = 0;
  for (const auto& pair : planted) {
    if (std::find(pairs.begin(), pairs.end(), pair) != pairs.end()) ++found;
  }
  CHECK(found == planted.size());
  CHECK(pairs.size() < 2 * planted.size());  // Unrelated units are rarely candidates.
}

TEST_CASE("duplicate: a word pair in more units than a count holds: copies still found",
          "[duplicate][scale]") {
  // Counts are 2-byte and stop at 65,535 (any total order keeps prefix filtering exact; a count
  // that wrapped round would only make the pair look rare and cost time, which bench/ measures).
  // Here every unit shares one pair, 70,001 times over: the copy is found, and nothing else.
  constexpr std::size_t kUnits = 70'000;
  const auto word = [](std::size_t n) {
    std::string text = "w";
    for (std::size_t k = n + 1; k > 0; k /= 26) text += static_cast<char>('a' + k % 26);
    return text;
  };
  WordTable table;
  std::deque<std::vector<std::uint32_t>> store;
  std::vector<DuplicateUnit> units;
  for (std::size_t u = 0; u < kUnits; ++u) {
    std::vector<std::string> words{"harbour", "board"};
    for (std::size_t w = 0; w < 5; ++w) words.push_back(word(5 * u + w));
    units.push_back(unit_of(words, table, store));
  }
  std::vector<std::string> copy{"harbour", "board", word(500), word(501), "changed", word(503),
                                word(504)};
  units.push_back(unit_of(copy, table, store));  // Unit 100 with one word changed.
  const std::vector<CandidatePair> pairs = candidate_pairs(units);
  CHECK(pairs == std::vector<CandidatePair>{{100, kUnits}});
}

TEST_CASE("duplicate: lines made of the same words pair with their neighbours, not all",
          "[duplicate][scale]") {
  // 40,000 lines "item N of the price list", each within one edit of every other: all pairs
  // would be 800 million (23 GB before the bound). Each line still pairs with the one before it,
  // and with at most 16 earlier lines for each bigram of its prefix.
  constexpr std::size_t kUnits = 40'000;
  WordTable table;
  std::deque<std::vector<std::uint32_t>> store;
  std::vector<DuplicateUnit> units;
  for (std::size_t u = 0; u < kUnits; ++u)
    units.push_back(
        unit_of({"item", std::to_string(u), "of", "the", "price", "list"}, table, store));
  const std::vector<CandidatePair> pairs = candidate_pairs(units);
  CHECK(pairs.size() <= 3 * 16 * kUnits);
  std::vector<bool> after_neighbour(kUnits, false);
  std::size_t out_of_order = 0;
  for (const auto& [earlier, later] : pairs) {
    if (earlier >= later) ++out_of_order;
    if (earlier + 1 == later) after_neighbour[later] = true;
  }
  CHECK(out_of_order == 0);
  CHECK(std::count(after_neighbour.begin() + 1, after_neighbour.end(), false) == 0);
}

TEST_CASE("duplicate: the partners a row gives are those of a close length", "[duplicate][scale]") {
  // Thirty long units repeat the words of a short one; a copy of the short one with one word
  // changed comes last. Its row holds the thirty between it and its original: the bound on the
  // partners a row gives counts only units whose lengths could be within reach.
  WordTable table;
  std::deque<std::vector<std::uint32_t>> store;
  std::vector<DuplicateUnit> units;
  const std::vector<std::string> shared{"harbour", "board", "opens", "its", "new", "quay"};
  units.push_back(unit_of(shared, table, store));
  for (std::size_t u = 0; u < 30; ++u) {  // The six words again and again, 12 to 41 of them.
    std::vector<std::string> words;
    for (std::size_t w = 0; w < 12 + u; ++w) words.push_back(shared[w % shared.size()]);
    units.push_back(unit_of(words, table, store));
  }
  std::vector<std::string> copy = shared;
  copy.back() = "pier";
  units.push_back(unit_of(copy, table, store));
  const std::vector<CandidatePair> pairs = candidate_pairs(units);
  CHECK(std::find(pairs.begin(), pairs.end(), CandidatePair{0, units.size() - 1}) != pairs.end());
}

TEST_CASE("duplicate: a document of 20,000 distinct paragraphs, two of them copies",
          "[duplicate][scale]") {
  // 20,000 paragraphs of two 16-word sentences (60,000 units) of 2,000 made-up words. The copies
  // are found wherever they are, however common their words (the earlier index skipped any word
  // pair already seen in 64 units, so late copies of common wording went unseen).
  Words draw(2'000, 11);
  std::vector<std::string> paragraphs;
  for (std::size_t p = 0; p < 20'000; ++p) {
    std::string text;
    for (std::size_t w = 0; w < 32; ++w) {
      text += draw.next();
      text += w == 15 ? ". " : w == 31 ? "." : " ";
    }
    paragraphs.push_back(text);
  }
  const std::string exact = paragraphs[5];
  std::string near = paragraphs[12'000];
  near.replace(0, near.find(' '), "changed");
  paragraphs.push_back(exact);
  paragraphs.insert(paragraphs.begin() + 19'000, near);
  std::string text;
  for (const std::string& paragraph : paragraphs) text += paragraph + "\n\n";

  const Document doc = test::read(text, InputFormat::text);
  REQUIRE(doc.blocks.size() == 20'002);
  const AnalyzedDocument analyzed = test::analyze(doc);
  DuplicateCheck check("duplicate.paragraph");
  std::vector<Finding> out;
  check.check(analyzed, out);
  REQUIRE(out.size() == 2);
  const std::size_t near_at = text.find(near);
  const std::size_t exact_at = text.rfind(exact);
  CHECK(out[0].span == Span{near_at, near_at + near.size()});
  CHECK(out[0].related[0].span.begin == text.find(paragraphs[12'000]));
  CHECK(out[0].message.starts_with("Near-duplicate paragraph: 'changed' vs '"));
  CHECK(out[1].span == Span{exact_at, exact_at + exact.size()});
  CHECK(out[1].related[0].span.begin == text.find(exact));
  CHECK(out[1].message == "Duplicate paragraph: repeated word for word");
}

}  // namespace galley
