// Job titles as releases write them. A capitalised word that the dictionaries reject is taken
// for a name, which is right nearly always ("Ostvik", "Zorvexa"); in a title it is a typo. The
// test is a pair: the word one edit from a title's word, and the word beside it the title's
// next or previous word. A name after a title ("Chief Executive Officer Mayer") fails it, since
// "officer mayor" is no title, where a list of single words would have taken it for "Mayor".
#include "checks/job_titles.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <vector>

#include "checks/word_index.hpp"

namespace galley {
namespace {

// Common titles of releases: executives, public office, academia, the newsroom. Only the
// pairs of neighbouring words matter ("chief executive officer" gives "chief executive" and
// "executive officer").
constexpr auto kTitles = std::to_array<std::string_view>({
    "acting chief executive", "acting director", "artistic director", "assistant director",
    "assistant professor", "associate director", "associate professor", "attorney general",
    "board chair", "board director", "board member", "cabinet member", "cabinet minister",
    "cabinet secretary", "chief accounting officer", "chief administrative officer",
    "chief commercial officer", "chief communications officer", "chief compliance officer",
    "chief constable", "chief creative officer", "chief customer officer", "chief data officer",
    "chief digital officer", "chief economist", "chief engineer", "chief executive officer",
    "chief financial officer", "chief human resources officer", "chief information officer",
    "chief information security officer", "chief inspector", "chief investment officer",
    "chief legal officer", "chief marketing officer", "chief medical officer", "chief nurse",
    "chief nursing officer", "chief operating officer", "chief people officer",
    "chief product officer", "chief revenue officer", "chief risk officer", "chief science officer",
    "chief scientific officer", "chief scientist", "chief strategy officer",
    "chief superintendent", "chief sustainability officer", "chief technical officer",
    "chief technology officer", "city councillor", "city councilor", "city manager",
    "clinical director", "commercial director", "communications director",
    "communications manager", "communications officer", "council leader", "council member",
    "country director", "county commissioner", "county councillor", "county executive",
    "creative director", "deputy chief executive", "deputy director", "deputy head",
    "deputy leader", "deputy mayor", "deputy minister", "design director", "development director",
    "director general", "district attorney", "education minister", "executive chair",
    "executive chairman", "executive director", "executive editor", "executive producer",
    "executive vice president", "finance director", "finance minister", "financial director",
    "fire chief", "fire commissioner", "first minister", "foreign minister", "foreign secretary",
    "founding director", "founding partner", "general counsel", "general manager",
    "general secretary", "head teacher", "health minister", "health secretary", "home secretary",
    "interim chief executive", "interim director", "lord mayor", "managing director",
    "managing editor", "managing partner", "marketing director", "marketing manager",
    "medical director", "music director", "musical director", "operations director",
    "operations manager", "permanent secretary", "police chief", "police commissioner",
    "press officer", "press secretary", "prime minister", "principal investigator",
    "product manager", "professor emeritus", "program director", "program manager",
    "programme director", "programme manager", "project director", "project manager",
    "regional director", "research director", "research fellow", "sales director",
    "sales manager", "secretary general", "senior lecturer", "senior manager", "senior partner",
    "senior vice president", "solicitor general", "state representative", "state senator",
    "technical director"});

/// The titles' neighbouring words, as "first second", and every word of them.
struct TitleWords {
  std::unordered_set<std::string> pairs;
  std::vector<std::string> words;
};

const TitleWords& title_words() {
  static const TitleWords built = [] {
    TitleWords out;
    std::unordered_set<std::string> words;
    for (const std::string_view title : kTitles) {
      std::string_view previous;
      std::size_t at = 0;
      while (at <= title.size()) {
        const std::size_t space = std::min(title.find(' ', at), title.size());
        const std::string_view word = title.substr(at, space - at);
        words.emplace(word);
        if (!previous.empty()) out.pairs.emplace(std::string(previous) + ' ' + std::string(word));
        previous = word;
        at = space + 1;
      }
    }
    out.words.assign(words.begin(), words.end());
    std::sort(out.words.begin(), out.words.end());  // The same order whatever the hash.
    return out;
  }();
  return built;
}

bool is_pair(const TitleWords& titles, std::string_view first, std::string_view second) {
  if (first.empty() || second.empty()) return false;
  std::string pair(first);
  pair += ' ';
  pair += second;
  return titles.pairs.contains(pair);
}

/// True when `word` is `title` with an "a" or "o" added at its end, or is "presidente": a title
/// of another language ("Directora General", "Secretario"), not a slip. (Not any "e": an added
/// "e" is as often the slip, "Managere".)
bool another_language(std::string_view word, std::string_view title) {
  return word == "presidente" || (word.size() == title.size() + 1 && word.starts_with(title) &&
                                  (word.back() == 'a' || word.back() == 'o'));
}

}  // namespace

bool job_title_typo(std::string_view word, std::string_view before, std::string_view after) {
  if (word.size() < 4 || (before.empty() && after.empty())) return false;
  // A letter beyond ASCII is another language's ("Vice-Président"), not an English title's slip.
  if (std::any_of(word.begin(), word.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80U; })) {
    return false;
  }
  const TitleWords& titles = title_words();
  return std::any_of(titles.words.begin(), titles.words.end(), [&](const std::string& title) {
    return title.front() == word.front() && title.size() + 1 >= word.size() &&
           word.size() + 1 >= title.size() && edit_distance(word, title, 1) == 1 &&
           !another_language(word, title) &&
           (is_pair(titles, before, title) || is_pair(titles, title, after));
  });
}

}  // namespace galley
