#include "checks/speller.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>
#include <hunspell/hunspell.hxx>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "checks/compound_rules.hpp"
#include "checks/letter_runs.hpp"
#include "checks/word_index.hpp"
#include "core/data_path.hpp"
#include "core/load_error.hpp"
#include "input/collect.hpp"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace galley {
namespace {

/// Hunspell shares a UTF-8 table between all its instances under an unlocked reference count
/// (initialize_utf_tbl / free_utf_tbl): instances are made and destroyed under this lock, one
/// thread at a time, or two workers starting together leak or free it under each other (ASan).
std::mutex& hunspell_lifetime_lock() {
  static std::mutex lock;
  return lock;
}

std::string hunspell_name(std::string_view language) {
  return language == "en-GB" ? "en_GB" : "en_US";
}

bool is_file(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

/// The `SET` encoding named in an .aff file ("ISO8859-1" when absent, as Hunspell assumes).
std::string aff_encoding(const std::string& aff) {
  std::ifstream in(aff, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("SET ", 0) == 0) {
      std::string set = line.substr(4);
      while (!set.empty() && (set.back() == '\r' || set.back() == ' ')) set.pop_back();
      return set;
    }
  }
  return "ISO8859-1";
}

std::string trim(std::string line) {
  const std::size_t hash = line.find('#');
  if (hash != std::string::npos) line.erase(hash);
  const std::size_t begin = line.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return {};
  const std::size_t end = line.find_last_not_of(" \t\r");
  return line.substr(begin, end - begin + 1);
}

/// The bytes of the file at `path` ("" when it cannot be read: the caller then keeps to what
/// it would do without them).
std::string file_text(const std::string& path) {
  std::string error;
  return read_file(path, error).value_or(std::string());
}

bool starts_with_count(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty()) continue;
    return line.find_first_not_of("0123456789") == std::string::npos;
  }
  return false;
}

/// Adds the words of the list at `path` to `hunspell`: a Hunspell .dic read with the main
/// dictionary's affixes, or one word a line. False when the list cannot be read.
bool add_word_list(Hunspell& hunspell, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  if (starts_with_count(path)) {
    hunspell.add_dic(path.c_str());  // A Hunspell .dic, with the main dictionary's affixes.
    return true;
  }
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty()) continue;
    hunspell.add(line.substr(0, line.find('/')));
  }
  return true;
}

/// An .aff text held in memory under a path that Hunspell can open (it reads the affix file
/// again for each add_dic), for as long as this lives; path() is empty for an empty text or
/// where none could be made, and the caller then loads its file as it is.
class AffixFile {
 public:
  explicit AffixFile(const std::string& text) {
#if defined(__linux__)
    if (text.empty()) return;  // Nothing to hold: the caller loads its file as it is.
    fd_ = memfd_create("galley-aff", MFD_CLOEXEC);
    if (fd_ < 0) return;
    try {
      std::size_t written = 0;
      while (written < text.size()) {
        const ssize_t n = ::write(fd_, text.data() + written, text.size() - written);
        if (n <= 0) return;
        written += static_cast<std::size_t>(n);
      }
      // Opened again by path, as Hunspell will: /proc may be missing in a container.
      const std::string path = "/proc/self/fd/" + std::to_string(fd_);
      if (file_text(path) == text) path_ = path;
    } catch (...) {  // A constructor that throws runs no destructor.
      ::close(fd_);
      throw;
    }
#else
    static_cast<void>(text);
#endif
  }
  ~AffixFile() {
#if defined(__linux__)
    if (fd_ >= 0) ::close(fd_);
#endif
  }
  AffixFile(const AffixFile&) = delete;
  AffixFile& operator=(const AffixFile&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

/// The .aff text to load `aff` with: without its COMPOUNDRULE lines when no word without a
/// digit could be accepted by them, given the .dic files `dics` (checks/compound_rules.hpp),
/// or "" to load the file as it is.
std::string affixes_without_rules(const std::string& aff, const std::vector<std::string>& dics) {
  const std::string text = file_text(aff);
  const std::optional<std::string> flags = compound_rule_flags(text);
  if (!flags || flags->empty()) return {};
  for (const std::string& dic : dics) {
    if (!rule_entries_start_with_digits(file_text(dic), *flags)) return {};
  }
  return without_compound_rules(text);
}

}  // namespace

std::vector<std::string> dictionary_directories() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("DICPATH"); env != nullptr) {
    std::string_view rest = env;
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      if (colon != 0) dirs.emplace_back(rest.substr(0, colon));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  dirs.emplace_back("/usr/share/hunspell");
  dirs.emplace_back("/usr/share/myspell/dicts");
  return dirs;
}

