// What the spelling checks know about a document before they consult a dictionary: which tokens
// are words at all, which are names by their shape, and how often each form occurs.
#include "checks/spell_document.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <functional>
#include <optional>
#include <set>
#include <span>

#include "checks/compound_rules.hpp"
#include "checks/job_titles.hpp"
#include "checks/language.hpp"
#include "checks/speller.hpp"
#include "checks/word_index.hpp"
#include "core/utf8.hpp"
#include "segment/normalize.hpp"

namespace galley {

// A release's few hundred words are compared with a query one by one for its first queries:
// indexing them costs about what sixteen such passes cost, and a release asks only a few. A
// longer document is indexed at its first query.
constexpr std::size_t kUnindexedWords = 4096;
constexpr std::size_t kUnindexedQueries = 16;
/// The farthest near_document_words looks.
constexpr std::size_t kMaxNear = 2;

namespace {

struct Shape {
  std::size_t letters = 0;
  std::size_t upper = 0;
  bool first_upper = false;
  bool inner_upper = false;
  bool other = false;  // Digits, dots, underscores: not a plain word.
};

/// Whether code point `c` is a letter and an upper-case one. ASCII is answered here: every
/// form of every document is shaped, and ICU's calls were most of it.
std::pair<bool, bool> letter_case(char32_t c) {
  if (c < 0x80) {
    const bool upper = c >= 'A' && c <= 'Z';
    return {upper || (c >= 'a' && c <= 'z'), upper};
  }
  const auto code_point = static_cast<UChar32>(c);
  return {u_isalpha(code_point) != 0, u_isupper(code_point) != 0};
}

Shape shape_of(std::string_view word) {
  Shape shape;
  std::size_t pos = 0;
  while (pos < word.size()) {
    const char32_t c = static_cast<unsigned char>(word[pos]) < 0x80U
                           ? static_cast<char32_t>(word[pos])
                           : utf8::decode(word, pos);
    pos += std::max<std::size_t>(utf8::sequence_length(word, pos), 1);
    if (const auto [letter, upper] = letter_case(c); letter) {
      if (upper && shape.letters == 0) shape.first_upper = true;
      if (upper && shape.letters > 0) shape.inner_upper = true;
      shape.upper += upper ? 1 : 0;
      ++shape.letters;
    } else if (c != '\'' && c != U'\u2019' && c != '-') {
      shape.other = true;
    }
  }
  return shape;
}

/// The length of `word` without a possessive "'s" (or "’s").
std::size_t without_possessive(std::string_view word) {
  if (word.empty() || word.back() != 's') return word.size();  // Most words: asked of each.
  for (const std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s")}) {
    if (word.size() > suffix.size() && word.ends_with(suffix)) return word.size() - suffix.size();
  }
  return word.size();
}

/// Whether `word`, whose shape is `shape`, is all capitals (a plural "s" aside).
bool is_acronym(std::string_view word, const Shape& shape) {
  if (!word.ends_with("s")) return shape.letters >= 2 && shape.upper == shape.letters;
  const Shape singular = shape_of(word.substr(0, word.size() - 1));
  return singular.letters >= 2 && singular.upper == singular.letters;
}

bool is_marker(std::string_view text, Span span) {
  return span.begin > 0 && text[span.begin - 1] == '[' && span.end < text.size() &&
         text[span.end] == ']';
}

bool is_function_word(std::string_view lower) {
  static constexpr std::array<std::string_view, 9> kWords{"of", "and", "the", "for", "in",
                                                          "on", "to",  "a",   "an"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

/// True when the capitals of `abbr` are the initials of the word tokens before token `at` of
/// the block, read backwards, function words skipped where they do not match ("Department for
/// Education (DfE)"). The words are folded only as far back as the letters reach.
bool defines(std::string_view abbr, std::string_view text, const std::vector<Token>& tokens,
             std::size_t at) {
  std::string letters;
  for (const char c : abbr) {
    if (c >= 'A' && c <= 'Z') letters.push_back(static_cast<char>(c - 'A' + 'a'));
  }
  if (letters.size() < 2) return false;
  std::size_t next = at;  // Tokens [0, next) are still to read, backwards.
  std::string word;
  const auto step = [&]() -> bool {
    while (next > 0) {
      const Token& token = tokens[--next];
      if (token.kind() != TokenKind::word) continue;
      word = fold_key(text.substr(token.span().begin, token.span().size()));
      return true;
    }
    return false;
  };
  bool have = step();
  for (auto letter = letters.rbegin(); letter != letters.rend(); ++letter) {
    while (have && word[0] != *letter && is_function_word(word)) have = step();
    if (!have || word[0] != *letter) return false;
    have = step();
  }
  return true;
}

/// Abbreviations the block defines as "Full Name (ABBR)".
void collect_definitions(std::string_view text, const std::vector<Token>& tokens,
                         std::set<std::string, std::less<>>& defined) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Span span = tokens[i].span();
    const bool in_parens = span.begin > 0 && text[span.begin - 1] == '(' &&
                           span.end < text.size() && text[span.end] == ')';
    if (!in_parens) continue;
    const std::string_view word = text.substr(span.begin, span.size());
    if (defines(word, text, tokens, i)) defined.emplace(word);
  }
}

/// True when `word` is a title written before a name ("Dr", "Mrs", "Cllr", "Sen."). Only
/// abbreviations and forms of address: "Mayor" or "Minister" may open a headline's verb
/// ("Mayor Anounces Plan"), which must stay a typo.
bool is_title(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kTitles = {
      "Capt", "Cllr", "Col", "Dame", "Dr",  "Fr",  "Gen",  "Gov", "Lt",  "Mr",
      "Mrs",  "Ms",   "Mx",  "Prof", "Rep", "Rev", "Revd", "Sen", "Sgt", "Sir"};
  return std::find(kTitles.begin(), kTitles.end(), word) != kTitles.end();
}

/// True when only spaces separate `a` and `b` in `text`, after a full stop if `dot`.
bool spaced_apart(std::string_view text, Span a, Span b, bool dot) {
  std::size_t at = a.end;
  if (dot && (at >= b.begin || text[at++] != '.')) return false;
  if (at >= b.begin) return false;
  for (; at < b.begin; ++at) {
    if (text[at] != ' ') return false;
  }
  return true;
}

/// True when `token` is a word of one capital letter ("D").
bool is_letter(std::string_view text, const Token& token) {
  return token.kind() == TokenKind::word && token.span().size() == 1 &&
         text[token.span().begin] >= 'A' && text[token.span().begin] <= 'Z';
}

/// True when `word` names a thing a letter labels ("Plan B", "Appendix A", "World War I",
/// "vitamin D"): the letter is no initial, and a full stop after it ends a sentence.
bool is_label(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kLabels = {
      "annex",  "appendix", "article", "block", "category", "chapter", "class",   "exhibit",
      "figure", "form",     "grade",   "group", "level",    "option",  "part",    "phase",
      "plan",   "schedule", "section", "stage", "table",    "type",    "vitamin", "war"};
  const std::string lower = fold_key(word);
  return std::find(kLabels.begin(), kLabels.end(), lower) != kLabels.end();
}

/// True when word token `i`, capitalised, follows a title ("Dr Hearn", "Rev. Hearn") or an
/// initial ("Abraham D. Beame", "J. H. Hearn", "a bid from A. Belanger"), with only spaces
/// between: ICU takes the initial's full stop for a sentence's end, and both make it a surname.
/// A letter that opens its block is an outline's ("A. Background"), and one after a label
/// ("Plan B. This ...") no initial: the sentence does end there.
bool follows_initial_or_title(std::string_view text, const std::vector<Token>& tokens,
                              std::size_t i) {
  if (i == 0 || tokens[i - 1].kind() != TokenKind::word) return false;
  const Span prev = tokens[i - 1].span();
  const std::string_view before = text.substr(prev.begin, prev.size());
  const auto spaced = [&](Span a, Span b) {
    return spaced_apart(text, a, b, true) || spaced_apart(text, a, b, false);
  };
  if (is_title(before)) return spaced(prev, tokens[i].span());
  if (!is_letter(text, tokens[i - 1]) || !spaced_apart(text, prev, tokens[i].span(), true)) {
    return false;
  }
  if (i < 2) return false;  // The block's first token: an outline's letter.
  const Span first = tokens[i - 2].span();
  if (tokens[i - 2].kind() != TokenKind::word || !spaced(first, prev)) return true;
  return !is_label(text.substr(first.begin, first.size()));
}

std::string compound_of(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  const auto joined = [&](std::size_t a, std::size_t b) {
    return tokens[a].kind() == TokenKind::word && tokens[b].kind() == TokenKind::word &&
           tokens[b].span().begin == tokens[a].span().end + 1 && text[tokens[a].span().end] == '-';
  };
  std::size_t first = i;
  std::size_t last = i;
  while (first > 0 && joined(first - 1, first)) --first;
  while (last + 1 < tokens.size() && joined(last, last + 1)) ++last;
  if (first == last) return {};
  return std::string(text.substr(tokens[first].span().begin,
                                 tokens[last].span().end - tokens[first].span().begin));
}

/// The folded word token beside word token `i` (`step` -1 before it, +1 after it) when only a
/// space or a hyphen separates them, else empty: the neighbour of a word in a job title.
std::string title_neighbour(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                            int step) {
  if ((step < 0 && i == 0) || (step > 0 && i + 1 >= tokens.size())) return {};
  const std::size_t j = step < 0 ? i - 1 : i + 1;
  if (tokens[j].kind() != TokenKind::word) return {};
  const Span first = tokens[std::min(i, j)].span();
  const Span second = tokens[std::max(i, j)].span();
  if (second.begin != first.end + 1 || (text[first.end] != ' ' && text[first.end] != '-')) {
    return {};
  }
  return fold_key(text.substr(tokens[j].span().begin, tokens[j].span().size()));
}

/// True when `[sic]` or `(sic)` follows the word ending at `end` (after spaces).
bool followed_by_sic(std::string_view text, std::size_t end) {
  while (end < text.size() && text[end] == ' ') ++end;
  if (end >= text.size() || (text[end] != '[' && text[end] != '(')) return false;
  const std::string rest = fold_key(text.substr(end, 5));
  return rest == "[sic]" || rest == "(sic)";
}

/// What form_of works out of a form whatever the document it is in.
struct FormShape {
  bool first_upper = false;
  bool inner_upper = false;
  bool skipped = false;  ///< Not a plain word, one letter, an acronym, or a variety's spelling.
};

/// The shape of `word`: form_of's facts that depend on the form alone.
FormShape form_shape(std::string_view word) {
  const Shape shape = shape_of(word);
  return {shape.first_upper, shape.inner_upper,
          shape.other || shape.letters < 2 || is_acronym(word, shape) ||
              !variety_counterpart(word).first.empty()};
}

/// The shape of `word`, and its fold_key into `lower`.
FormShape form_shape(std::string_view word, std::string& lower) {
  lower = fold_key(word);
  return form_shape(word);
}

/// The forms a thread met in the documents it checked before, with their shapes and folded
/// keys: a release's distinct forms are more than half its words (a novel's, 2%), and working
/// each out again in every release was an eighth of the small files' instructions. Forms up to
/// kMaxFormBytes long, kMaxForms of them: at most about 8 MB before it starts again empty.
class FormShapes {
 public:
  static constexpr std::size_t kMaxForms = std::size_t{1} << 16U;
  static constexpr std::size_t kMaxFormBytes = 48;

