// Units of comparison for the duplicate checks, their normalisation and word-level diff.
// See docs/checks/duplicate.md for the measure and the thresholds.
#include "checks/duplicate_units.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <set>
#include <string>

#include "core/ascii.hpp"
#include "core/stable_hash.hpp"
#include "input/text_heuristics.hpp"
#include "segment/normalize.hpp"

namespace galley {
namespace {

constexpr std::size_t kNever = std::numeric_limits<std::size_t>::max();
// Above this many DP cells two units are compared for exact equality only.
constexpr std::size_t kMaxCells = 4'000'000;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// "ENDS", "-ends-", "###", "# # #", "-30-": the end of the release proper.
bool is_end_marker(std::string_view text) {
  if (text.size() > 16) return false;
  std::string core;
  for (const char c : ascii_lower(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '#') core += c;
  }
  return core == "ends" || core == "end" || core == "###" || core == "30";
}

// Headings that open a section of boilerplate, which repeats from release to release.
constexpr std::array<std::string_view, 18> kBoilerplateOpenings{"about ",
                                                                "notes to editor",
                                                                "note to editor",
                                                                "editor's note",
                                                                "editors' note",
                                                                "contact",
                                                                "media contact",
                                                                "press contact",
                                                                "for more information",
                                                                "for further information",
                                                                "media enquiries",
                                                                "media inquiries",
                                                                "press enquiries",
                                                                "boilerplate",
                                                                "investor contact",
                                                                "investor relations",
                                                                "media relations",
                                                                "notes for editor"};

// The legal notices of a listed company's releases, the same in each: the paragraph's or the
// heading's first words, however long the line ("Safe Harbor Statement under the Private
// Securities Litigation Reform Act of 1995: ..."). Whole phrases: "Safe harbour facilities for
// yachts" opens no notice.
constexpr std::array<std::string_view, 8> kLegalOpenings{
    "safe harbor statement",
    "safe harbour statement",
    "forward-looking statement",
    "forward looking statement",
    "cautionary note regarding forward",
    "cautionary statement regarding forward",
    "this press release contains forward-looking",
    "this news release contains forward-looking"};

// Headings that are a legal notice's whole text ("Safe Harbor", "Disclaimer:").
constexpr std::array<std::string_view, 5> kLegalHeadings{
    "safe harbor", "safe harbour", "disclaimer", "legal notice", "cautionary note"};

bool opens_boilerplate(const Block& block) {
  const std::string_view text = block.text;
  const std::size_t start = text.find_first_not_of(" \t\r\n*#");
  if (start == std::string_view::npos) return false;
  const std::string head = ascii_lower(text.substr(start, 48));
  const auto opens_with = [&](std::string_view opening) { return head.starts_with(opening); };
  if (std::any_of(kLegalOpenings.begin(), kLegalOpenings.end(), opens_with)) return true;
  if (more_words_than(text, 8)) return false;
  const std::size_t end = head.find_last_not_of(" \t\r\n:.");
  const std::string_view whole = std::string_view(head).substr(0, end + 1);
  return std::find(kLegalHeadings.begin(), kLegalHeadings.end(), whole) != kLegalHeadings.end() ||
         std::any_of(kBoilerplateOpenings.begin(), kBoilerplateOpenings.end(), opens_with);
}

// Image alt text is not printed: it may legitimately repeat the visible caption. The readers
// give alt text a caption block whose source sits in `![...]` (Markdown) or `alt="..."` (HTML);
// the bytes just before the block tell which, without searching the source.
bool is_alt_text(const Document& doc, const Block& block) {
  if (block.kind != BlockKind::caption) return false;
  const std::string_view before = doc.source.bytes().substr(0, block.span.begin);
  if (doc.format == "markdown") return before.ends_with("![");
  std::size_t end = before.size();
  while (end > 0 &&
         (is_space(before[end - 1]) || before[end - 1] == '"' || before[end - 1] == '\'')) {
    --end;
  }
  if (end == 0 || before[end - 1] != '=') return false;
  --end;
  while (end > 0 && is_space(before[end - 1])) --end;
  return end >= 3 && ascii_lower(before.substr(end - 3, 3)) == "alt";
}

std::vector<WordHunk> backtrace(const std::vector<std::size_t>& dp, std::size_t cols,
                                std::span<const std::uint32_t> a,
                                std::span<const std::uint32_t> b) {
  std::vector<WordHunk> hunks;
  std::size_t i = a.size();
  std::size_t j = b.size();
  WordHunk open{{i, i}, {j, j}};
  const auto close = [&] {
    if (!open.a.empty() || !open.b.empty()) hunks.push_back(open);
    open = {{i, i}, {j, j}};
  };
  while (i > 0 || j > 0) {
    const std::size_t here = dp[i * cols + j];
    if (i > 0 && j > 0 && a[i - 1] == b[j - 1] && here == dp[(i - 1) * cols + j - 1]) {
      --i, --j;
      close();
      continue;
    }
    if (i > 0 && j > 0 && here == dp[(i - 1) * cols + j - 1] + 1) {
      --i, --j;
    } else if (i > 0 && here == dp[(i - 1) * cols + j] + 1) {
      --i;
    } else {
      --j;
    }
    open.a.begin = i;
    open.b.begin = j;
  }
  close();
  std::reverse(hunks.begin(), hunks.end());
  return hunks;
}

}  // namespace

void word_key_into(std::string_view word, std::string& key) {
  // Every token of a document comes here: an ASCII word, nearly every one, is lower-cased in one
  // pass, and holds no typographic apostrophe to look for.
  // Without a branch a byte (a test of each byte's high bit, and 32 added to a capital), a
  // loop the compiler can widen.
  key.resize(word.size());
  char* out = key.data();
  unsigned char high = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    high |= c;
    out[i] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26U ? 32U : 0U));
  }
  if (high < 0x80U) return;
  fold_key_into(word, key);
  // Typographic and typewriter apostrophes compare equal ("don’t" == "don't").
  constexpr std::string_view kApostrophe = "\xE2\x80\x99";
  std::size_t at = key.find(kApostrophe);
  while (at != std::string::npos) {
    key.replace(at, kApostrophe.size(), 1, '\'');
    at = key.find(kApostrophe, at + 1);
  }
}

