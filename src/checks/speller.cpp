#include "checks/speller.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
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
#include <set>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>

#include "checks/compound_rules.hpp"
#include "checks/letter_runs.hpp"
#include "checks/word_index.hpp"
#include "core/ascii.hpp"
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

/// A text held in memory under a path that Hunspell can open, for as long as this lives: an .aff
/// made without its COMPOUNDRULE lines (Hunspell reads the affix file again for each add_dic),
/// or a narrowed .dic. path() is empty for an empty text or where none could be made, and the
/// caller then loads its file as it is.
class MemoryFile {
 public:
  explicit MemoryFile(const std::string& text) {
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
  ~MemoryFile() {
#if defined(__linux__)
    if (fd_ >= 0) ::close(fd_);
#endif
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

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

/// The affix rules of one kind (prefixes or suffixes) of an .aff file, lower-cased: for each
/// string a rule adds ("" for "0"), the strings its rules take off a stem there. Looked up by
/// each of a word's beginnings or endings: en_GB has 1,241 suffix rules, which a scan of every
/// rule for every word of a long document's questions took 18 ms to try.
struct AffixTable {
  std::map<std::string, std::set<std::string>, std::less<>> strips_by_add;
  std::size_t longest_add = 0;  ///< The length of the longest string added.

  void add(std::string strip, std::string added) {
    longest_add = std::max(longest_add, added.size());
    strips_by_add[std::move(added)].insert(std::move(strip));
  }
};

/// What narrowing a dictionary to a few words needs of its .aff text: its affix rules, and
/// whether Hunspell takes a word only as an entry, or an entry with one prefix, one suffix or
/// both (candidate_stems).
struct AffixRules {
  AffixTable prefixes;
  AffixTable suffixes;
  bool narrowable = false;
};

/// True when `text` is ASCII letters, apostrophes, hyphens and dots only: Hunspell looks words
/// of these up as they are, but for case, trailing dots and hyphens (candidate_stems).
bool letters_only(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '-' || c == '.';
  });
}

// Not narrowable where an affix may take another (continuation classes) or a word two prefixes
// (COMPLEXPREFIXES), an affix stand for a whole stem (FULLSTRIP), stems join (compounding, other
// than by COMPOUNDRULE patterns, which Speller::narrowed checks), or a word changes before lookup
// (IGNORE; ICONV of what a question may hold; BREAK of that, hyphens aside).
AffixRules affix_rules(std::string_view aff) {
  AffixRules rules;
  bool narrowable = !aff.empty();
  for (const AffLine& line : aff_lines(aff)) {
    const std::string_view kind = line.directive;
    // Hungarian's dash rule also looks a word's left side up with its hyphen ("Aix-").
    if (kind == "LANG" && line.fields[0].starts_with("hu")) narrowable = false;
    if (kind == "IGNORE" || kind == "COMPLEXPREFIXES" || kind == "FULLSTRIP" ||
        kind == "COMPOUNDFLAG" || kind == "COMPOUNDBEGIN" || kind == "COMPOUNDMIDDLE" ||
        kind == "COMPOUNDEND" || kind == "COMPOUNDLAST") {
      narrowable = false;
    }
    // Input conversions or break points of what a question may hold (letters_only; a table's
    // count line has a number). Breaks at hyphens are Hunspell's own, worked out by
    // candidate_stems.
    const auto held = [&](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '\'' || c == '.' ||
             (c == '-' && kind == "ICONV");
    };
    if ((kind == "ICONV" || kind == "BREAK") &&
        std::any_of(line.fields[0].begin(), line.fields[0].end(), held)) {
      narrowable = false;
    }
    if (!line.affix_rule()) continue;
    if (line.add().find('/') != std::string_view::npos) narrowable = false;  // Continuation.
    const auto written = [](std::string_view field) {
      return ascii_lower(field == "0" ? std::string_view() : field);
    };
    (kind == "PFX" ? rules.prefixes : rules.suffixes)
        .add(written(line.strip()), written(line.add()));
  }
  rules.narrowable = narrowable;
  return rules;
}

/// Adds to `stems` what `word` is with each suffix of `suffixes` taken off (what the rule
/// stripped put back), where it ends with what the rule adds and leaves a letter.
void without_suffixes(std::string_view word, const AffixTable& suffixes,
                      std::set<std::string>& stems) {
  const std::size_t longest = std::min(suffixes.longest_add, word.size() - 1);
  for (std::size_t length = 0; length <= longest; ++length) {
    const auto it = suffixes.strips_by_add.find(word.substr(word.size() - length));
    if (it == suffixes.strips_by_add.end()) continue;
    for (const std::string& strip : it->second) {
      stems.insert(std::string(word.substr(0, word.size() - length)) + strip);
    }
  }
}

/// Adds to `stems` every entry, lower-cased, from which Hunspell could make `form` (lower-cased,
/// not empty) in some case: the form itself, and the form with a prefix, a suffix or both taken
/// off as `rules` add them, each with what the rule stripped put back.
void add_stems(std::string_view form, const AffixRules& rules, std::set<std::string>& stems) {
  stems.emplace(form);
  without_suffixes(form, rules.suffixes, stems);
  // Each prefix alone and with each suffix, the prefix taken off first as Hunspell does.
  const std::size_t longest = std::min(rules.prefixes.longest_add, form.size() - 1);
  for (std::size_t length = 0; length <= longest; ++length) {
    const auto it = rules.prefixes.strips_by_add.find(form.substr(0, length));
    if (it == rules.prefixes.strips_by_add.end()) continue;
    for (const std::string& strip : it->second) {
      const std::string stem = strip + std::string(form.substr(length));
      stems.insert(stem);
      without_suffixes(stem, rules.suffixes, stems);
    }
  }
}

/// Adds to `stems` the stems (add_stems) of `text` as Hunspell looks a string up: its trailing
/// dots taken off ("etc." as "etc"), and with one put back. A string of dots alone needs no
/// entry: Hunspell's answer for it is the same whatever the dictionary holds.
void add_dotted_stems(std::string_view text, const AffixRules& rules,
                      std::set<std::string>& stems) {
  std::string_view bare = text;
  while (!bare.empty() && bare.back() == '.') bare.remove_suffix(1);
  if (bare.empty()) return;
  const std::string lower = ascii_lower(bare);
  add_stems(lower, rules, stems);
  if (bare.size() < text.size()) add_stems(lower + ".", rules, stems);
}

/// Every entry, lower-cased, from which Hunspell could make `word` in some case: the word as
/// Hunspell looks it up (add_dotted_stems), and, for a word with hyphens, each stretch of it
/// between hyphens or its ends likewise, since Hunspell also takes a word whose two sides of a
/// hyphen it takes, and looks at each side as at a word (its default BREAK points: "-", and a
/// hyphen at either end). Nullopt for a word of other characters, and for one of ten hyphens or
/// more, which Hunspell does not break (and whose stretches would be many).
std::optional<std::set<std::string>> candidate_stems(std::string_view word,
                                                     const AffixRules& rules) {
  constexpr std::size_t kMostHyphens = 9;
  std::string_view bare = word;
  while (!bare.empty() && bare.back() == '.') bare.remove_suffix(1);
  if (bare.empty() || !letters_only(bare) ||
      static_cast<std::size_t>(std::count(bare.begin(), bare.end(), '-')) > kMostHyphens) {
    return std::nullopt;
  }
  std::set<std::string> stems;
  add_dotted_stems(word, rules, stems);
  std::vector<std::size_t> starts{0};
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < bare.size(); ++i) {
    if (bare[i] != '-') continue;
    starts.push_back(i + 1);
    ends.push_back(i);
  }
  ends.push_back(bare.size());
  for (const std::size_t start : starts) {
    for (const std::size_t end : ends) {
      // The whole word's stems are in already, with its trailing dots.
      const bool whole = start == 0 && end == bare.size();
      if (end > start && !whole) add_dotted_stems(bare.substr(start, end - start), rules, stems);
    }
  }
  return stems;
}

