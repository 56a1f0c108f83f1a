#include "checks/repeated_word_check.hpp"

#include <algorithm>
#include <array>

#include "checks/registry.hpp"
#include "segment/normalize.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "typography.repeated-word";

// Doubled words that English grammar allows ("what it is is ...", "he had had enough").
constexpr std::array<std::string_view, 6> kGrammatical{"had", "that", "is", "bye", "very", "no"};

bool only_spaces(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// Pronouns that are doubled by grammar when the first is an object and the second a subject or
// a possessive ("I assure you you are", "teach her her trade", "for it it will"); a slip when
// the first could not be an object: it opens a clause (kClauseOpeners, punctuation, the start).
// "it it" only after a preposition: after a verb it is a release's commonest slip ("the council
// said it it will reopen"), where "you" and "her" after a verb are objects ("told her her").
constexpr std::array<std::string_view, 2> kObjectThenSubject{"you", "her"};
constexpr std::array<std::string_view, 19> kPrepositions{
    "about", "after", "against", "at", "before", "by",   "for",  "from",    "in",     "into",
    "of",    "on",    "over",    "to", "under",  "upon", "with", "without", "through"};
constexpr std::array<std::string_view, 20> kClauseOpeners{
    "and",   "but",   "or", "nor",    "so",       "yet",     "that",  "because", "if",  "when",
    "while", "since", "as", "though", "although", "whether", "where", "which",   "who", "than"};

template <std::size_t N>
bool one_of(std::string_view folded, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), folded) != words.end();
}

/// The word token just before token `t`, lowercased, when only spaces separate them; empty at the
/// block's start, after punctuation or after a token that is no word (a number, a URL).
std::string word_before(std::string_view text, const std::vector<Token>& tokens, std::size_t t) {
  if (t == 0 || tokens[t - 1].kind() != TokenKind::word) return {};
  const Span before = tokens[t - 1].span();
  if (!only_spaces(text.substr(before.end, tokens[t].span().begin - before.end))) return {};
  return fold_key(text.substr(before.begin, before.size()));
}

/// True when the doubled word's first copy, token `t`, can be an object: "you" or "her" after
/// a word that opens no clause, "it" after a preposition.
bool first_may_be_object(std::string_view folded, std::string_view text,
                         const std::vector<Token>& tokens, std::size_t t) {
  const std::string before = word_before(text, tokens, t);
  if (before.empty()) return false;
  if (folded == "it") return one_of(before, kPrepositions);
  return one_of(folded, kObjectThenSubject) && !one_of(before, kClauseOpeners);
}

/// True when the word at `span` of `text` is part of a hyphenated compound: "kernel-package
/// package" and "to to-morrow" repeat no word.
bool in_compound(std::string_view text, Span span) {
  return (span.begin > 0 && text[span.begin - 1] == '-') ||
         (span.end < text.size() && text[span.end] == '-');
}

bool capitalised(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

/// True when word token `t` of `tokens` is the first word of its sentence in `sentences` (spans
/// of the same text, in order); `sentence` is a cursor into `sentences`, moved forward only.
bool opens_sentence(const std::vector<Span>& sentences, std::size_t& sentence,
                    const std::vector<Token>& tokens, std::size_t t) {
  const std::size_t begin = tokens[t].span().begin;
  while (sentence + 1 < sentences.size() && sentences[sentence].end <= begin) ++sentence;
  if (sentence >= sentences.size()) return t == 0;
  for (std::size_t before = t; before-- > 0;) {
    if (tokens[before].span().begin < sentences[sentence].begin) return true;
    if (tokens[before].kind() == TokenKind::word) return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<Check> RepeatedWordCheck::make(const Settings& /*settings*/) {
  return std::make_unique<RepeatedWordCheck>();
}

void RepeatedWordCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  for (std::size_t b = 0; b < doc.doc.blocks.size(); ++b) {
    const Block& block = doc.doc.blocks[b];
    const std::vector<Token>& tokens = doc.segments[b].tokens;
    const std::string_view text = block.text;
    std::size_t sentence = 0;
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      const Token& first = tokens[i - 1];
      const Token& second = tokens[i];
      if (first.kind() != TokenKind::word || second.kind() != TokenKind::word) continue;
      const std::string_view word = text.substr(second.span().begin, second.span().size());
      const std::string_view previous = text.substr(first.span().begin, first.span().size());
      // Most pairs differ in their first bytes: told apart before the gap is looked at.
      if (!may_be_same_word(previous, word)) continue;
      if (!only_spaces(text.substr(first.span().end, second.span().begin - first.span().end)))
        continue;
      if (!same_word(previous, word)) continue;
      const std::string folded = fold_key(word);
      if (one_of(folded, kGrammatical)) continue;
      if (in_compound(text, first.span()) || in_compound(text, second.span())) continue;
      if (!opens_sentence(doc.segments[b].sentences, sentence, tokens, i - 1) &&
          first_may_be_object(folded, text, tokens, i - 1)) {
        continue;
      }
      // "Bora Bora", "Pago Pago", "Walla Walla": a place or a name, capitalised twice inside a
      // sentence; "The the" and "The The" opening one stay flagged.
      if (capitalised(previous) && capitalised(word) &&
          !opens_sentence(doc.segments[b].sentences, sentence, tokens, i - 1)) {
        continue;
      }
      const Span span = block.to_source({first.span().begin, second.span().end});
      const std::string kept(previous);
      out.push_back(make_finding(info, span, "Repeated word '" + std::string(word) + "'", {kept}));
    }
  }
}

}  // namespace galley