std::uint64_t word_key_hash(std::string_view word, std::string& scratch) {
  std::uint64_t hash = stable_hash({});
  for (const char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80U) {  // Folded and NFC'd as word_key_into does.
      word_key_into(word, scratch);
      return stable_hash(scratch);
    }
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    hash = stable_hash(std::string_view(&lower, 1), hash);  // Chained: the key's bytes in turn.
  }
  return hash;
}

/// `block`'s text, white space trimmed, folded as words are compared.
std::string text_key(const Block& block) {
  const std::string_view text = block.text;
  const Span trimmed = trim_span(text, {0, text.size()});
  return fold_key(text.substr(trimmed.begin, trimmed.size()));
}

/// The keys of `doc`'s headings.
std::set<std::string> heading_keys(const Document& doc) {
  std::set<std::string> keys;
  for (const Block& block : doc.blocks) {
    if (block.kind == BlockKind::heading) keys.insert(text_key(block));
  }
  return keys;
}

std::vector<bool> exempt_blocks(const Document& doc) {
  std::vector<bool> exempt(doc.blocks.size(), false);
  // A list item that is a heading's text is a link to that story (a breadcrumb, "Related
  // stories" on a web page), repeated by the page's template, not by an editor's paste.
  const std::set<std::string> headings = heading_keys(doc);
  bool boilerplate = false;
  bool ended = false;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const Block& block = doc.blocks[b];
    if (is_end_marker(block.text)) ended = true;
    if (opens_boilerplate(block)) {
      boilerplate = true;
    } else if (block.kind == BlockKind::heading) {
      boilerplate = false;
    }
    exempt[b] = ended || boilerplate || block.kind == BlockKind::heading || block.pull_quote ||
                is_alt_text(doc, block) ||
                (block.kind == BlockKind::list_item && !headings.empty() &&
                 headings.contains(text_key(block)));
  }
  return exempt;
}

Span trim_span(std::string_view text, Span span) {
  while (span.begin < span.end && is_space(text[span.begin])) ++span.begin;
  while (span.end > span.begin && is_space(text[span.end - 1])) --span.end;
  return span;
}

std::vector<Span> line_spans(std::string_view text) {
  std::vector<Span> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const Span line = trim_span(text, {begin, end});
    if (!line.empty()) lines.push_back(line);
    begin = end + 1;
  }
  return lines;
}

std::vector<std::uint32_t> token_ids(std::span<const std::uint32_t> forms, const StringIndex& texts,
                                     std::vector<std::uint32_t>& key_of_form, WordTable& table) {
  std::vector<std::uint32_t> ids;
  ids.reserve(forms.size());
  std::string key;
  for (const std::uint32_t form : forms) {
    std::uint32_t& id = key_of_form[form];
    if (id == StringIndex::kAbsent) {
      word_key_into(texts.text(form), key);
      id = table.intern(key);
    }
    ids.push_back(id);
  }
  return ids;
}

