#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/string_hash.hpp"

namespace galley {

/// The runs of letters that the words of a speller's lists hold (the stems of its dictionaries
/// and the frequency list), and the strings its main dictionary's affix rules add: a filter in
/// front of Hunspell for a typo's one-edit strings, hundreds a word and nearly all rejected,
/// which Hunspell takes microseconds to reject each.
class LetterRuns {
 public:
  /// The runs of `word_lists` and the affix strings of `affix_file` (a Hunspell .aff), worked
  /// out once per set of files in the process (tens of milliseconds) and shared read-only. A
  /// file is known by its path, size and time of change: one rewritten in place is read again.
  static std::shared_ptr<const LetterRuns> shared(const std::vector<std::string>& word_lists,
                                                  const std::string& affix_file);

  /// False when lowercase ASCII `word` holds a run of four letters (word edges included), or,
  /// between the longest prefix and suffix the affix rules could have added, a run of five,
  /// that no word of the lists holds. True for anything else, non-ASCII words included.
  [[nodiscard]] bool may_know(std::string_view word) const;

  /// The strings one kind of affix rule adds, lowercase.
  struct Affixes {
    std::unordered_set<std::string, StringHash, std::equal_to<>> strings;
    std::size_t longest = 0;  ///< The length of the longest.
    /// By the byte at an affix's outer edge (a prefix's first, a suffix's last): bit n set when
    /// some affix of n bytes (n < 64) has it there. Most lengths are then never looked up.
    std::array<std::uint64_t, 256> lengths_by_edge{};
  };

 private:
  /// Reads the affix strings of `path`, and whether runs of five are safe with its rules.
  void read_affixes(const std::string& path);
  /// Marks the runs of four and of five of `word`.
  void add_runs(std::string_view word);

  std::vector<bool> short_runs_;  ///< Runs of four, by run code.
  std::vector<bool> long_runs_;   ///< Runs of five, by run code.
  Affixes prefixes_;              ///< What PFX rules add ("re", "un").
  Affixes suffixes_;              ///< What SFX rules add ("ing", "'s").
  /// False when the affix file could not be read, or has rules that join a stem to more than
  /// one affix or to another stem, or take letters away and add none: words made so have runs
  /// of five that no list holds away from the affix zones, so only runs of four are checked.
  bool long_runs_apply_ = false;
};

}  // namespace galley