  /// The shape and the fold_key of `word` into `lower`.
  FormShape of(std::string_view word, std::string& lower) {
    if (word.size() > kMaxFormBytes) {  // A long form is rare, and would crowd out the others.
      return form_shape(word, lower);
    }
    if (const std::uint32_t id = words_.find(word); id != StringIndex::kAbsent) {
      const std::uint32_t begin = id == 0 ? 0 : lower_ends_[id - 1];
      lower.assign(lower_, begin, lower_ends_[id] - begin);
      return shapes_[id];
    }
    const FormShape shape = form_shape(word, lower);
    if (words_.size() >= kMaxForms) *this = FormShapes();
    try {  // Each table one longer, or none: a cache can start again empty.
      shapes_.push_back(shape);
      lower_ += lower;
      lower_ends_.push_back(static_cast<std::uint32_t>(lower_.size()));
      words_.intern(word);
    } catch (...) {
      *this = FormShapes();
      throw;
    }
    return shape;
  }

 private:
  StringIndex words_;
  std::vector<FormShape> shapes_;          ///< By id in `words_`.
  std::string lower_;                      ///< The fold_keys, one after another.
  std::vector<std::uint32_t> lower_ends_;  ///< By id: where its key ends in `lower_`.
};

/// The id of `word` in `forms`, and true when it was added now: its facts are then worked out
/// (from `shapes` where given), all but whether the speller knows it, which the caller asks.
std::pair<std::uint32_t, bool> form_of(FormTable& forms, std::string_view word,
                                       const std::set<std::string, std::less<>>& defined,
                                       FormShapes* shapes) {
  if (const std::uint32_t id = forms.index.find(word); id != StringIndex::kAbsent) {
    return {id, false};
  }
  std::string lower;
  const FormShape shape = shapes != nullptr ? shapes->of(word, lower) : form_shape(word, lower);
  FormFacts facts;
  facts.first_upper = shape.first_upper;
  facts.inner_upper = shape.inner_upper;
  facts.always_skipped = shape.skipped || defined.contains(word) ||
                         (word.ends_with("s") && defined.contains(word.substr(0, word.size() - 1)));
  // The facts first: should the index fail to grow, no id lacks its facts.
  forms.facts.push_back(facts);
  try {
    forms.lower.push_back(std::move(lower));
    return {forms.index.intern(word), true};  // Its id is the facts' index.
  } catch (...) {
    forms.facts.resize(forms.index.size());
    forms.lower.resize(forms.index.size());
    throw;
  }
}

/// True when a byte next to `span` of `text` is in no well-formed UTF-8 sequence: the word is a
/// piece of one that another encoding's bytes cut ("caf" of a Latin-1 "café"), which
/// typography.invalid-utf8 reports; its pieces are no misspellings.
bool touches_invalid_utf8(std::string_view text, Span span) {
  const auto high = [&](std::size_t at) { return static_cast<unsigned char>(text[at]) >= 0x80U; };
  if (span.end < text.size() && high(span.end) && utf8::sequence_length(text, span.end) == 0) {
    return true;
  }
  if (span.begin == 0 || !high(span.begin - 1)) return false;
  // The sequence that ends before the word starts at its lead byte, at most four bytes back.
  for (std::size_t back = 1; back <= 4 && back <= span.begin; ++back) {
    const std::size_t at = span.begin - back;
    if ((static_cast<unsigned char>(text[at]) & 0xC0U) != 0x80U) {
      return utf8::sequence_length(text, at) != back;
    }
  }
  return true;
}

/// The bytes of word token `token` of `text`, a possessive's "'s" left off.
std::string_view word_of(std::string_view text, const Token& token) {
  const std::string_view full = text.substr(token.span().begin, token.span().size());
  return full.substr(0, without_possessive(full));
}

/// Collects the words of block `b` of `doc` into `out`, the forms new to the document shaped
/// by `shapes` where given. `form_of_text` maps the document's token texts
/// (AnalyzedDocument::forms) to their forms, StringIndex::kAbsent until met: a form is worked
/// out once per distinct text, not per token.
void collect_block(const AnalyzedDocument& doc, std::size_t b,
                   const std::set<std::string, std::less<>>& defined, Speller& speller,
                   FormShapes* shapes, std::vector<std::uint32_t>& form_of_text,
                   SpellDocument& out) {
  const std::string_view text = doc.doc.blocks[b].text;
  const std::vector<Token>& tokens = doc.segments[b].tokens;
  const std::span<const std::uint32_t> texts = doc.forms.of_block(b);
  std::vector<bool> starts = sentence_starts(doc.segments[b]);
  // The block's forms first, then the speller's answers for those new to the document: their
  // cached answers are fetched from memory together (Speller::prefetch), where asking as each
  // form was met waited for one cache miss at a time (a release's rarer words are in no cache).
  std::vector<std::uint32_t> form_at(tokens.size(), 0);
  std::vector<std::uint32_t> fresh;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind() != TokenKind::word) continue;
    std::uint32_t& known_form = form_of_text[texts[i]];
    if (known_form == StringIndex::kAbsent) {
      const std::string_view word = word_of(text, tokens[i]);
      const auto [form, added] = form_of(out.forms, word, defined, shapes);
      known_form = form;
      if (added && !out.forms.facts[form].always_skipped) {
        fresh.push_back(form);
        speller.prefetch(word);
      }
    }
    form_at[i] = known_form;
  }
  for (const std::uint32_t form : fresh) {
    out.forms.facts[form].known = speller.known(out.forms.index.text(form));
  }
  const std::size_t first_candidate = out.words.size();
  OtherLanguageBlock lowercase{b, 0, 0};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind() != TokenKind::word) continue;
    const std::uint32_t form = form_at[i];
    FormFacts& facts = out.forms.facts[form];
    const bool after_title = facts.first_upper && follows_initial_or_title(text, tokens, i);
    if (after_title) starts[i] = false;
    ++facts.count;
    if (!starts[i]) ++facts.mid_sentence;
    if (facts.always_skipped || followed_by_sic(text, tokens[i].span().end) ||
        is_marker(text, tokens[i].span())) {
      continue;
    }
    if (!facts.first_upper) ++lowercase.words;
    if (facts.known) continue;  // spelled_ok's first test, answered once per form.
    if (touches_invalid_utf8(text, tokens[i].span())) continue;
    // The form is the token's text up to a possessive's "'s" (word_of).
    const std::string_view word =
        text.substr(tokens[i].span().begin, out.forms.index.text(form).size());
    const Span span{tokens[i].span().begin, tokens[i].span().begin + word.size()};
    const bool before_dot = tokens[i].span().end < text.size() && text[tokens[i].span().end] == '.';
    std::string compound = compound_of(text, tokens, i);
    SpellWord candidate{b,
                        span,
                        std::string(word),
                        out.forms.lower[form],
                        std::move(compound),
                        starts[i],
                        facts.first_upper,
                        facts.inner_upper,
                        before_dot,
                        after_title};
    // Only rejected words are kept: a long document holds a million accepted ones.
    if (spelled_ok(candidate, speller)) continue;
    if (candidate.capitalised && !after_title) {
      candidate.in_title = job_title_typo(candidate.lower, title_neighbour(text, tokens, i, -1),
                                          title_neighbour(text, tokens, i, +1));
    }
    if (!candidate.capitalised) ++lowercase.unknown;
    out.words.push_back(std::move(candidate));
  }
  // Not English with typos but another language (a French version beside the English one):
  // its words would be dozens of findings, each wrong.
  if (other_language_block(lowercase.words, lowercase.unknown)) {
    out.words.resize(first_candidate);
    out.foreign_blocks.push_back(lowercase);
  }
}

