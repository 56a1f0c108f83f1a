#include "rules/literal_matcher.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

namespace galley {
namespace {

constexpr std::uint32_t kNoState = std::numeric_limits<std::uint32_t>::max();
/// The bit of a finished transition that says its target state has outputs.
constexpr std::uint32_t kHasOutput = std::uint32_t{1} << 31U;

std::uint8_t lower_ascii(std::uint8_t byte) {
  return byte >= 'A' && byte <= 'Z' ? static_cast<std::uint8_t>(byte - 'A' + 'a') : byte;
}

/// ASCII white space: space, tab, line feed, vertical tab, form feed, carriage return.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/// `literal` with each run of white space made one space.
std::string one_space_a_run(std::string_view literal) {
  std::string out;
  for (const char c : literal) {
    if (!is_space(c)) {
      out += c;
    } else if (out.empty() || out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

/// True when `text[pos]` is white space after white space: the search reads a run as one space.
bool inside_space_run(std::string_view text, std::size_t pos) {
  return pos > 0 && is_space(text[pos]) && is_space(text[pos - 1]);
}

}  // namespace

// Bytes that occur in no literal share column 0, which keeps the table small enough to stay in
// cache (a few dozen columns instead of 256).
void LiteralMatcher::build_classes(const std::vector<std::string>& literals) {
  byte_class_.assign(256, 0);
  for (const std::string& literal : literals) {
    for (const char c : literal) {
      std::uint8_t& column = byte_class_[static_cast<std::uint8_t>(c)];
      if (column == 0) column = static_cast<std::uint8_t>(classes_++);
    }
  }
}

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& written) {
  for (const std::string& literal : written) literals_.push_back(one_space_a_run(literal));
  const std::vector<std::string>& literals = literals_;
  build_classes(literals);
  // The trie, with kNoState for missing edges. Literal bytes keep their own column; only input
  // bytes are lower-cased (below), so a literal with a capital letter can never match, as with
  // a search of lower-cased text.
  next_.assign(classes_, kNoState);
  std::vector<std::vector<std::uint32_t>> own(1);
  std::vector<std::uint8_t> last_column(1, 0);  // By state: the column of its trie edge.
  for (std::size_t i = 0; i < literals.size(); ++i) {
    std::uint32_t state = 0;
    for (const char c : literals[i]) {
      const std::uint8_t column = byte_class_[static_cast<std::uint8_t>(c)];
      const std::size_t edge = state * classes_ + column;
      if (next_[edge] == kNoState) {
        next_[edge] = static_cast<std::uint32_t>(own.size());
        own.emplace_back();
        last_column.push_back(column);
        next_.resize(next_.size() + classes_, kNoState);
      }
      state = next_[edge];
    }
    own[state].push_back(static_cast<std::uint32_t>(i));
    lengths_.push_back(literals[i].size());
    longest_ = std::max(longest_, literals[i].size());
  }
  // Breadth first: a state's failure link is shallower, so complete before the state itself.
  const std::size_t states = own.size();
  std::vector<std::uint32_t> fail(states, 0);
  std::vector<std::uint32_t> order{0};
  for (std::size_t head = 0; head < order.size(); ++head) {
    const std::uint32_t state = order[head];
    for (std::size_t column = 0; column < classes_; ++column) {
      std::uint32_t& target = next_[state * classes_ + column];
      const std::uint32_t fallback = state == 0 ? 0 : next_[fail[state] * classes_ + column];
      if (target == kNoState) {
        target = fallback;
        continue;
      }
      fail[target] = fallback;
      own[target].insert(own[target].end(), own[fallback].begin(), own[fallback].end());
      order.push_back(target);
    }
  }
  first_out_.reserve(states + 1);
  for (std::vector<std::uint32_t>& outputs : own) {
    std::sort(outputs.begin(), outputs.end());
    first_out_.push_back(static_cast<std::uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), outputs.begin(), outputs.end());
  }
  first_out_.push_back(static_cast<std::uint32_t>(outputs_.size()));
  // Transitions hold the target's row, not its number, and flag a target with outputs: the
  // search loop then needs no multiplication and no second lookup per byte.
  assert(states * classes_ < kHasOutput);
  for (std::uint32_t& target : next_) {
    const bool outputs = first_out_[target] != first_out_[target + 1];
    target = static_cast<std::uint32_t>(target * classes_) | (outputs ? kHasOutput : 0U);
  }
  // A run of white space reads as one space: a state entered by a space stays where it is on
  // more, reporting nothing again. Any other state a space leads to is the root, which a space
  // leaves where it is (no literal is empty, and the root is entered by a space only when no
  // literal starts with one). So the search needs no test of the byte before (it was a third
  // of its instructions); bytes of no literal share the space's column where no literal has a
  // space, and lead to the root all the same.
  const std::uint8_t space = byte_class_[static_cast<std::uint8_t>(' ')];
  for (std::size_t state = 1; state < states; ++state) {
    if (last_column[state] == space) {
      next_[state * classes_ + space] = static_cast<std::uint32_t>(state * classes_);
    }
  }
  // Input bytes are compared in lower case: 'A' takes the column of 'a'.
  for (int c = 'A'; c <= 'Z'; ++c) {
    byte_class_[static_cast<std::size_t>(c)] =
        byte_class_[lower_ascii(static_cast<std::uint8_t>(c))];
  }
  // And white space as a space, a run of it as one (the transitions above): the paragraphs of
  // hard-wrapped text break lines between words, with CR LF or an indent, where a rule's
  // expression matches \s+, and a literal "could of" must find "could\r\nof".
  for (const char c : {'\t', '\n', '\v', '\f', '\r'})
    byte_class_[static_cast<std::uint8_t>(c)] = byte_class_[static_cast<std::uint8_t>(' ')];
}

void LiteralMatcher::scan(std::string_view text, std::vector<LiteralHit>& out) const {
  const std::uint8_t* const classes = byte_class_.data();
  const std::uint32_t* const next = next_.data();
  std::uint32_t row = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const std::uint8_t column = classes[static_cast<std::uint8_t>(text[pos])];
    const std::uint32_t target = next[row + column];
    row = target & ~kHasOutput;
    if ((target & kHasOutput) != 0) emit(row, text, pos, out);
  }
}

// The literal's characters were read at single bytes, its spaces at the first byte of a run of
// white space: from its last character back, each earlier one is the byte before, or the start
// of the run that byte ends.
std::size_t LiteralMatcher::begin_of(std::size_t literal, std::string_view text,
                                     std::size_t last) const {
  std::size_t at = last;
  for (std::size_t k = literals_[literal].size(); k > 1; --k) {
    --at;
    while (inside_space_run(text, at)) --at;
  }
  return at;
}

void LiteralMatcher::emit(std::uint32_t row, std::string_view text, std::size_t pos,
                          std::vector<LiteralHit>& out) const {
  const std::size_t state = row / classes_;
  for (std::uint32_t o = first_out_[state]; o < first_out_[state + 1]; ++o) {
    const std::uint32_t literal = outputs_[o];
    out.push_back({literal, begin_of(literal, text, pos), pos + 1});
  }
}

// A long text is searched as two halves in one loop: each byte's transition waits for the one
// before, and two independent searches keep the core busy while each waits. The second half's
// search starts a literal's length before its half, in the root state, and so is in the state a
// single search would be in from the half's first byte on; it reports only from there.
void LiteralMatcher::find_all(std::string_view text, std::vector<LiteralHit>& out) const {
  constexpr std::size_t kHalvesFrom = 256;
  if (text.size() < kHalvesFrom || longest_ == 0) {
    scan(text, out);
    return;
  }
  const std::size_t middle = text.size() / 2;
  // Back far enough that a literal ending in the second half starts after second_from: a run of
  // white space is one character of a literal.
  std::size_t second_from = middle;
  for (std::size_t characters = 0; second_from > 0 && characters + 1 < longest_;) {
    --second_from;
    if (!inside_space_run(text, second_from)) ++characters;
  }
  thread_local std::vector<LiteralHit> second_hits;
  second_hits.clear();
  const std::uint8_t* const classes = byte_class_.data();
  const std::uint32_t* const next = next_.data();
  std::uint32_t first_row = 0;
  std::uint32_t second_row = 0;
  const std::size_t steps = middle;  // The second search has at least as many bytes.
  const auto step_from = [&](std::uint32_t row, std::size_t pos) {
    return next[row + classes[static_cast<std::uint8_t>(text[pos])]];
  };
  for (std::size_t step = 0; step < steps; ++step) {
    const std::size_t a = step;
    const std::size_t b = second_from + step;
    const std::uint32_t first = step_from(first_row, a);
    const std::uint32_t second = step_from(second_row, b);
    first_row = first & ~kHasOutput;
    second_row = second & ~kHasOutput;
    if ((first & kHasOutput) != 0) emit(first_row, text, a, out);
    if ((second & kHasOutput) != 0 && b >= middle) emit(second_row, text, b, second_hits);
  }
  for (std::size_t b = second_from + steps; b < text.size(); ++b) {
    const std::uint32_t second = step_from(second_row, b);
    second_row = second & ~kHasOutput;
    if ((second & kHasOutput) != 0 && b >= middle) emit(second_row, text, b, second_hits);
  }
  out.insert(out.end(), second_hits.begin(), second_hits.end());
}

}  // namespace galley