DuplicateUnit make_unit(const Block& block, std::size_t index, const std::vector<Token>& tokens,
                        const std::vector<std::uint32_t>& ids, Span span, UnitKind kind) {
  DuplicateUnit unit;
  unit.block = static_cast<std::uint32_t>(index);
  unit.text = trim_span(block.text, span);
  unit.kind = kind;
  unit.caption = block.kind == BlockKind::caption;
  // Tokens are in order: start at the unit's first one, not at the block's (linear, not quadratic).
  auto it = std::lower_bound(
      tokens.begin(), tokens.end(), unit.text.begin,
      [](const Token& token, std::size_t offset) { return token.span().begin < offset; });
  const auto first = static_cast<std::size_t>(it - tokens.begin());
  unit.first_token = static_cast<std::uint32_t>(first);
  // Tokens do not overlap: only the last one starting inside the unit can end past it, so the
  // words are the tokens from first_token on, without gaps.
  while (it != tokens.end() && Span(unit.text).contains(it->span())) ++it;
  unit.words = std::span<const std::uint32_t>(ids).subspan(
      first, static_cast<std::size_t>(it - tokens.begin()) - first);
  return unit;
}

WordDiff diff_words(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                    std::size_t limit) {
  if (std::ranges::equal(a, b))
    return {0, {}};  // Exact copies, the commonest pair, need no alignment.
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return {kNever, {}};
  if ((a.size() + 1) * (b.size() + 1) > kMaxCells) {
    return WordDiff{kNever, {}};  // Not equal: checked above.
  }
  const std::size_t cols = b.size() + 1;
  std::vector<std::size_t> dp((a.size() + 1) * cols, 0);
  for (std::size_t j = 0; j < cols; ++j) dp[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    dp[i * cols] = i;
    std::size_t row_min = i;
    for (std::size_t j = 1; j < cols; ++j) {
      const std::size_t same = dp[(i - 1) * cols + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      dp[i * cols + j] = std::min({same, dp[(i - 1) * cols + j] + 1, dp[i * cols + j - 1] + 1});
      row_min = std::min(row_min, dp[i * cols + j]);
    }
    if (row_min > limit) return {kNever, {}};
  }
  const std::size_t edits = dp.back();
  if (edits > limit) return {kNever, {}};
  return {edits, backtrace(dp, cols, a, b)};
}

std::size_t char_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus transposition of neighbouring bytes.
  const std::size_t cols = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * cols, 0);
  for (std::size_t j = 0; j < cols; ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    d[i * cols] = i;
    for (std::size_t j = 1; j < cols; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min(
          {d[(i - 1) * cols + j - 1] + cost, d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d.back();
}

std::size_t allowed_edits(std::size_t words, std::size_t min_words) {
  if (words < min_words) return kNever;
  if (words < 12) return 1;
  if (words < 20) return 2;
  return words * 12 / 100;
}

std::size_t allowed_substantive(std::size_t words, bool adjacent_lines) {
  if (words < 30) return adjacent_lines ? 1 : 0;
  return words / 15;
}

bool typo_like(const WordHunk& hunk, const DuplicateUnit& a, const DuplicateUnit& b,
               const WordTable& table) {
  if (hunk.a.size() != 1 || hunk.b.size() != 1) return false;
  const std::string_view left = table.text(a.words[hunk.a.begin]);
  const std::string_view right = table.text(b.words[hunk.b.begin]);
  const std::size_t longer = std::max(left.size(), right.size());
  if (longer < 4) return false;  // "ed" / "sed", "6am" / "7am": other words, not slips.
  return char_distance(left, right) <= (longer >= 6 ? 2U : 1U);
}

std::size_t substantive_edits(const WordDiff& diff, const DuplicateUnit& a, const DuplicateUnit& b,
                              const WordTable& table) {
  std::size_t edits = 0;
  for (const WordHunk& hunk : diff.hunks) {
    if (!typo_like(hunk, a, b, table)) edits += std::max(hunk.a.size(), hunk.b.size());
  }
  return edits;
}

std::vector<std::uint64_t> shingle_hashes(std::span<const std::uint64_t> words, std::size_t width) {
  std::vector<std::uint64_t> hashes;
  if (words.empty()) return hashes;
  const std::size_t count = words.size() < width ? 1 : words.size() - width + 1;
  hashes.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    // FNV-1a over the words' hashes, a word at a time: order matters, as over their bytes.
    std::uint64_t hash = 14695981039346656037ULL;
    for (std::size_t k = i; k < std::min(i + width, words.size()); ++k) {
      hash ^= words[k];
      hash *= 1099511628211ULL;
      hash ^= hash >> 29U;
    }
    hashes.push_back(hash);
  }
  return hashes;
}

}  // namespace galley