/// The .dic text `dic` narrowed to the entries whose word is one of `stems` (in any case):
/// Hunspell loaded with it answers about each word the stems were worked out for as with the
/// whole list, since it makes a word only from those entries (candidate_stems).
std::string narrowed_dic(std::string_view dic, const std::set<std::string>& stems) {
  // Read once a byte at a time (a 1.2 MB list): an entry's word is looked up only when some
  // stem has its length.
  std::unordered_set<std::string_view> wanted(stems.begin(), stems.end());
  std::array<bool, 256> length_wanted{};
  for (const std::string& stem : stems) {
    if (stem.size() < length_wanted.size()) length_wanted[stem.size()] = true;
  }
  std::string out;
  std::size_t kept = 0;
  std::array<char, 256> lower{};
  std::size_t at = std::min(dic.find('\n'), dic.size()) + 1;  // After the count line.
  while (at < dic.size()) {
    const std::size_t end = std::min(dic.find('\n', at), dic.size());
    // The entry's word: up to its flags, or the morphology after a tab or a space.
    std::size_t length = 0;
    while (at + length < end && length < lower.size()) {
      const char c = dic[at + length];
      if (c == '/' || c == '\t' || c == ' ' || c == '\r') break;
      lower[length++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (length < lower.size() && length_wanted[length] &&
        wanted.contains(std::string_view(lower.data(), length))) {
      out.append(dic.substr(at, end - at));
      out += '\n';
      ++kept;
    }
    at = end + 1;
  }
  // The count line first: Hunspell sizes its table by it, and takes 0 for a broken file.
  return std::to_string(std::max<std::size_t>(kept, 1)) + '\n' + out;
}

/// True when no entry of the .dic text of `path` that bears one of `flags` could be a letter
/// word's part of a compound (rule_entries_start_with_digits); worked out once per file and
/// flags in the process (14 M instructions on en_GB.dic), and known by path, size and time.
bool rule_entries_are_numbers(const std::string& path, const std::string& flags) {
  static std::mutex mutex;
  static auto* const known = new std::map<std::string, bool>;
  std::error_code error;
  const std::string key =
      path + '\n' + flags + '\n' + std::to_string(std::filesystem::file_size(path, error)) + '\n' +
      std::to_string(std::filesystem::last_write_time(path, error).time_since_epoch().count());
  {
    const std::lock_guard lock(mutex);
    if (const auto it = known->find(key); it != known->end()) return it->second;
  }
  const bool numbers = rule_entries_start_with_digits(file_text(path), flags);
  const std::lock_guard lock(mutex);
  known->emplace(key, numbers);
  return numbers;
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

namespace {

/// Takes `mutex`, trying again 256 times (some microseconds on x86, where each try pauses)
/// before sleeping: a dictionary's lock is nearly always held for one cache lookup or one
/// Hunspell spell() call, and a std::mutex found taken sleeps in the kernel at once (futex),
/// which on the small files' run cost 1.7% of the samples, nearly all in the hypervisor's
/// interrupt handling. A holder that takes longer (suggest(), tens of milliseconds; loading the
/// Hunspell with compound rules) costs a waiter the tries, then the sleep it took before.
std::unique_lock<std::mutex> lock_soon(std::mutex& mutex) {
  constexpr int kTries = 256;
  for (int i = 0; i < kTries; ++i) {
    if (mutex.try_lock()) return {mutex, std::adopt_lock};
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");  // NOLINT(hicpp-no-assembler)
#endif
  }
  return std::unique_lock(mutex);
}

}  // namespace

/// One variety's Hunspell and lists. The lists, the reject list and whether the COMPOUNDRULE
/// lines were left out are fixed once loaded; Hunspell's calls change its state (its affix
/// search keeps the word it works on in members), so each holds `mutex_`.
class Speller::Dictionary {
 public:
  /// Loads the dictionary; with `main_dic_text`, Hunspell reads that .dic text in place of
  /// the variety's own (narrowed_dic's), and the COMPOUNDRULE patterns are kept.
  Dictionary(std::string_view language, const std::vector<std::string>& user_dictionaries,
             const std::string& main_dic_text = {});
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  /// True when Hunspell takes `word`; once shared, from the answers of every speller over it.
  bool spell(std::string_view word) {
    const std::unique_lock lock = lock_soon(mutex_);
    if (!shared_) return hunspell_for(word).spell(std::string(word));
    if (const std::optional<bool> cached = answers_.find(word)) return *cached;
    const bool ok = hunspell_for(word).spell(std::string(word));
    answers_.insert(word, ok);
    return ok;
  }
  /// Keeps Hunspell's answers from now on for every speller over this dictionary: two threads
  /// checking a batch each asked it about a third of the same words (14,935 of 51,326 calls on
  /// the bench's 2,250 files). A dictionary that serves one speller keeps none, since that
  /// speller's own cache has them all.
  void share() {
    const std::lock_guard lock(mutex_);
    shared_ = true;
  }
  /// Hunspell's suggestions for `word`.
  std::vector<std::string> suggest(std::string_view word) {
    const std::unique_lock lock = lock_soon(mutex_);
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
  bool shared_ = false;                   ///< Set by share(); guarded by `mutex_`.
  AnswerCache answers_{kMaxCached};       ///< Hunspell's answers once shared; guarded by `mutex_`.
  std::unique_ptr<Hunspell> hunspell_;    ///< Without COMPOUNDRULE when without_rules_.
  std::unique_ptr<Hunspell> with_rules_;  ///< With them, made for the first word with a digit.
  std::atomic<bool> with_rules_loaded_{false};
  bool without_rules_ = false;
  std::vector<std::string> word_lists_;  ///< Every word list loaded, the main .dic first.
  std::string affixes_;                  ///< The main dictionary's .aff.
  StringMap<std::string> reject_;
};

namespace {

/// The files of one variety's dictionary: Hunspell's, found in dictionary_directories(), and
/// galley's.
struct DictionaryFiles {
  std::string affixes;     ///< Hunspell's .aff.
  std::string main;        ///< Hunspell's .dic.
  std::string galley_dic;  ///< dictionaries/galley-en.dic.
  std::string accept;      ///< dictionaries/accept.txt ("" when missing).
};

/// The files for `language`; throws LoadError naming what is missing.
DictionaryFiles dictionary_files(std::string_view language) {
  DictionaryFiles files;
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
    files.affixes = aff;
    files.main = dic;
    break;
  }
  if (files.main.empty()) {
    throw LoadError(name, "Hunspell dictionary " + name + ".aff/.dic for " + std::string(language) +
                              " not found; searched: " + searched + " (install hunspell-" +
                              (name == "en_GB" ? "en-gb" : "en-us") + " or set DICPATH)");
  }
  files.galley_dic = data_path("dictionaries/galley-en.dic");
  if (files.galley_dic.empty()) {
    throw LoadError("dictionaries/galley-en.dic",
                    "galley's word list is missing (set GALLEY_DATA_DIR)");
  }
  files.accept = data_path("dictionaries/accept.txt");
  return files;
}

}  // namespace

Speller::Dictionary::Dictionary(std::string_view language,
                                const std::vector<std::string>& user_dictionaries,
                                const std::string& main_dic_text) {
  // Held for the whole load: add_dic makes more of Hunspell's tables (see the lock's comment).
  const std::lock_guard lock(hunspell_lifetime_lock());
  const DictionaryFiles files = dictionary_files(language);
  affixes_ = files.affixes;
  word_lists_.push_back(files.main);
  const std::string& galley_dic = files.galley_dic;
  const std::string& accept = files.accept;
  // Every list that is loaded as a .dic (a count on its first line) may carry flags.
  std::vector<std::string> dics{word_lists_.front(), galley_dic};
  for (const std::string& path : user_dictionaries) {
    if (starts_with_count(path)) dics.push_back(path);
  }
  if (!accept.empty() && starts_with_count(accept)) dics.push_back(accept);
  const MemoryFile narrowed(main_dic_text);
  const MemoryFile derived(main_dic_text.empty() ? affixes_without_rules(affixes_, dics) : "");
  without_rules_ = !derived.path().empty();
  const std::string& affixes = without_rules_ ? derived.path() : affixes_;
  const std::string& main_dic = narrowed.path().empty() ? word_lists_.front() : narrowed.path();
  hunspell_ = std::make_unique<Hunspell>(affixes.c_str(), main_dic.c_str());
  // Galley's list in a table of its own, also beside a narrowed .dic: Hunspell takes a stem's
  // entry from the first table that has the stem, so an entry of both lists ("fintech/M" in
  // en_GB, "fintech/SM" in galley's) has the main list's flags only.
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

std::unique_ptr<Speller> Speller::narrowed(std::string_view language,
                                           const std::vector<std::string>& user_dictionaries,
                                           const std::vector<std::string>& words) {
  // A user's .dic may carry flags that compound entries; such lists are loaded whole.
  if (!user_dictionaries.empty()) return nullptr;
#if !defined(__linux__)
  return nullptr;  // No memfd to hand Hunspell the narrowed list by path (MemoryFile).
#endif
  const DictionaryFiles files = dictionary_files(language);
  const std::string aff_text = file_text(files.affixes);
  const AffixRules rules = affix_rules(aff_text);
  if (!rules.narrowable) return nullptr;
  std::set<std::string> stems;
  for (const std::string& word : words) {
    std::optional<std::set<std::string>> of_word = candidate_stems(word, rules);
    if (!of_word) return nullptr;
    stems.merge(*of_word);
  }
  // COMPOUNDRULE patterns that could join letter entries: the whole lists are loaded.
  const std::optional<std::string> rule_flags = compound_rule_flags(aff_text);
  if (!rule_flags) return nullptr;
  if (!rule_flags->empty() && (!rule_entries_are_numbers(files.main, *rule_flags) ||
                               !rule_entries_are_numbers(files.galley_dic, *rule_flags))) {
    return nullptr;
  }
  const std::string dic = narrowed_dic(file_text(files.main), stems);
  return std::make_unique<Speller>(std::make_shared<Dictionary>(language, user_dictionaries, dic));
}

namespace {

/// The pool's key: the variety, each user dictionary's path and DICPATH, which names the
/// directories Hunspell's dictionary is looked for in (it may change between runs of one
/// process). DICPATH as written, not its directories: the key is made several times for each
/// document, and splitting the variable into a vector each time was 6% of what a one-sentence
/// document adds to a batch. Two spellings of one list of directories only load twice.
std::string speller_key(std::string_view language, const std::vector<std::string>& dictionaries) {
  std::string key(language);
  for (const std::string& path : dictionaries) {
    key += '\n';
    key += path;
  }
  key += "\nDICPATH=";
  if (const char* dicpath = std::getenv("DICPATH"); dicpath != nullptr) key += dicpath;
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
      served->dictionary->share();
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
  const auto it = reject_.find(ascii_lower(word));
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

bool Speller::loaded(std::string_view language, const std::vector<std::string>& user_dictionaries) {
  const std::string key = speller_key(language, user_dictionaries);
  SpellerPool& pool = SpellerPool::instance();
  const std::lock_guard lock(pool.mutex);
  return pool.loaded.contains(key);
}

// Every thread's speller for one variety reads the same lists: the runs are worked out once per
// set of lists in the process and shared read-only (checks/letter_runs.hpp).
bool Speller::may_know(std::string_view word) {
  if (!runs_) runs_ = LetterRuns::shared(dictionary_->word_lists(), dictionary_->affixes());
  return runs_->may_know(word);
}

}  // namespace galley