/// The first eight bytes of `text` as one number, the first byte highest, zeros after a shorter
/// text: numbers in the order of the texts, where the texts differ in their first eight bytes.
std::uint64_t order_prefix(std::string_view text) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    prefix = prefix << 8U | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0U);
  }
  return prefix;
}

/// Makes words.letter_sets, if not made, for every word of the document.
void make_letter_sets(const SpellDocument& words) {
  if (words.letter_sets.size() == words.lower_list.size()) return;
  words.letter_sets.clear();
  words.letter_sets.reserve(words.lower_list.size());
  for (const std::string& word : words.lower_list) words.letter_sets.push_back(letter_set(word));
}

/// Numbers the distinct folded words and groups the exact forms under them: one sort of the
/// forms by (folded, exact) gives both (a sort of the folded words, a search for each form's and
/// a sort of the groups took three times as long). Each form's first eight folded bytes are
/// compared as one number, the strings only where those are equal: every document's forms are
/// sorted, and comparing strings was a twentieth of the small files' time.
void index_words(SpellDocument& out) {
  struct Keyed {
    std::uint64_t prefix;  ///< order_prefix of the folded form.
    std::uint32_t id;      ///< Form id.
  };
  std::vector<Keyed> order;
  order.reserve(out.forms.facts.size());
  for (std::uint32_t id = 0; id < out.forms.facts.size(); ++id) {
    order.push_back({order_prefix(out.forms.lower[id]), id});
  }
  const auto pair_of = [&](std::uint32_t id) {  // (lower, form)
    return std::pair<std::string_view, std::string_view>(out.forms.lower[id],
                                                         out.forms.index.text(id));
  };
  std::sort(order.begin(), order.end(), [&](const Keyed& a, const Keyed& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return pair_of(a.id) < pair_of(b.id);
  });
  out.surface_list.reserve(order.size());
  out.surface_start.reserve(order.size() + 1);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto [lower, form] = pair_of(order[i].id);
    if (i == 0 || lower != out.forms.lower[order[i - 1].id]) {
      out.lower_list.emplace_back(lower);
      out.surface_start.push_back(static_cast<std::uint32_t>(i));
    }
    out.surface_list.push_back(form);
  }
  out.surface_start.push_back(static_cast<std::uint32_t>(order.size()));
  if (out.lower_list.size() <= kUnindexedWords) make_letter_sets(out);  // Compared one by one.
}

}  // namespace

