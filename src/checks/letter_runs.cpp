// A typo's one-edit strings go to Hunspell only when every run of four letters in them (word
// edges included) occurs in some word of the speller's lists, and every run of five away from
// the affix zones too: a string made by affix rules ("reloads" from "load", "cloning" from
// "clone") has runs no stem has only where an affix meets the stem, so the runs of five are
// checked between the longest prefix and the longest suffix the string could have. A word a
// dictionary makes only by affixes could in principle still be ruled out by a run of four;
// docs/spelling-evaluation.md measures what the filter costs the suggestions.
#include "checks/letter_runs.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>

#include "checks/compound_rules.hpp"
#include "checks/word_index.hpp"
#include "core/ascii.hpp"
#include "input/collect.hpp"

namespace galley {
namespace {

/// Symbols of a letter run: 0 for a word edge, 1-26 for a-z, 27 for an apostrophe.
constexpr std::size_t kSymbols = 28;
/// The short runs, checked over the whole string (four letters: triples ruled out too few
/// strings, 41% of a typo's one-edit strings, measured on bench/corpus).
constexpr std::size_t kShortRun = 4;
/// The long runs, checked only where no affix may be: on big.txt they leave a quarter of the
/// strings that pass the short runs (56,366 -> 15,342), the same 240 of them words.
constexpr std::size_t kLongRun = 5;

/// By byte: its symbol, or kSymbols for a character the runs do not cover.
constexpr std::array<std::uint8_t, 256> kSymbolOf = [] {
  std::array<std::uint8_t, 256> table{};
  table.fill(kSymbols);
  for (char c = 'a'; c <= 'z'; ++c) {
    table[static_cast<unsigned char>(c)] = static_cast<std::uint8_t>(c - 'a' + 1);
    table[static_cast<unsigned char>(c - 'a' + 'A')] = static_cast<std::uint8_t>(c - 'a' + 1);
  }
  table[static_cast<unsigned char>('\'')] = 27;
  return table;
}();

/// The symbol of `c`, or kSymbols for a character the runs do not cover.
std::size_t symbol_of(char c) { return kSymbolOf[static_cast<unsigned char>(c)]; }

/// True when every character of `word` has a symbol.
bool covered(std::string_view word) {
  return std::none_of(word.begin(), word.end(), [](char c) { return symbol_of(c) == kSymbols; });
}

/// Number of distinct codes of runs of `length` symbols.
constexpr std::size_t run_codes(std::size_t length) {
  std::size_t codes = 1;
  for (std::size_t i = 0; i < length; ++i) codes *= kSymbols;
  return codes;
}

/// True when `accept(code, last)` holds for each run of `Length` symbols of covered `word` with
/// an edge either side, `last` the index of its last symbol (word.size() for the trailing
/// edge); stops at the first that does not. (`Length` a constant: the modulo by a constant is a
/// multiplication, where a variable one divided at every letter.)
template <std::size_t Length, typename Accept>
bool every_run(std::string_view word, Accept accept) {
  constexpr std::size_t kCodes = run_codes(Length);
  std::size_t code = 0;  // The last `Length` symbols, oldest first; edges before the word.
  for (std::size_t i = 0; i <= word.size(); ++i) {
    const std::size_t symbol = i < word.size() ? symbol_of(word[i]) : 0;
    code = (code * kSymbols + symbol) % kCodes;
    // Runs starting at the leading edge or later.
    if (i + 2 >= Length && !accept(code, i)) return false;
  }
  return true;
}

/// The length of the longest of `affixes` that `word` starts (or, `at_end`, ends) with and that
/// leaves a letter of the stem; 0 when none does.
std::size_t affix_length(const LetterRuns::Affixes& affixes, std::string_view word, bool at_end) {
  const std::size_t most = std::min(affixes.longest, word.size() - 1);
  if (affixes.longest < 64) {  // Only the lengths of affixes with the word's edge byte.
    const auto edge = static_cast<unsigned char>(at_end ? word.back() : word.front());
    std::uint64_t lengths = affixes.lengths_by_edge[edge];
    if (most < 63) lengths &= (std::uint64_t{2} << most) - 1;
    while (lengths != 0) {
      const auto length = static_cast<std::size_t>(63 - std::countl_zero(lengths));
      const std::string_view part =
          at_end ? word.substr(word.size() - length) : word.substr(0, length);
      if (affixes.strings.contains(part)) return length;
      lengths &= ~(std::uint64_t{1} << length);
    }
    return 0;
  }
  for (std::size_t length = most; length > 0; --length) {
    const std::string_view part =
        at_end ? word.substr(word.size() - length) : word.substr(0, length);
    if (affixes.strings.contains(part)) return length;
  }
  return 0;
}

/// The key of a set of files: each one's path, size and time of change.
std::string files_key(const std::vector<std::string>& paths) {
  std::string key;
  for (const std::string& path : paths) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    const auto changed = std::filesystem::last_write_time(path, error);
    key += path + '\n' + std::to_string(size) + '\n' +
           std::to_string(changed.time_since_epoch().count()) + '\n';
  }
  return key;
}

}  // namespace