/// One variety's Hunspell and lists. The lists, the reject list and whether the COMPOUNDRULE
/// lines were left out are fixed once loaded; Hunspell's calls change its state (its affix
/// search keeps the word it works on in members), so each holds `mutex_`.
class Speller::Dictionary {
 public:
  Dictionary(std::string_view language, const std::vector<std::string>& user_dictionaries);
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  /// True when Hunspell takes `word`.
  bool spell(std::string_view word) {
    const std::lock_guard lock(mutex_);
    return hunspell_for(word).spell(std::string(word));
  }
  /// Hunspell's suggestions for `word`.
  std::vector<std::string> suggest(std::string_view word) {
    const std::lock_guard lock(mutex_);
    return hunspell_for(word).suggest(std::string(word));
  }
  /// The replacement reject.txt gives for `word` ("" when it is not rejected).
  [[nodiscard]] std::string rejected(std::string_view word) const;
  /// Every word list loaded, the main .dic first.
  [[nodiscard]] const std::vector<std::string>& word_lists() const { return word_lists_; }
  /// The main dictionary's .aff.
  [[nodiscard]] const std::string& affixes() const { return affixes_; }
  /// True when Hunspell was loaded without the COMPOUNDRULE lines.
  [[nodiscard]] bool without_rules() const { return without_rules_; }
  /// True when a Hunspell with the COMPOUNDRULE lines has been loaded too.
  [[nodiscard]] bool with_rules_loaded() const { return with_rules_loaded_; }

 private:
  void load_word_list(const std::string& path, bool required);
  void load_reject_list(const std::string& path);
  /// The Hunspell that answers about `word` as the dictionary as it stands would; the caller
  /// holds `mutex_`.
  Hunspell& hunspell_for(std::string_view word);

  std::mutex mutex_;                      ///< Held by every call into Hunspell.
  std::unique_ptr<Hunspell> hunspell_;    ///< Without COMPOUNDRULE when without_rules_.
  std::unique_ptr<Hunspell> with_rules_;  ///< With them, made for the first word with a digit.
  std::atomic<bool> with_rules_loaded_{false};
  bool without_rules_ = false;
  std::vector<std::string> word_lists_;  ///< Every word list loaded, the main .dic first.
  std::string affixes_;                  ///< The main dictionary's .aff.
  StringMap<std::string> reject_;
};