namespace {

/// The distance of word `id` of the document from `query`, whose letter_set() is `letters`, when
/// within kMaxNear edits; none for `query` itself and for words with a digit.
std::optional<std::uint8_t> near_distance(const SpellDocument& words, std::string_view query,
                                          std::uint64_t letters, std::uint32_t id) {
  const std::string& other = words.lower_list[id];
  if (!letter_sets_close(letters, words.letter_sets[id], kMaxNear) || other == query ||
      has_ascii_digit(other)) {
    return std::nullopt;
  }
  const std::size_t distance = edit_distance(query, other, kMaxNear);
  if (distance > kMaxNear) return std::nullopt;
  return static_cast<std::uint8_t>(distance);
}

/// Of `candidates` (ids of words that share a delete with `query`, ascending), those within
/// kMaxNear edits of it, with their distances.
std::vector<SpellDocument::NearId> verified_near(const SpellDocument& words, std::string_view query,
                                                 std::span<const std::uint32_t> candidates) {
  std::vector<SpellDocument::NearId> near;
  const std::uint64_t letters = letter_set(query);
  for (const std::uint32_t id : candidates) {
    if (const auto distance = near_distance(words, query, letters, id)) {
      near.push_back({id, *distance});
    }
  }
  return near;
}

}  // namespace

