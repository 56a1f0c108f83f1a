#pragma once

#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/answer_cache.hpp"
#include "core/string_hash.hpp"

namespace galley {

class LetterRuns;

/// Where Hunspell dictionaries are looked for: $DICPATH (colon-separated), then Debian's
/// /usr/share/hunspell and /usr/share/myspell/dicts.
std::vector<std::string> dictionary_directories();

/// A cache of answers and suggestions in front of one variety's dictionary (Hunspell plus
/// galley's word lists and the user's). Not thread-safe: Speller::for_thread lends one to one
/// thread at a time. The spellers the pool makes for one variety share one Dictionary.
class Speller {
 public:
  /// One variety's Hunspell with galley's lists and the user's, loaded once (50-70 ms, 10 MB):
  /// the spellers of one key share it, each call into Hunspell holding its lock, since Hunspell
  /// is not thread-safe. Defined in speller.cpp.
  class Dictionary;

  /// Loads the Hunspell dictionary for `language` ("en-US" or "en-GB"), dictionaries/galley-en.dic,
  /// accept.txt, reject.txt and `user_dictionaries`; throws LoadError naming what is missing.
  Speller(std::string_view language, const std::vector<std::string>& user_dictionaries);
  /// A speller with caches of its own over `dictionary`, which another speller loaded.
  explicit Speller(std::shared_ptr<Dictionary> dictionary);
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  /// A speller for `language` and `user_dictionaries` that this thread holds until
  /// release_thread: one handed back by any thread, one over a dictionary loaded already, or
  /// one loaded now.
  static Speller& for_thread(std::string_view language,
                             const std::vector<std::string>& user_dictionaries);
  /// Starts loading a speller for `language` and `user_dictionaries` on another thread, for the
  /// next for_thread call (of any thread) that needs one; nothing when its dictionary is loaded
  /// or loading already. The caller waits on the result before it returns (errors surface in
  /// for_thread, not here).
  static std::shared_future<void> load_ahead(std::string_view language,
                                             const std::vector<std::string>& user_dictionaries);
  /// True when for_thread(`language`, `user_dictionaries`) would take a speller without waiting
  /// for a load. When not, the dictionary's load is under way (this call may start it), so that
  /// the thread can do other work meanwhile and ask again.
  static bool ready_for_thread(std::string_view language,
                               const std::vector<std::string>& user_dictionaries);
  /// Gives the spellers this thread holds back to the pool, for any thread's next document.
  static void release_thread();
  /// Waits until no load is under way (none may outlive the run that started it), and drops
  /// the errors of loads no caller took.
  static void settle();
  /// A speller that answers known() and in_dictionaries() about each of `words`, and nothing
  /// else, as one for `language` and `user_dictionaries` would, with Hunspell loaded from only
  /// the entries of the variety's .dic from which its affix rules could make one of them: a few
  /// milliseconds where the whole list takes 50-70. Null where that cannot be made sure of
  /// (affix rules that stack or join stems, user lists, words of other than ASCII letters,
  /// apostrophes, hyphens and dots).
  /// Throws LoadError where the dictionary is missing.
  static std::unique_ptr<Speller> narrowed(std::string_view language,
                                           const std::vector<std::string>& user_dictionaries,
                                           const std::vector<std::string>& words);
  /// True when a dictionary for `language` and `user_dictionaries` is loaded in this process.
  static bool loaded(std::string_view language, const std::vector<std::string>& user_dictionaries);
  /// Throws LoadError when a user dictionary cannot be read (checked before any loading).
  static void check_user_dictionaries(const std::vector<std::string>& user_dictionaries);

  /// Answers cached per speller before the cache starts again: a speller serves a thread for a
  /// whole batch, whose vocabulary is unbounded (a full cache of short words is about 12 MB).
  static constexpr std::size_t kMaxCached = std::size_t{1} << 18U;

  /// True when the word is spelled correctly (and not on the reject list); cached.
  bool known(std::string_view word);
  /// Starts fetching the cached answer for `word` from memory, for a known() soon after.
  void prefetch(std::string_view word) const { known_.prefetch(word); }
  /// The replacement reject.txt gives for `word` ("" when it is not rejected).
  [[nodiscard]] std::string rejected(std::string_view word) const;
  /// True when the dictionaries take `word`, reject.txt aside ("pubic" yes, "informations" not
  /// in en-US); not cached, for the few words reject.txt names.
  bool in_dictionaries(std::string_view word);
  /// Hunspell's suggestions for `word`, computed once per distinct word; valid until the next
  /// call.
  const std::vector<std::string>& suggest(std::string_view word);
  /// The number of answers cached by known() and suggest().
  [[nodiscard]] std::size_t cached() const { return known_.size() + suggestions_.size(); }
  /// False when lowercase ASCII `word` has a run of letters no word of this speller's lists has
  /// (LetterRuns::may_know): Hunspell would all but surely reject it, so it is not asked.
  bool may_know(std::string_view word);
  /// True when Hunspell was loaded without the dictionary's COMPOUNDRULE patterns, which no
  /// word without a digit can match here (checks/compound_rules.hpp); false where they could.
  [[nodiscard]] bool compound_rules_left_out() const;
  /// True when a word with a digit has been asked about, and a Hunspell with the rules loaded.
  [[nodiscard]] bool loaded_with_compound_rules() const;
  /// The dictionary this speller asks, for the pool to make more spellers over it.
  [[nodiscard]] const std::shared_ptr<Dictionary>& dictionary() const { return dictionary_; }

 private:
  std::shared_ptr<Dictionary> dictionary_;
  /// Shared by the spellers of one set of lists; null until may_know needs it.
  std::shared_ptr<const LetterRuns> runs_;
  AnswerCache known_{kMaxCached};
  StringMap<std::vector<std::string>> suggestions_;
};

}  // namespace galley