Speller::Dictionary::Dictionary(std::string_view language,
                                const std::vector<std::string>& user_dictionaries) {
  // Held for the whole load: add_dic makes more of Hunspell's tables (see the lock's comment).
  const std::lock_guard lock(hunspell_lifetime_lock());
  const std::string name = hunspell_name(language);
  std::string searched;
  for (const std::string& dir : dictionary_directories()) {
    const std::filesystem::path base = std::filesystem::path(dir) / name;
    const std::string aff = base.string() + ".aff";
    const std::string dic = base.string() + ".dic";
    searched += (searched.empty() ? "" : ", ") + dir;
    if (!is_file(aff) || !is_file(dic)) continue;
    if (aff_encoding(aff) != "UTF-8") {
      throw LoadError(aff, "galley needs a UTF-8 Hunspell dictionary (SET UTF-8)");
    }
    affixes_ = aff;
    word_lists_.push_back(dic);
    break;
  }
  if (word_lists_.empty()) {
    throw LoadError(name, "Hunspell dictionary " + name + ".aff/.dic for " + std::string(language) +
                              " not found; searched: " + searched + " (install hunspell-" +
                              (name == "en_GB" ? "en-gb" : "en-us") + " or set DICPATH)");
  }
  const std::string galley_dic = data_path("dictionaries/galley-en.dic");
  if (galley_dic.empty()) {
    throw LoadError("dictionaries/galley-en.dic",
                    "galley's word list is missing (set GALLEY_DATA_DIR)");
  }
  // Every list that is loaded as a .dic (a count on its first line) may carry flags.
  const std::string accept = data_path("dictionaries/accept.txt");
  std::vector<std::string> dics{word_lists_.front(), galley_dic};
  for (const std::string& path : user_dictionaries) {
    if (starts_with_count(path)) dics.push_back(path);
  }
  if (!accept.empty() && starts_with_count(accept)) dics.push_back(accept);
  const AffixFile derived(affixes_without_rules(affixes_, dics));
  without_rules_ = !derived.path().empty();
  const std::string& affixes = without_rules_ ? derived.path() : affixes_;
  hunspell_ = std::make_unique<Hunspell>(affixes.c_str(), word_lists_.front().c_str());
  hunspell_->add_dic(galley_dic.c_str());
  word_lists_.push_back(galley_dic);
  load_word_list(accept, false);
  load_reject_list(data_path("dictionaries/reject.txt"));
  for (const std::string& path : user_dictionaries) load_word_list(path, true);
}

Speller::Dictionary::~Dictionary() {
  const std::lock_guard lock(hunspell_lifetime_lock());
  hunspell_.reset();
  with_rules_.reset();
}

Speller::Speller(std::string_view language, const std::vector<std::string>& user_dictionaries)
    : dictionary_(std::make_shared<Dictionary>(language, user_dictionaries)) {}

Speller::Speller(std::shared_ptr<Dictionary> dictionary) : dictionary_(std::move(dictionary)) {}

Speller::~Speller() = default;

namespace {

/// The pool's key: the variety, each user dictionary's path and the directories Hunspell's
/// dictionary is looked for in (DICPATH may change between runs of one process).
std::string speller_key(std::string_view language, const std::vector<std::string>& dictionaries) {
  std::string key(language);
  for (const std::string& path : dictionaries) key += '\n' + path;
  for (const std::string& dir : dictionary_directories()) key += '\n' + dir;
  return key;
}

/// Loaded spellers not in use, and loads under way, by key. Loading Hunspell is the largest cost
/// of a small run (50 to 70 ms a variety, 10 MB) and freeing it another 10 ms. A thread that
/// finds every speller of a key in use by other threads gets one more at once, with caches of
/// its own, over a dictionary loaded already that serves fewer than kSpellersPerDictionary
/// spellers; only when none does is another loaded. Each call into Hunspell holds its
/// dictionary's lock: two threads on one dictionary found it taken at 3.5% of 65,000 calls
/// (the bench's 2,250 files), and the cap keeps more threads from queueing there. A thread
/// takes a speller for a document and hands it back after (Speller::release_thread), and none
/// is freed, so a later run takes them as they are and the process exits without tearing them
/// down.
struct SpellerPool {
  std::mutex mutex;
  std::condition_variable load_ended;
  std::map<std::string, std::vector<std::unique_ptr<Speller>>> idle;
  /// Spellers made over one dictionary, at most.
  static constexpr std::size_t kSpellersPerDictionary = 2;
  /// A dictionary loaded, and the number of spellers made over it.
  struct Served {
    std::shared_ptr<Speller::Dictionary> dictionary;
    std::size_t spellers = 0;
  };
  /// By key, the dictionaries loaded.
  std::map<std::string, std::vector<Served>> loaded;
  std::map<std::string, std::size_t> made;           ///< Spellers loaded, idle or in use.
  std::map<std::string, std::size_t> in_flight;      ///< Loads under way.
  std::map<std::string, std::exception_ptr> failed;  ///< A load's error, for the next taker.
  std::size_t loads = 0;                             ///< Loads under way, all keys.