void find_near_words(const SpellDocument& words, std::span<const std::string> queries) {
  if (words.lower_list.size() <= kUnindexedWords) return;  // Compared word by word instead.
  std::vector<std::string_view> asked;
  for (const std::string& query : queries) {
    if (!words.near_cache.contains(query)) asked.emplace_back(query);
  }
  std::sort(asked.begin(), asked.end());
  asked.erase(std::unique(asked.begin(), asked.end()), asked.end());
  if (asked.empty()) return;
  make_letter_sets(words);
  DeleteIndex index;
  index.build(asked.size(), [&](std::size_t q) { return asked[q]; });
  std::vector<std::uint64_t> letters;
  letters.reserve(asked.size());
  for (const std::string_view query : asked) letters.push_back(letter_set(query));
  // Each pair is verified as it is found, so that only near words are held (a document of
  // short words shares deletes with most of its words); the words are probed in id order, so
  // each query's near words come ascending and once.
  std::vector<std::vector<SpellDocument::NearId>> near(asked.size());
  std::vector<std::uint32_t> found;
  for (std::uint32_t id = 0; id < words.lower_list.size(); ++id) {
    if (has_ascii_digit(words.lower_list[id])) continue;  // Never near: see near_distance.
    index.candidates_into(words.lower_list[id], kMaxNear, found);
    for (const std::uint32_t q : found) {
      if (const auto distance = near_distance(words, asked[q], letters[q], id)) {
        near[q].push_back({id, *distance});
      }
    }
  }
  for (std::size_t q = 0; q < asked.size(); ++q) {
    words.near_cache.emplace(std::string(asked[q]), std::move(near[q]));
  }
}

