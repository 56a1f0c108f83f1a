// Duplicated captions, paragraphs and sentences inside one document. Units (blocks, runs of
// adjacent lines inside a block, sentences) are normalised to folded word tokens, paired through
// an inverted index of their rarest word bigrams (never all pairs: duplicate_candidates.cpp),
// and accepted by word-level edit distance with thresholds by length. The copy with spelling
// findings on its differing words goes, else the later one. See docs/checks/duplicate.md.
#include "checks/duplicate_check.hpp"

#include <algorithm>
#include <map>

#include "checks/duplicate_candidates.hpp"
#include "checks/duplicate_units.hpp"
#include "checks/registry.hpp"

namespace galley {
namespace {

constexpr std::size_t kMinWords = 8;          // Shorter units never count...
constexpr std::size_t kMinAdjacentWords = 6;  // ...except runs of lines pasted one under the other.
constexpr std::size_t kMinSentenceWords = 15;  // A "long" sentence.
constexpr std::size_t kMaxLineRun = 8;         // Longest run of lines compared with the next run.

/// Two units found to be copies of each other; `first` comes first in the document.
struct Pair {
  std::size_t first = 0;   ///< Unit index.
  std::size_t second = 0;  ///< Unit index.
  WordDiff diff;           ///< first -> second.
};

/// Source spans of the spelling findings other checks made, to tell which copy has a typo.
class SpellingSpans {
 public:
  explicit SpellingSpans(const std::vector<Finding>& findings) {
    for (const Finding& finding : findings) {
      if (finding.rule.starts_with("spelling.")) spans_.push_back(finding.span);
    }
    // By begin, then end: one order for the same findings, so that spans() compares equal.
    std::sort(spans_.begin(), spans_.end(), [](Span a, Span b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::size_t end = 0;
    for (const Span span : spans_) max_end_.push_back(end = std::max(end, span.end));
  }
  /// True when a spelling finding overlaps `span` (bytes of the source).
  [[nodiscard]] bool touch(Span span) const {
    // Of the findings that begin before `span` ends, does one end after it begins?
    const auto after = std::lower_bound(spans_.begin(), spans_.end(), span.end,
                                        [](Span s, std::size_t at) { return s.begin < at; });
    const auto count = static_cast<std::size_t>(after - spans_.begin());
    return count > 0 && max_end_[count - 1] > span.begin;
  }
  /// The spans, sorted.
  [[nodiscard]] const std::vector<Span>& spans() const { return spans_; }

 private:
  std::vector<Span> spans_;           ///< Sorted by begin.
  std::vector<std::size_t> max_end_;  ///< Largest end among spans_[0..i].
};

}  // namespace

/// Everything the search needs about one document, and the copies it found.
struct DuplicatePairs {
  const AnalyzedDocument& doc;
  std::vector<DuplicateUnit> units;
  std::vector<Pair> pairs;  ///< Whole blocks first, then lines, then sentences.
  WordTable words;          ///< The words of all units, by id; emptied once pairs are found.
  std::vector<std::vector<std::uint32_t>> token_ids;  ///< By block: the id of each token; ditto.
};

namespace {

using Search = DuplicatePairs;

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
bool accept(const DuplicateUnit& a, const DuplicateUnit& b, bool adjacent_lines,
            const WordTable& table, WordDiff& diff) {
  const bool sentence = a.kind == UnitKind::sentence || b.kind == UnitKind::sentence;
  if (a.caption != b.caption && sentence) return false;
  const std::size_t words = std::max(a.words.size(), b.words.size());
  const std::size_t limit = allowed_edits(words, min_words(a, b, adjacent_lines));
  if (limit == static_cast<std::size_t>(-1)) return false;
  diff = diff_words(a.words, b.words, limit);
  if (diff.edits > limit) return false;
  return diff.edits == 0 ||
         substantive_edits(diff, a, b, table) <= allowed_substantive(words, adjacent_lines);
}

/// The source bytes behind each code placeholder of `unit`'s text, in order.
std::vector<std::string_view> code_behind(const Search& search, const DuplicateUnit& unit) {
  const Block& block = search.doc.doc.blocks[unit.block];
  const std::string_view text =
      std::string_view(block.text).substr(unit.text.begin, unit.text.size());
  std::vector<std::string_view> code;
  for (std::size_t at = text.find(kCodePlaceholder); at != std::string_view::npos;
       at = text.find(kCodePlaceholder, at + kCodePlaceholder.size())) {
    const std::size_t begin = unit.text.begin + at;
    code.push_back(
        search.doc.doc.source.slice(block.to_source({begin, begin + kCodePlaceholder.size()})));
  }
  return code;
}

/// True when two units with the same words show different code where their texts hold a
/// placeholder ("run `ferryctl start`" and "run `ferryctl stop`"): no copy of each other.
bool code_differs(const Search& search, const DuplicateUnit& a, const DuplicateUnit& b) {
  return code_behind(search, a) != code_behind(search, b);
}

void add_pair(Search& search, std::size_t first, std::size_t second, bool adjacent_lines) {
  WordDiff diff;
  if (overlaps(search.units[first], search.units[second])) return;
  if (!accept(search.units[first], search.units[second], adjacent_lines, search.words, diff)) {
    return;
  }
  if (diff.edits == 0 && code_differs(search, search.units[first], search.units[second])) return;
  search.pairs.push_back({first, second, std::move(diff)});
}

/// Runs of lines inside one block compared with the run that follows: a caption pasted twice
/// on the next line lands in one block when the plain-text reader took the lines for wrapping
/// (it starts a block at a line that opens like a caption, but not at a mistyped "Phoot:").
void pair_adjacent_lines(Search& search, std::size_t b) {
  const Block& block = search.doc.doc.blocks[b];
  const std::vector<Token>& tokens = search.doc.segments[b].tokens;
  const std::vector<std::uint32_t>& ids = search.token_ids[b];
  const std::vector<Span> lines = line_spans(block.text);
  for (std::size_t split = 1; split < lines.size(); ++split) {
    const std::size_t longest = std::min({split, lines.size() - split, kMaxLineRun});
    for (std::size_t run = 1; run <= longest; ++run) {
      const Span left{lines[split - run].begin, lines[split - 1].end};
      const Span right{lines[split].begin, lines[split + run - 1].end};
      DuplicateUnit first = make_unit(block, b, tokens, ids, left, UnitKind::lines);
      DuplicateUnit second = make_unit(block, b, tokens, ids, right, UnitKind::lines);
      WordDiff diff;
      if (!accept(first, second, true, search.words, diff)) continue;  // Kept when paired: memory.
      search.units.push_back(std::move(first));
      search.units.push_back(std::move(second));
      search.pairs.push_back({search.units.size() - 2, search.units.size() - 1, std::move(diff)});
    }
  }
}

/// The sentences of block `b` with its line breaks read as spaces: a line break inside a block
/// is wrapping, where ICU would end a sentence. A block without one has them segmented already.
std::vector<Span> flat_sentences(const Search& search, Segmenter& segmenter, std::size_t b) {
  const std::string_view text = search.doc.doc.blocks[b].text;
  const std::vector<Span>& given = search.doc.segments[b].sentences;
  // Two finds, not find_first_of, which asks memchr about each byte of the block in turn.
  const bool one_line = text.find('\n') == std::string::npos && text.find('\r') == std::string::npos;
  if (one_line && (!given.empty() || text.empty())) {
    return given;
  }
  std::string flat(text);  // Same bytes, line breaks read as spaces: offsets unchanged.
  std::replace_if(
      flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return segmenter.sentences(flat);
}

void add_sentence_units(Search& search, Segmenter& segmenter, std::size_t b) {
  const Block& block = search.doc.doc.blocks[b];
  const std::vector<Span> sentences = flat_sentences(search, segmenter, b);
  if (sentences.size() < 2) return;
  for (const Span sentence : sentences) {
    DuplicateUnit unit = make_unit(block, b, search.doc.segments[b].tokens, search.token_ids[b],
                                   sentence, UnitKind::sentence);
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

/// Pairs the block and sentence units that may be copies, then verifies each candidate.
void pair_units(Search& search) {
  for (const auto& [first, second] : candidate_pairs(search.units)) {
    add_pair(search, first, second, on_next_line(search, first, second));
  }
}

/// The span in Block::text of word `w` of `unit`.
Span word_span(const Search& search, const DuplicateUnit& unit, std::size_t w) {
  return search.doc.segments[unit.block].tokens[unit.first_token + w].span();
}

std::string words_text(const Search& search, const DuplicateUnit& unit, Span words) {
  if (words.empty()) return {};
  const std::string_view text = search.doc.doc.blocks[unit.block].text;
  const std::size_t from = word_span(search, unit, words.begin).begin;
  return std::string(text.substr(from, word_span(search, unit, words.end - 1).end - from));
}

/// True when a spelling finding lies on a word of `unit` that the other copy does not have.
bool misspelt(const Search& search, const SpellingSpans& spelling, const DuplicateUnit& unit,
              const std::vector<WordHunk>& hunks, bool side_a) {
  const Block& block = search.doc.doc.blocks[unit.block];
  return std::any_of(hunks.begin(), hunks.end(), [&](const WordHunk& hunk) {
    const Span words = side_a ? hunk.a : hunk.b;
    for (std::size_t w = words.begin; w < words.end; ++w) {
      if (spelling.touch(block.to_source(word_span(search, unit, w)))) return true;
    }
    return false;
  });
}

/// True when the first copy should go: only its differing words have spelling findings (the
/// kept copy is the one spelt right). Otherwise, exact copies included, the later copy goes.
/// Words both copies share do not count: a name unknown to the dictionary is in both.
bool first_goes(const Search& search, const SpellingSpans& spelling, const Pair& pair) {
  const std::vector<WordHunk>& hunks = pair.diff.hunks;
  return misspelt(search, spelling, search.units[pair.first], hunks, true) &&
         !misspelt(search, spelling, search.units[pair.second], hunks, false);
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

Finding finding_for(const Search& search, const SpellingSpans& spelling, const Pair& pair) {
  const bool swap = first_goes(search, spelling, pair);
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

/// Spans of units already reported, by block (a lookup per block keeps reporting linear).
using Reported = std::map<std::size_t, std::vector<Span>>;

bool inside(const Reported& reported, const DuplicateUnit& unit) {
  const auto found = reported.find(unit.block);
  if (found == reported.end()) return false;
  return std::any_of(found->second.begin(), found->second.end(),
                     [&](Span other) { return other.contains(unit.text); });
}

/// Findings for the accepted pairs, in their order; a pair whose copies are already reported (a
/// sentence of a duplicated paragraph) is not reported again.
std::vector<Finding> report(const Search& search, const SpellingSpans& spelling) {
  std::vector<Finding> out;
  Reported covered;
  Reported gone;
  for (const Pair& pair : search.pairs) {
    const DuplicateUnit& a = search.units[pair.first];
    const DuplicateUnit& b = search.units[pair.second];
    const DuplicateUnit& going = first_goes(search, spelling, pair) ? a : b;
    if ((inside(covered, a) && inside(covered, b)) || inside(gone, going)) continue;
    out.push_back(finding_for(search, spelling, pair));
    gone[going.block].push_back(going.text);
    covered[a.block].push_back(a.text);
    covered[b.block].push_back(b.text);
  }
  return out;
}

/// About the number of block and sentence units of `doc`, reserved at once: on a long document
/// the units are a large part of the search's peak, which doubling would raise by half.
std::size_t unit_bound(const AnalyzedDocument& doc, const std::vector<bool>& exempt) {
  std::size_t bound = 0;
  for (std::size_t b = 0; b < exempt.size(); ++b) {
    if (!exempt[b]) bound += 1 + doc.segments[b].sentences.size();
  }
  return bound;
}

/// The whole search on `doc`, all three rules, up to the pairs found: whole blocks first, then
/// lines, then sentences, the order they are reported in.
std::shared_ptr<const Search> find_pairs(const AnalyzedDocument& doc, Segmenter& segmenter) {
  auto found = std::make_shared<Search>(Search{doc, {}, {}, {}, {}});
  Search& search = *found;
  const std::vector<bool> exempt = exempt_blocks(doc.doc);
  const std::vector<Block>& blocks = doc.doc.blocks;
  search.token_ids.resize(blocks.size());
  search.units.reserve(unit_bound(doc, exempt));
  // A release's words are mostly distinct; a long document's are not, and its table stops
  // growing early: room for as many as it has words, up to 65,536, saves the rehashing.
  search.words.reserve(std::min<std::size_t>(doc.word_count, std::size_t{1} << 16U));
  std::vector<std::uint32_t> key_of_form(doc.forms.size(), StringIndex::kAbsent);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (exempt[b]) continue;
    const std::vector<Token>& tokens = doc.segments[b].tokens;
    // Each token normalised once: it is in a block unit, a sentence unit and line units.
    search.token_ids[b] =
        token_ids(doc.forms.of_block(b), doc.forms.texts, key_of_form, search.words);
    search.units.push_back(
        make_unit(block, b, tokens, search.token_ids[b], {0, block.text.size()}, UnitKind::block));
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!exempt[b]) add_sentence_units(search, segmenter, b);
  }
  pair_units(search);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!exempt[b]) pair_adjacent_lines(search, b);
  }
  std::stable_sort(search.pairs.begin(), search.pairs.end(), [&](const Pair& x, const Pair& y) {
    const int rx = std::max(rank(search.units[x.first].kind), rank(search.units[x.second].kind));
    const int ry = std::max(rank(search.units[y.first].kind), rank(search.units[y.second].kind));
    return rx < ry;
  });
  // Reporting reads the copies' tokens, not their word ids: those go now, since on a large
  // document the search is held while the spelling checks finish.
  for (DuplicateUnit& unit : search.units) unit.words = {};
  search.token_ids = {};
  search.words = {};
  return found;
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

void DuplicateCheck::prepare(const AnalyzedDocument& doc) {
  if (doc.duplicates) return;
  auto analysis = std::make_shared<DuplicateAnalysis>();
  analysis->pairs = find_pairs(doc, segmenter_);
  doc.duplicates = std::move(analysis);
}

void DuplicateCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  // The first duplicate check of a document reports for all three rules; the others find the
  // result on `doc`. They run last, one after the other, so `out` holds the same spelling
  // findings for each (the other duplicate checks add none); a different set searches again.
  SpellingSpans spelling(out);
  const std::shared_ptr<const DuplicateAnalysis>& made = doc.duplicates;
  if (!made || !made->reported || made->spelling != spelling.spans()) {
    auto analysis = std::make_shared<DuplicateAnalysis>();
    const std::shared_ptr<const Search> pairs =
        made && made->pairs ? made->pairs : find_pairs(doc, segmenter_);
    analysis->reported = true;
    analysis->spelling = spelling.spans();
    analysis->findings = report(*pairs, spelling);
    doc.duplicates = std::move(analysis);  // The pairs go: the other checks need the findings.
  }
  for (const Finding& finding : doc.duplicates->findings) {
    if (finding.rule == rule_) out.push_back(finding);
  }
}

}  // namespace galley