  /// Counts a load for `key` as under way; the caller holds `mutex`, so that deciding to load
  /// and counting the load are one step.
  void count_load(const std::string& key) {
    ++in_flight[key];
    ++loads;
  }
  /// Keeps the dictionary of `speller`, just loaded for `key`, for the key's next spellers;
  /// the caller holds `mutex`.
  void keep_dictionary(const std::string& key, const Speller& speller) {
    loaded[key].push_back({speller.dictionary(), 1});
  }
  /// A dictionary of `key` that serves fewer than kSpellersPerDictionary spellers, or null; the
  /// caller holds `mutex`.
  Served* with_room(const std::string& key) {
    const auto found = loaded.find(key);
    if (found == loaded.end()) return nullptr;
    for (Served& served : found->second) {
      if (served.spellers < kSpellersPerDictionary) return &served;
    }
    return nullptr;
  }
  /// Ends a load counted by count_load; the caller holds `mutex`, and notifies after.
  void uncount_load(const std::string& key) {
    --in_flight[key];
    --loads;
  }

  /// The process's pool; deliberately never destroyed (see above).
  static SpellerPool& instance() {
    static auto* pool = new SpellerPool;
    return *pool;
  }

  /// An idle speller, `preferred` if it is idle (the one the caller had last: its answers
  /// are in this core's caches), the one a load under way gives (waited for), one made over
  /// a dictionary with room (with_room), or one loaded now. A load error is rethrown to one taker,
  /// as if the load had been made now.
  std::unique_ptr<Speller> take(const std::string& key, std::string_view language,
                                const std::vector<std::string>& dictionaries,
                                const Speller* preferred) {
    std::unique_lock lock(mutex);
    for (;;) {
      if (auto& list = idle[key]; !list.empty()) {
        auto chosen = std::find_if(list.begin(), list.end(),
                                   [&](const auto& speller) { return speller.get() == preferred; });
        if (chosen == list.end()) chosen = list.end() - 1;
        std::unique_ptr<Speller> speller = std::move(*chosen);
        list.erase(chosen);
        return speller;
      }
      if (std::exception_ptr error = std::exchange(failed[key], nullptr)) {
        std::rethrow_exception(error);
      }
      if (in_flight[key] == 0) break;
      load_ended.wait(lock);
    }
    if (Served* served = with_room(key)) {
      ++served->spellers;
      ++made[key];
      std::shared_ptr<Speller::Dictionary> dictionary = served->dictionary;
      lock.unlock();
      return std::make_unique<Speller>(std::move(dictionary));
    }
    // Counted as under way, so that no other thread starts one too meanwhile.
    count_load(key);
    lock.unlock();
    std::unique_ptr<Speller> speller;
    try {
      speller = std::make_unique<Speller>(language, dictionaries);
    } catch (...) {
      lock.lock();
      uncount_load(key);
      lock.unlock();
      load_ended.notify_all();
      throw;
    }
    lock.lock();
    uncount_load(key);
    ++made[key];
    keep_dictionary(key, *speller);
    lock.unlock();
    load_ended.notify_all();
    return speller;
  }
};

/// Loads a speller for `key`, counted by count_load, on a thread of its own, for the pool; the
/// future is ready when the load has ended. Detached: run_pipeline waits for every load
/// (Speller::settle).
std::shared_future<void> launch_load(const std::string& key, std::string_view language,
                                     const std::vector<std::string>& dictionaries) {
  SpellerPool& pool = SpellerPool::instance();
  std::packaged_task<void()> load([key, language = std::string(language), dictionaries] {
    std::unique_ptr<Speller> speller;
    std::exception_ptr error;
    try {
      speller = std::make_unique<Speller>(language, dictionaries);
    } catch (...) {
      error = std::current_exception();
    }
    SpellerPool& shared = SpellerPool::instance();
    {
      const std::lock_guard lock(shared.mutex);
      shared.uncount_load(key);  // First: whatever follows, settle() must not wait forever.
      try {
        if (speller) {
          shared.keep_dictionary(key, *speller);
          shared.idle[key].push_back(std::move(speller));
          ++shared.made[key];
        } else {
          shared.failed[key] = error;
        }
      } catch (const std::bad_alloc&) {  // NOLINT(bugprone-empty-catch): the speller is dropped.
      }
    }
    shared.load_ended.notify_all();
  });
  std::shared_future<void> ended = load.get_future().share();
  try {
    std::thread(std::move(load)).detach();
  } catch (...) {  // No thread to be had: the load never happens.
    {
      const std::lock_guard lock(pool.mutex);
      pool.uncount_load(key);
    }
    pool.load_ended.notify_all();
    throw;
  }
  return ended;
}

/// The spellers this thread holds, handed back to the pool after each document and when the
/// thread ends.
struct ThreadSpellers {
  std::map<std::string, std::unique_ptr<Speller>> held;
  /// By key, the speller this thread held last (compared, never dereferenced).
  std::map<std::string, const Speller*> last;