std::vector<std::uint32_t> near_document_words(const SpellDocument& words, std::string_view query,
                                               std::size_t max_distance) {
  assert(max_distance <= kMaxNear);
  std::vector<std::uint32_t> out;
  // A document word with a digit ("21st", "5G") is no spelling of a word: it is never offered,
  // and Hunspell's rules for such words need not be loaded (Speller::compound_rules_left_out).
  const auto keep_if_near = [&](std::uint32_t id) {
    const std::string& other = words.lower_list[id];
    if (other != query && !has_ascii_digit(other) &&
        edit_distance(query, other, max_distance) <= max_distance) {
      out.push_back(id);
    }
  };
  const std::size_t count = words.lower_list.size();
  if (!words.indexed && count <= kUnindexedWords && words.queries++ < kUnindexedQueries) {
    const std::uint64_t letters = letter_set(query);
    for (std::size_t id = 0; id < count; ++id) {
      if (letter_sets_close(letters, words.letter_sets[id], max_distance) &&
          !DeleteIndex::left_out(query, words.lower_list[id], max_distance)) {
        keep_if_near(static_cast<std::uint32_t>(id));
      }
    }
    return out;
  }
  // A word is asked about by each check that judges it, at distances 1 and 2: its words within
  // two edits are found once, with their distances, and the nearer ones taken from them (the
  // index offers a query's deletes at depth 1 within those at depth 2). A long document's
  // rejected words were found ahead (find_near_words); the index is for any other query.
  auto cached = words.near_cache.find(std::string(query));
  if (cached == words.near_cache.end()) {
    if (!words.indexed) {
      words.lower_index.build(
          count, [&](std::size_t id) -> std::string_view { return words.lower_list[id]; });
      make_letter_sets(words);
      words.indexed = true;
    }
    cached =
        words.near_cache
            .emplace(std::string(query),
                     verified_near(words, query, words.lower_index.candidates(query, kMaxNear)))
            .first;
  }
  for (const SpellDocument::NearId near : cached->second) {
    if (near.distance <= max_distance) out.push_back(near.id);
  }
  return out;
}