std::shared_ptr<const LetterRuns> LetterRuns::shared(const std::vector<std::string>& word_lists,
                                                     const std::string& affix_file) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const LetterRuns>> made;
  std::vector<std::string> files = word_lists;
  files.push_back(affix_file);
  const std::string key = files_key(files);
  const std::lock_guard lock(mutex);
  std::shared_ptr<const LetterRuns>& entry = made[key];
  if (entry) return entry;
  auto runs = std::make_shared<LetterRuns>();
  runs->short_runs_.assign(run_codes(kShortRun), false);
  runs->long_runs_.assign(run_codes(kLongRun), false);
  for (const std::string& path : word_lists) {
    std::string error;  // A list that cannot be read now was read by Hunspell: no runs.
    const std::string text = read_file(path, error).value_or(std::string());
    // Each line's word ends at its flags ("/"), a tab (morphology), a space or the line end.
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = at;
      while (end < text.size() && text[end] != '/' && text[end] != '\t' && text[end] != '\r' &&
             text[end] != ' ' && text[end] != '\n') {
        ++end;
      }
      runs->add_runs(std::string_view(text).substr(at, end - at));
      at = std::min(text.find('\n', end), text.size()) + 1;
    }
  }
  const WordIndex& frequent = WordIndex::shared();
  for (std::uint32_t id = 0; id < frequent.size(); ++id) runs->add_runs(frequent.word_at(id));
  runs->read_affixes(affix_file);
  entry = std::move(runs);
  return entry;
}

// One pass for both lengths: the last four symbols of a run of five are a run of four. (Millions
// of letters: the words of a dictionary and the frequency list, for each variety a batch needs.)
void LetterRuns::add_runs(std::string_view word) {
  static_assert(kLongRun == kShortRun + 1);
  if (!covered(word)) return;
  constexpr std::size_t kLongCodes = run_codes(kLongRun);
  constexpr std::size_t kShortCodes = run_codes(kShortRun);
  std::size_t code = 0;  // The last kLongRun symbols, oldest first; edges before the word.
  for (std::size_t i = 0; i <= word.size(); ++i) {
    const std::size_t symbol = i < word.size() ? symbol_of(word[i]) : 0;
    code = (code * kSymbols + symbol) % kLongCodes;
    if (i + 2 >= kShortRun) short_runs_[code % kShortCodes] = true;
    if (i + 2 >= kLongRun) long_runs_[code] = true;
  }
}

// The rules read are those with five fields or more ("SFX G e ing e"); a header ("SFX G Y 2")
// has four.
void LetterRuns::read_affixes(const std::string& path) {
  std::string error;
  const std::optional<std::string> text = read_file(path, error);
  if (!text) return;  // No affix zones known: runs of four only.
  bool safe = true;
  for (const AffLine& line : aff_lines(*text)) {
    // Rules that join a stem to another stem: the join's runs are in no list.
    if (line.directive == "COMPOUNDFLAG" || line.directive == "COMPOUNDBEGIN" ||
        line.directive == "COMPOUNDMIDDLE" || line.directive == "COMPOUNDEND") {
      safe = false;
    }
    if (!line.affix_rule()) continue;
    // A second affix after this one, or letters taken away and none added: the zones below
    // would not cover where the stem's runs end.
    if (line.add().find('/') != std::string_view::npos ||
        (line.add() == "0" && line.strip() != "0"))
      safe = false;
    if (line.add() == "0") continue;
    Affixes& affixes = line.directive == "PFX" ? prefixes_ : suffixes_;
    std::string add = ascii_lower(std::string(line.add()));
    affixes.longest = std::max(affixes.longest, add.size());
    if (add.size() < 64) {
      const auto edge =
          static_cast<unsigned char>(line.directive == "PFX" ? add.front() : add.back());
      affixes.lengths_by_edge[edge] |= std::uint64_t{1} << add.size();
    }
    affixes.strings.insert(std::move(add));
  }
  long_runs_apply_ = safe && (!prefixes_.strings.empty() || !suffixes_.strings.empty());
}

bool LetterRuns::may_know(std::string_view word) const {
  if (word.empty() || !covered(word)) return true;
  // Most one-edit strings fail at the first run holding the edit: the rest are not looked at.
  if (!every_run<kShortRun>(word, [&](std::size_t code, std::size_t) { return short_runs_[code]; }))
    return false;
  if (!long_runs_apply_) return true;
  const std::size_t prefix = affix_length(prefixes_, word, false);
  const std::size_t suffix = affix_length(suffixes_, word, true);
  return every_run<kLongRun>(word, [&](std::size_t code, std::size_t last) {
    const bool in_prefix = prefix > 0 && last < prefix + kLongRun - 1;
    const bool in_suffix = suffix > 0 && last >= word.size() - suffix;
    return in_prefix || in_suffix || long_runs_[code];
  });
}

}  // namespace galley