  /// Gives the held spellers back to the pool.
  void release() {
    SpellerPool& pool = SpellerPool::instance();
    const std::lock_guard lock(pool.mutex);
    for (auto& [key, speller] : held) {
      if (!speller) continue;
      last[key] = speller.get();
      pool.idle[key].push_back(std::move(speller));
    }
    held.clear();
  }

  ~ThreadSpellers() { release(); }
};

/// The spellers the calling thread holds.
ThreadSpellers& thread_spellers() {
  thread_local ThreadSpellers spellers;
  return spellers;
}

}  // namespace

Speller& Speller::for_thread(std::string_view language,
                             const std::vector<std::string>& user_dictionaries) {
  // The spelling checks of one document share one Hunspell, taken for the document.
  const std::string key = speller_key(language, user_dictionaries);
  ThreadSpellers& mine = thread_spellers();
  std::unique_ptr<Speller>& slot = mine.held[key];
  if (!slot) {
    const auto last = mine.last.find(key);
    slot = SpellerPool::instance().take(key, language, user_dictionaries,
                                        last == mine.last.end() ? nullptr : last->second);
  }
  return *slot;
}

// A thread waits (does other work) only while a dictionary of the key loads: a thread that finds
// every speller in use gets one more at once over a dictionary with room (SpellerPool::take),
// and starts a load when none has.
bool Speller::ready_for_thread(std::string_view language,
                               const std::vector<std::string>& user_dictionaries) {
  const std::string key = speller_key(language, user_dictionaries);
  ThreadSpellers& mine = thread_spellers();
  if (const auto held = mine.held.find(key); held != mine.held.end() && held->second) return true;
  SpellerPool& pool = SpellerPool::instance();
  {
    const std::lock_guard lock(pool.mutex);
    if (!pool.idle[key].empty() || pool.failed[key] || pool.with_room(key) != nullptr) return true;
    if (pool.in_flight[key] > 0) return false;
    pool.count_load(key);
  }
  static_cast<void>(launch_load(key, language, user_dictionaries));
  return false;
}

void Speller::release_thread() { thread_spellers().release(); }

void Speller::settle() {
  SpellerPool& pool = SpellerPool::instance();
  std::unique_lock lock(pool.mutex);
  pool.load_ended.wait(lock, [&pool] { return pool.loads == 0; });
  // An error no document of the run took (a variety loaded ahead that none was in) is not
  // thrown at a later run.
  pool.failed.clear();
}