std::size_t SpellDocument::count(std::string_view form) const {
  const std::uint32_t id = forms.index.find(form);
  return id == StringIndex::kAbsent ? 0 : forms.facts[id].count;
}

std::size_t SpellDocument::mid_sentence_count(std::string_view form) const {
  const std::uint32_t id = forms.index.find(form);
  return id == StringIndex::kAbsent ? 0 : forms.facts[id].mid_sentence;
}

bool SpellDocument::has_lower(std::string_view lower) const {
  return std::binary_search(lower_list.begin(), lower_list.end(), lower);
}

std::span<const std::string_view> SpellDocument::surfaces(std::uint32_t id) const {
  return std::span<const std::string_view>(surface_list)
      .subspan(surface_start[id], surface_start[id + 1] - surface_start[id]);
}

// Loanwords ("le", "et", "pour", "nouveau") keep a French paragraph's share of unknown words
// near a half, and a release's coinages and typos can bring an English sentence to two fifths
// ("reimagined", "underserved", "untill"). Of Debian's English prose (bench/corpus eval.txt and
// train.txt, 28,114 paragraphs), no paragraph of eight lowercase words or more has half of them
// unknown to hunspell -l; of 11,915 such French ones (Debian's translations of its programs'
// messages), 9,209 (docs/checks/spelling.other-language.md).
bool other_language_block(std::size_t words, std::size_t unknown) {
  constexpr std::size_t kMinWords = 8;
  return words >= kMinWords && 2 * unknown >= words;
}

