#include "rules/required_literals.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace galley {
namespace {

/// Each distinct literal of the set once, with the rules that require it (ascending, unique).
std::map<std::string, std::vector<std::size_t>> literals_of(const RuleSet& rules) {
  std::map<std::string, std::vector<std::size_t>> out;
  for (std::size_t index = 0; index < rules.rules.size(); ++index) {
    for (const std::string& literal : rules.rules[index].required) {
      std::vector<std::size_t>& users = out[literal];
      if (users.empty() || users.back() != index) users.push_back(index);
    }
  }
  return out;
}

std::vector<std::string> keys_of(const std::map<std::string, std::vector<std::size_t>>& map) {
  std::vector<std::string> keys;
  keys.reserve(map.size());
  for (const auto& [key, value] : map) keys.push_back(key);
  return keys;
}

}  // namespace

RequiredLiterals::RequiredLiterals(const RuleSet& rules)
    : matcher_([&] {
        std::map<std::string, std::vector<std::size_t>> literals = literals_of(rules);
        literals.erase("");  // Found in any text: such a rule is marked `always_` below.
        return keys_of(literals);
      }()),
      always_(rules.rules.size(), false),
      found_(rules.rules.size()) {
  for (auto& [literal, users] : literals_of(rules)) {
    if (!literal.empty()) rules_of_.push_back(std::move(users));
  }
  for (std::size_t index = 0; index < rules.rules.size(); ++index) {
    const std::vector<std::string>& required = rules.rules[index].required;
    always_[index] =
        required.empty() || std::find(required.begin(), required.end(), "") != required.end();
  }
}

void RequiredLiterals::find(std::string_view text) {
  for (const std::size_t index : touched_) found_[index].clear();
  touched_.clear();
  hits_.clear();
  matcher_.find_all(text, hits_);
  for (const LiteralHit& hit : hits_) {
    const Span where{hit.begin, hit.begin + matcher_.length(hit.literal)};
    for (const std::size_t index : rules_of_[hit.literal]) {
      if (found_[index].empty()) touched_.push_back(index);
      found_[index].push_back(where);
    }
  }
}

bool RequiredLiterals::may_match(std::size_t index) const {
  return always_[index] || !found_[index].empty();
}

// The same windows as one search per literal would give: every occurrence, overlapping ones too.
const std::vector<Span>& RequiredLiterals::windows(std::size_t index, std::size_t lead) {
  windows_.clear();
  for (const Span where : found_[index]) {
    windows_.push_back({where.begin > lead ? where.begin - lead : 0, where.end});
  }
  std::sort(windows_.begin(), windows_.end(), [](Span a, Span b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
  });
  std::size_t kept = 0;
  for (const Span window : windows_) {
    if (kept > 0 && window.begin <= windows_[kept - 1].end) {
      windows_[kept - 1].end = std::max(windows_[kept - 1].end, window.end);
    } else {
      windows_[kept++] = window;
    }
  }
  windows_.resize(kept);
  return windows_;
}

}  // namespace galley