std::shared_future<void> Speller::load_ahead(std::string_view language,
                                             const std::vector<std::string>& user_dictionaries) {
  const std::string key = speller_key(language, user_dictionaries);
  if (const auto held = thread_spellers().held.find(key);
      held != thread_spellers().held.end() && held->second) {
    return {};
  }
  {
    SpellerPool& pool = SpellerPool::instance();
    const std::lock_guard lock(pool.mutex);
    if (!pool.idle[key].empty() || pool.in_flight[key] > 0 || pool.loaded.contains(key)) return {};
    pool.count_load(key);
  }
  // A caller that never takes the speller waits on this before it returns (a detached load
  // must not outlive the run that asked for it); errors surface where the speller is taken.
  return launch_load(key, language, user_dictionaries);
}

void Speller::check_user_dictionaries(const std::vector<std::string>& user_dictionaries) {
  for (const std::string& path : user_dictionaries) {
    if (!is_file(path) || !std::ifstream(path, std::ios::binary)) {
      throw LoadError(path, "cannot read this dictionary");
    }
  }
}

void Speller::Dictionary::load_word_list(const std::string& path, bool required) {
  if (path.empty()) return;
  if (!add_word_list(*hunspell_, path)) {
    if (required) throw LoadError(path, "cannot read this dictionary");
    return;
  }
  word_lists_.push_back(path);
}

void Speller::Dictionary::load_reject_list(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line);
    const std::size_t arrow = line.find("->");
    if (line.empty() || arrow == std::string::npos) continue;
    reject_[trim(line.substr(0, arrow))] = trim(line.substr(arrow + 2));
  }
}

bool Speller::known(std::string_view word) {
  if (const std::optional<bool> cached = known_.find(word)) return *cached;
  const bool ok = rejected(word).empty() && dictionary_->spell(word);
  known_.insert(word, ok);
  return ok;
}

bool Speller::in_dictionaries(std::string_view word) { return dictionary_->spell(word); }

std::string Speller::rejected(std::string_view word) const { return dictionary_->rejected(word); }

std::string Speller::Dictionary::rejected(std::string_view word) const {
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const auto it = reject_.find(lower);
  return it == reject_.end() ? std::string() : it->second;
}

const std::vector<std::string>& Speller::suggest(std::string_view word) {
  if (const auto it = suggestions_.find(word); it != suggestions_.end()) return it->second;
  std::vector<std::string> list = dictionary_->suggest(word);
  if (suggestions_.size() >= kMaxCached) suggestions_.clear();
  return suggestions_.emplace(std::string(word), std::move(list)).first->second;
}

// Without its COMPOUNDRULE lines Hunspell answers alike about any word without a digit (the
// load checked that every rule entry starts with one); a word with a digit, which galley's
// checks seldom ask about (near_document_words leaves such words out), goes to a Hunspell
// loaded with the rules, the first time one comes.
Hunspell& Speller::Dictionary::hunspell_for(std::string_view word) {
  if (!without_rules_ || !has_ascii_digit(word)) return *hunspell_;
  if (!with_rules_) {
    const std::lock_guard lock(hunspell_lifetime_lock());
    auto full = std::make_unique<Hunspell>(affixes_.c_str(), word_lists_.front().c_str());
    for (std::size_t i = 1; i < word_lists_.size(); ++i) add_word_list(*full, word_lists_[i]);
    with_rules_ = std::move(full);
    with_rules_loaded_ = true;
  }
  return *with_rules_;
}

bool Speller::compound_rules_left_out() const { return dictionary_->without_rules(); }

bool Speller::loaded_with_compound_rules() const { return dictionary_->with_rules_loaded(); }

// Every thread's speller for one variety reads the same lists: the runs are worked out once per
// set of lists in the process and shared read-only (checks/letter_runs.hpp).
bool Speller::may_know(std::string_view word) {
  if (!runs_) runs_ = LetterRuns::shared(dictionary_->word_lists(), dictionary_->affixes());
  return runs_->may_know(word);
}

}  // namespace galley