SpellDocument collect_spell_words(const AnalyzedDocument& doc, Speller& speller) {
  std::set<std::string, std::less<>> defined;
  const std::size_t blocks = std::min(doc.doc.blocks.size(), doc.segments.size());
  for (std::size_t b = 0; b < blocks; ++b) {
    collect_definitions(doc.doc.blocks[b].text, doc.segments[b].tokens, defined);
  }
  SpellDocument out;
  // Room for as many forms as words, up to 65,536, saves the rehashing (see find_pairs).
  const std::size_t room = std::min<std::size_t>(doc.word_count, std::size_t{1} << 16U);
  out.forms.index.reserve(room);
  out.forms.facts.reserve(room);
  out.forms.lower.reserve(room);
  std::vector<std::uint32_t> form_of_text(doc.forms.size(), StringIndex::kAbsent);
  // A long document's forms recur within it: its own table is enough, and a thread's would
  // only start again.
  constexpr std::size_t kShapesUpTo = std::size_t{1} << 16U;
  thread_local FormShapes thread_shapes;
  FormShapes* const shapes = doc.word_count < kShapesUpTo ? &thread_shapes : nullptr;
  for (std::size_t b = 0; b < blocks; ++b) {
    collect_block(doc, b, defined, speller, shapes, form_of_text, out);
  }
  index_words(out);
  return out;
}

bool name_like(const SpellDocument& words, const SpellWord& word) {
  if (word.inner_capital) return true;
  if (!word.capitalised) return false;
  if (!word.sentence_start) return true;
  return words.mid_sentence_count(word.text) > 0;
}

std::string name_variant_of(const SpellDocument& words, const SpellWord& word, Speller& speller) {
  if (!word.capitalised && !word.inner_capital) return {};
  const std::size_t own_count = words.count(word.text);
  // The forms to weigh: those folding to the word itself ("HondoGO", "HondoGo") and those of
  // the folded words near it, in sorted order so that ties go the same way every run.
  std::vector<std::string_view> forms;
  std::vector<std::uint32_t> ids = near_document_words(words, word.lower, 2);
  const auto self = std::lower_bound(words.lower_list.begin(), words.lower_list.end(), word.lower);
  if (self != words.lower_list.end() && *self == word.lower) {
    ids.push_back(static_cast<std::uint32_t>(self - words.lower_list.begin()));
  }
  for (const std::uint32_t id : ids) {
    for (const std::string_view form : words.surfaces(id)) forms.push_back(form);
  }
  std::sort(forms.begin(), forms.end());
  std::string best;
  std::size_t best_count = own_count;
  for (const std::string_view other : forms) {
    const std::size_t count = words.count(other);
    if (count <= best_count || other == word.text ||
        shape_of(other).first_upper != word.capitalised)
      continue;
    const std::string lower = fold_key(other);
    const std::size_t shorter = std::min(lower.size(), word.lower.size());
    const std::size_t limit = shorter >= 8 ? 2 : (shorter >= 4 ? 1 : 0);
    if (lower != word.lower && edit_distance(lower, word.lower, limit) > limit) continue;
    // Writers seldom get a name's first letter wrong: "Geng" beside "Deng" is another name.
    if (lower.front() != word.lower.front()) continue;
    if (lower + "s" == word.lower || word.lower + "s" == lower) continue;  // "the Middletons"
    if (speller.known(lower)) continue;  // A common word capitalised, not a name.
    best = other;
    best_count = count;
  }
  return best;
}

// Only ASCII letters change: the candidates come from ASCII lists, or are the document's own.
std::string with_case_of(std::string word, std::string_view model) {
  const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (model.empty() || !is_upper(model[0])) return word;
  const bool all_caps = model.size() > 1 && is_upper(model[1]) &&
                        model.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((i == 0 || all_caps) && word[i] >= 'a' && word[i] <= 'z')
      word[i] = static_cast<char>(word[i] - 'a' + 'A');
  }
  return word;
}

bool spelled_ok(const SpellWord& word, Speller& speller) {
  if (speller.known(word.text)) return true;
  if (word.before_dot && speller.known(word.text + ".")) return true;  // "etc.", "approx."
  return !word.compound.empty() && speller.known(word.compound);
}

void add_spelled_ok_forms(const SpellWord& word, std::vector<std::string>& forms) {
  forms.push_back(word.text);
  if (word.before_dot) forms.push_back(word.text + ".");
  if (!word.compound.empty()) forms.push_back(word.compound);
}

}  // namespace galley
