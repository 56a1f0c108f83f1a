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

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& literals) {
  build_classes(literals);
  // The trie, with kNoState for missing edges. Literal bytes keep their own column; only input
  // bytes are lower-cased (below), so a literal with a capital letter can never match, as with
  // a search of lower-cased text.
  next_.assign(classes_, kNoState);
  std::vector<std::vector<std::uint32_t>> own(1);
  for (std::size_t i = 0; i < literals.size(); ++i) {
    std::uint32_t state = 0;
    for (const char c : literals[i]) {
      const std::size_t edge = state * classes_ + byte_class_[static_cast<std::uint8_t>(c)];
      if (next_[edge] == kNoState) {
        next_[edge] = static_cast<std::uint32_t>(own.size());
        own.emplace_back();
        next_.resize(next_.size() + classes_, kNoState);
      }
      state = next_[edge];
    }
    own[state].push_back(static_cast<std::uint32_t>(i));
    lengths_.push_back(literals[i].size());
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
  // Input bytes are compared in lower case: 'A' takes the column of 'a'.
  for (int c = 'A'; c <= 'Z'; ++c) {
    byte_class_[static_cast<std::size_t>(c)] =
        byte_class_[lower_ascii(static_cast<std::uint8_t>(c))];
  }
}

void LiteralMatcher::find_all(std::string_view text, std::vector<LiteralHit>& out) const {
  std::uint32_t row = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const std::uint32_t next = next_[row + byte_class_[static_cast<std::uint8_t>(text[pos])]];
    row = next & ~kHasOutput;
    if ((next & kHasOutput) == 0) continue;
    const std::size_t state = row / classes_;
    for (std::uint32_t o = first_out_[state]; o < first_out_[state + 1]; ++o) {
      const std::uint32_t literal = outputs_[o];
      out.push_back({literal, pos + 1 - lengths_[literal]});
    }
  }
}

}  // namespace galley
