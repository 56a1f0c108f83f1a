// Duplicated captions, paragraphs and sentences inside one document. Units (blocks, runs of
// adjacent lines inside a block, sentences) are normalised to folded word tokens, paired through
// an inverted index of hashed word shingles (never all pairs), and accepted by word-level edit
// distance with thresholds by length. See docs/checks/duplicate.md.
#include "checks/duplicate_check.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "checks/duplicate_units.hpp"
#include "checks/registry.hpp"

namespace galley {
namespace {

constexpr std::size_t kMinWords = 8;          // Shorter units never count...
constexpr std::size_t kMinAdjacentWords = 6;  // ...except runs of lines pasted one under the other.
constexpr std::size_t kMinSentenceWords = 15;  // A "long" sentence.
constexpr std::size_t kMaxLineRun = 8;         // Longest run of lines compared with the next run.
constexpr std::size_t kMaxPosting = 64;        // A shingle in more units is not distinctive.
constexpr std::size_t kShingle = 2;            // Words per shingle for candidate pairs.

/// Two units found to be copies of each other; `first` comes first in the document.
struct Pair {
  std::size_t first = 0;   ///< Unit index.
  std::size_t second = 0;  ///< Unit index.
  WordDiff diff;           ///< first -> second.
};

/// Everything the search needs about one document.
struct Search {
  const AnalyzedDocument& doc;
  std::vector<DuplicateUnit> units;
  std::vector<Pair> pairs;
  std::map<std::string, std::size_t> frequency;  ///< Folded word -> occurrences in the document.
};

int rank(UnitKind kind) { return kind == UnitKind::block ? 0 : kind == UnitKind::lines ? 1 : 2; }

bool overlaps(const DuplicateUnit& a, const DuplicateUnit& b) {
  return a.block == b.block && a.text.begin < b.text.end && b.text.begin < a.text.end;
}

std::size_t min_words(const DuplicateUnit& a, const DuplicateUnit& b, bool adjacent_lines) {
  if (a.kind == UnitKind::sentence || b.kind == UnitKind::sentence) return kMinSentenceWords;
  return adjacent_lines ? kMinAdjacentWords : kMinWords;
}

/// Copies differ by at most allowed_edits() words, of which at most allowed_substantive() are
/// more than a typo. A caption is not compared with a sentence of the body: it may repeat one.
bool accept(const DuplicateUnit& a, const DuplicateUnit& b, bool adjacent_lines, WordDiff& diff) {
  const bool sentence = a.kind == UnitKind::sentence || b.kind == UnitKind::sentence;
  if (a.caption != b.caption && sentence) return false;
  const std::size_t words = std::max(a.words.size(), b.words.size());
  const std::size_t limit = allowed_edits(words, min_words(a, b, adjacent_lines));
  if (limit == static_cast<std::size_t>(-1)) return false;
  diff = diff_words(a.words, b.words, limit);
  if (diff.edits > limit) return false;
  return diff.edits == 0 ||
         substantive_edits(diff, a, b) <= allowed_substantive(words, adjacent_lines);
}

void add_pair(Search& search, std::size_t first, std::size_t second, bool adjacent_lines) {
  WordDiff diff;
  if (overlaps(search.units[first], search.units[second])) return;
  if (accept(search.units[first], search.units[second], adjacent_lines, diff)) {
    search.pairs.push_back({first, second, std::move(diff)});
  }
}

/// Runs of lines inside one block compared with the run that follows: a caption pasted twice
/// on the next line lands in one block when the plain-text reader took the lines for wrapping
/// (it starts a block at a line that opens like a caption, but not at a mistyped "Phoot:").
void pair_adjacent_lines(Search& search, std::size_t b) {
  const Block& block = search.doc.doc.blocks[b];
  const std::vector<Token>& tokens = search.doc.segments[b].tokens;
  const std::vector<Span> lines = line_spans(block.text);
  for (std::size_t split = 1; split < lines.size(); ++split) {
    const std::size_t longest = std::min({split, lines.size() - split, kMaxLineRun});
    for (std::size_t run = 1; run <= longest; ++run) {
      const Span left{lines[split - run].begin, lines[split - 1].end};
      const Span right{lines[split].begin, lines[split + run - 1].end};
      search.units.push_back(make_unit(block, b, tokens, left, UnitKind::lines));
      search.units.push_back(make_unit(block, b, tokens, right, UnitKind::lines));
      add_pair(search, search.units.size() - 2, search.units.size() - 1, true);
    }
  }
}

void add_sentence_units(Search& search, Segmenter& segmenter, std::size_t b) {
  const Block& block = search.doc.doc.blocks[b];
  std::string flat = block.text;  // Same bytes, line breaks read as spaces: offsets unchanged.
  std::replace_if(
      flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  const std::vector<Span> sentences = segmenter.sentences(flat);
  if (sentences.size() < 2) return;
  for (const Span sentence : sentences) {
    DuplicateUnit unit =
        make_unit(block, b, search.doc.segments[b].tokens, sentence, UnitKind::sentence);
    if (unit.words.size() >= kMinSentenceWords) search.units.push_back(std::move(unit));
  }
}

/// True when unit `second` is the block that starts on the line after block `first` ends: a
/// reader that starts a block at a caption-like line splits a caption pasted on the next line.
bool on_next_line(const Search& search, std::size_t first, std::size_t second) {
  const DuplicateUnit& a = search.units[first];
  const DuplicateUnit& b = search.units[second];
  if (a.kind != UnitKind::block || b.kind != UnitKind::block || b.block != a.block + 1)
    return false;
  const std::vector<Block>& blocks = search.doc.doc.blocks;
  const SourceText& source = search.doc.doc.source;
  return source.locate(blocks[b.block].span.begin).line <=
         source.locate(blocks[a.block].span.end).line + 1;
}

/// Pairs block and sentence units that share a word shingle, then verifies each candidate.
void pair_by_shingles(Search& search, std::size_t begin, std::size_t end) {
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> postings;
  for (std::size_t i = begin; i < end; ++i) {
    std::vector<std::uint64_t> shingles = shingle_hashes(search.units[i].words, kShingle);
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    std::vector<std::size_t> candidates;
    for (const std::uint64_t shingle : shingles) {
      std::vector<std::size_t>& posting = postings[shingle];
      if (posting.size() < kMaxPosting)
        candidates.insert(candidates.end(), posting.begin(), posting.end());
      posting.push_back(i);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const std::size_t j : candidates) add_pair(search, j, i, on_next_line(search, j, i));
  }
}

std::string words_text(const Search& search, const DuplicateUnit& unit, Span words) {
  if (words.empty()) return {};
  const std::string_view text = search.doc.doc.blocks[unit.block].text;
  const std::size_t from = unit.word_spans[words.begin].begin;
  return std::string(text.substr(from, unit.word_spans[words.end - 1].end - from));
}

std::size_t rarity(const Search& search, const DuplicateUnit& unit, Span words) {
  std::size_t total = 0;
  for (std::size_t w = words.begin; w < words.end; ++w) total += search.frequency.at(unit.words[w]);
  return total;
}

/// True when the first copy should go: its differing words are rarer in the document than the
/// other copy's (a likely typo). Otherwise, and on a tie, the later copy goes.
bool first_goes(const Search& search, const Pair& pair) {
  std::size_t first = 0;
  std::size_t second = 0;
  for (const WordHunk& hunk : pair.diff.hunks) {
    if (hunk.a.empty() || hunk.b.empty()) continue;
    first += rarity(search, search.units[pair.first], hunk.a);
    second += rarity(search, search.units[pair.second], hunk.b);
  }
  return first < second;
}

std::string describe(const Search& search, const DuplicateUnit& gone, const DuplicateUnit& kept,
                     const std::vector<WordHunk>& hunks, bool gone_is_a) {
  std::string message;
  for (std::size_t h = 0; h < hunks.size() && h < 3; ++h) {
    const Span gone_words = gone_is_a ? hunks[h].a : hunks[h].b;
    const Span kept_words = gone_is_a ? hunks[h].b : hunks[h].a;
    if (!message.empty()) message += ", ";
    if (kept_words.empty()) {
      message += "extra '" + words_text(search, gone, gone_words) + "'";
    } else if (gone_words.empty()) {
      message += "missing '" + words_text(search, kept, kept_words) + "'";
    } else {
      message += "'" + words_text(search, gone, gone_words) + "' vs '" +
                 words_text(search, kept, kept_words) + "'";
    }
  }
  if (hunks.size() > 3) message += ", ...";
  return message;
}

std::string_view rule_of(const DuplicateUnit& a, const DuplicateUnit& b) {
  if (a.caption || b.caption) return "duplicate.caption";
  if (a.kind == UnitKind::sentence || b.kind == UnitKind::sentence) return "duplicate.sentence";
  return "duplicate.paragraph";
}

Finding finding_for(const Search& search, const Pair& pair) {
  const bool swap = first_goes(search, pair);
  const DuplicateUnit& gone = search.units[swap ? pair.first : pair.second];
  const DuplicateUnit& kept = search.units[swap ? pair.second : pair.first];
  const std::string_view rule = rule_of(gone, kept);
  const std::string_view noun = rule.substr(rule.find('.') + 1);
  const std::vector<Block>& blocks = search.doc.doc.blocks;
  std::string message;
  std::vector<std::string> suggestions;
  if (pair.diff.edits == 0) {
    message = "Duplicate " + std::string(noun) + ": repeated word for word";
  } else {
    message = "Near-duplicate " + std::string(noun) + ": " +
              describe(search, gone, kept, pair.diff.hunks, swap);
    const WordHunk& hunk = pair.diff.hunks.front();
    const std::string other = words_text(search, kept, swap ? hunk.b : hunk.a);
    if (!other.empty() && !(swap ? hunk.a : hunk.b).empty()) suggestions.push_back(other);
  }
  Finding finding = make_finding(*find_check(rule), blocks[gone.block].to_source(gone.text),
                                 std::move(message), std::move(suggestions));
  finding.related.push_back({blocks[kept.block].to_source(kept.text), "other copy"});
  return finding;
}

bool inside(const std::vector<const DuplicateUnit*>& covered, const DuplicateUnit& unit) {
  return std::any_of(covered.begin(), covered.end(), [&](const DuplicateUnit* other) {
    return other->block == unit.block && other->text.contains(unit.text);
  });
}

/// Findings for the accepted pairs: whole blocks first, then lines, then sentences; a pair whose
/// copies are already reported (a sentence of a duplicated paragraph) is not reported again.
void report(Search& search, std::vector<Finding>& out) {
  std::stable_sort(search.pairs.begin(), search.pairs.end(), [&](const Pair& x, const Pair& y) {
    const int rx = std::max(rank(search.units[x.first].kind), rank(search.units[x.second].kind));
    const int ry = std::max(rank(search.units[y.first].kind), rank(search.units[y.second].kind));
    return rx < ry;
  });
  std::vector<const DuplicateUnit*> covered;
  std::vector<const DuplicateUnit*> gone;
  for (const Pair& pair : search.pairs) {
    const DuplicateUnit& a = search.units[pair.first];
    const DuplicateUnit& b = search.units[pair.second];
    const DuplicateUnit& going = first_goes(search, pair) ? a : b;
    if ((inside(covered, a) && inside(covered, b)) || inside(gone, going)) continue;
    out.push_back(finding_for(search, pair));
    gone.push_back(&going);
    covered.push_back(&a);
    covered.push_back(&b);
  }
}

}  // namespace

DuplicateCheck::DuplicateCheck(std::string_view rule) : rule_(rule) {}

std::unique_ptr<Check> DuplicateCheck::make_caption(const Settings& /*settings*/) {
  return std::make_unique<DuplicateCheck>("duplicate.caption");
}

std::unique_ptr<Check> DuplicateCheck::make_paragraph(const Settings& /*settings*/) {
  return std::make_unique<DuplicateCheck>("duplicate.paragraph");
}

std::unique_ptr<Check> DuplicateCheck::make_sentence(const Settings& /*settings*/) {
  return std::make_unique<DuplicateCheck>("duplicate.sentence");
}

void DuplicateCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  Search search{doc, {}, {}, {}};
  const std::vector<bool> exempt = exempt_blocks(doc.doc);
  const std::vector<Block>& blocks = doc.doc.blocks;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    DuplicateUnit unit =
        make_unit(block, b, doc.segments[b].tokens, {0, block.text.size()}, UnitKind::block);
    for (const std::string& word : unit.words) ++search.frequency[word];
    if (!exempt[b]) search.units.push_back(std::move(unit));
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!exempt[b]) add_sentence_units(search, segmenter_, b);
  }
  pair_by_shingles(search, 0, search.units.size());
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!exempt[b]) pair_adjacent_lines(search, b);
  }
  std::vector<Finding> found;
  report(search, found);
  for (Finding& finding : found) {
    if (finding.rule == rule_) out.push_back(std::move(finding));
  }
}

}  // namespace galley
