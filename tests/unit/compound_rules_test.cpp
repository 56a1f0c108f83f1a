// Hunspell loaded without a dictionary's COMPOUNDRULE patterns where no word without a digit can
// match them (checks/compound_rules.hpp): the reading of .aff and .dic text, and a speller's
// answers against Hunspell with the patterns, on Debian's dictionaries and on made-up ones.
#include "checks/compound_rules.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <memory>
#include <string>
#include <vector>

#include "checks/speller.hpp"
#include "core/data_path.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

constexpr std::string_view kOrdinalsAff =
    "SET UTF-8\nCOMPOUNDMIN 1\nONLYINCOMPOUND c\nCOMPOUNDRULE 2\nCOMPOUNDRULE n*1t\n"
    "COMPOUNDRULE n*mp\nWORDCHARS 0123456789\n";

/// Sets DICPATH for the life of one test, and puts back what was there.
class DicPath {
 public:
  explicit DicPath(const std::string& dir) {
    if (const char* old = std::getenv("DICPATH")) old_ = old;
    setenv("DICPATH", dir.c_str(), 1);
  }
  ~DicPath() {
    if (old_) {
      setenv("DICPATH", old_->c_str(), 1);
    } else {
      unsetenv("DICPATH");
    }
  }
  DicPath(const DicPath&) = delete;
  DicPath& operator=(const DicPath&) = delete;

 private:
  std::optional<std::string> old_;
};

/// The directory that holds Debian's `name`.aff and .dic.
std::string system_dictionary_dir(const std::string& name) {
  for (const std::string& dir : dictionary_directories()) {
    if (std::filesystem::exists(dir + "/" + name + ".aff")) return dir;
  }
  return {};
}

/// The speller's words one edit from `word` (letters replaced, deleted, doubled), capitalised
/// too: strings Hunspell mostly rejects, where the rules cost most.
std::vector<std::string> variants(const std::string& word) {
  std::vector<std::string> out{word};
  for (std::size_t i = 0; i < word.size(); ++i) {
    out.push_back(word.substr(0, i) + word.substr(i + 1));
    out.push_back(word.substr(0, i) + "q" + word.substr(i + 1));
    out.push_back(word.substr(0, i + 1) + word.substr(i));
  }
  const std::size_t plain = out.size();
  for (std::size_t i = 0; i < plain; ++i) {
    if (out[i].empty()) continue;
    std::string capital = out[i];
    if (capital[0] >= 'a' && capital[0] <= 'z') capital[0] = static_cast<char>(capital[0] - 32);
    out.push_back(capital);
  }
  return out;
}

}  // namespace

TEST_CASE("compound rules: the flags of the patterns, or none where leaving them out is unsafe",
          "[spelling]") {
  CHECK(compound_rule_flags(kOrdinalsAff) == "n1tmp");
  CHECK(compound_rule_flags("SET UTF-8\nSFX A Y 1\nSFX A 0 s .\n") == "");
  CHECK(compound_rule_flags("COMPOUNDRULE 1\r\nCOMPOUNDRULE a?b*\r\n") == "ab");
  // Flags of two characters or numbers, aliases, and compounding by flag: kept as they are.
  CHECK_FALSE(compound_rule_flags(std::string(kOrdinalsAff) + "FLAG long\n"));
  CHECK_FALSE(compound_rule_flags(std::string(kOrdinalsAff) + "AF 1\nAF nm\n"));
  CHECK_FALSE(compound_rule_flags(std::string(kOrdinalsAff) + "COMPOUNDFLAG X\n"));
  CHECK_FALSE(compound_rule_flags("COMPOUNDRULE 1\nCOMPOUNDRULE (aa)(bb)\n"));
  // Tables that can make a digit of something else, or suggest one: kept.
  for (const char* table : {"IGNORE 12\n", "ICONV 1\nICONV \xC2\xB2 2\n", "REP 1\nREP first 1st\n",
                            "TRY esia1\n", "MAP 1\nMAP 1i\n"}) {
    CAPTURE(table);
    CHECK_FALSE(compound_rule_flags(std::string(kOrdinalsAff) + table));
  }
  CHECK(compound_rule_flags(std::string(kOrdinalsAff) + "REP 2\nREP f ph\nREP ph f\n") ==
        "n1tmp");  // A count line is not a digit in a word.
  // Patterns not right after their count, or not as many as it says: Hunspell would stop
  // reading the .aff there, the file without them would not.
  CHECK_FALSE(
      compound_rule_flags("COMPOUNDRULE 2\nCOMPOUNDRULE n*1t\n# comment\n"
                          "COMPOUNDRULE n*mp\n"));
  CHECK_FALSE(compound_rule_flags("COMPOUNDRULE 2\nCOMPOUNDRULE n*1t\n"));
  CHECK_FALSE(compound_rule_flags("COMPOUNDRULE 1\nCOMPOUNDRULE n*1t\nCOMPOUNDRULE n*mp\n"));
  CHECK_FALSE(compound_rule_flags("COMPOUNDRULE two\nCOMPOUNDRULE n*1t\n"));
  // An affix rule that gives its words a pattern's flag ("walking" with 't'): kept.
  const std::string affixes = "SFX G Y 1\nSFX G 0 ing/t .\n";
  CHECK_FALSE(compound_rule_flags(std::string(kOrdinalsAff) + affixes));
  CHECK(compound_rule_flags(std::string(kOrdinalsAff) + "SFX G Y 1\nSFX G 0 ing/S .\n") == "n1tmp");
  CHECK(without_compound_rules(kOrdinalsAff) ==
        "SET UTF-8\nCOMPOUNDMIN 1\nONLYINCOMPOUND c\nWORDCHARS 0123456789\n");
}

TEST_CASE("compound rules: every entry a pattern names must start with a digit", "[spelling]") {
  const std::string ordinals = "5\n1/n1\n1st/p\n1th/tc\n2/nm\nwalk/SM\n";
  CHECK(rule_entries_start_with_digits(ordinals, "n1tmp"));
  CHECK(rule_entries_start_with_digits("1\nst/ABC\n", "n1tmp"));  // No flag of a pattern.
  CHECK_FALSE(rule_entries_start_with_digits(ordinals + "th/t\n", "n1tmp"));
  CHECK_FALSE(rule_entries_start_with_digits("1\nre\\/st/t\n", "t"));  // An escaped '/'.
  // The flags are what follows the '/' of the first field, not a '/' of a later field.
  CHECK(rule_entries_start_with_digits("1\nwalk\tpo:verb/t\n", "t"));
  CHECK(rule_entries_start_with_digits("1\nwalk/S st:t\n", "t"));
  CHECK(has_ascii_digit("21st"));
  CHECK_FALSE(has_ascii_digit("first"));
}

TEST_CASE(
    "speller: Debian's English dictionaries load without their ordinal rules and answer "
    "as with them",
    "[spelling]") {
  for (const std::string& language : {std::string("en-US"), std::string("en-GB")}) {
    CAPTURE(language);
    const std::string name = language == "en-GB" ? "en_GB" : "en_US";
    const std::string dir = system_dictionary_dir(name);
    REQUIRE_FALSE(dir.empty());
    Speller speller(language, {});
    CHECK(speller.compound_rules_left_out());
    // Hunspell as galley loaded it before: the whole .aff, galley's word lists.
    Hunspell whole((dir + "/" + name + ".aff").c_str(), (dir + "/" + name + ".dic").c_str());
    whole.add_dic(data_path("dictionaries/galley-en.dic").c_str());
    std::ifstream accept(data_path("dictionaries/accept.txt"));
    for (std::string line; std::getline(accept, line);) {
      if (!line.empty() && line[0] != '#') whole.add(line);
    }
    std::size_t accepted = 0;
    std::size_t asked = 0;
    for (const std::string word :
         {"development", "harbour", "colour", "color", "quay", "ferry", "wharf", "reelection",
          "Monday", "Lisbon", "co-operate", "well-known", "aquaculture", "Thursday"}) {
      for (const std::string& variant : variants(word)) {
        const bool expected = speller.rejected(variant).empty() && whole.spell(variant);
        CAPTURE(variant);
        CHECK(speller.known(variant) == expected);
        accepted += expected ? 1 : 0;
        ++asked;
      }
    }
    CHECK(accepted > 20);  // Both answers were put to the test.
    CHECK(asked - accepted > 200);
    // Hunspell's own suggestions, galley's last resort, come out the same too.
    for (const std::string word : {"recieve", "Harbuor", "qauy", "develoment"}) {
      CAPTURE(word);
      CHECK(speller.suggest(word) == whole.suggest(word));
    }
    // Words with a digit are answered by Hunspell with the rules, loaded for the first of them.
    CHECK_FALSE(speller.loaded_with_compound_rules());
    for (const std::string word : {"21st", "112th", "3rd", "11th", "1990s", "21th", "2st", "5G",
                                   "21st-century", "1st", "twenty-1st"}) {
      CAPTURE(word);
      CHECK(speller.known(word) == whole.spell(word));
    }
    CHECK(speller.known("21st"));
    CHECK_FALSE(speller.known("21th"));
    CHECK(speller.loaded_with_compound_rules());
  }
}

TEST_CASE("speller: a dictionary whose patterns join letters keeps them", "[spelling]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/en_US.aff",
                   "SET UTF-8\nCOMPOUNDMIN 1\nCOMPOUNDRULE 1\nCOMPOUNDRULE ab\n");
  test::write_file(dir + "/en_US.dic", "3\nharbour/a\nside/b\nquay\n");
  const DicPath path(dir);
  Speller speller("en-US", {});
  CHECK_FALSE(speller.compound_rules_left_out());
  CHECK(speller.known("harbourside"));  // A compound the pattern makes.
  CHECK(speller.known("quay"));
  CHECK_FALSE(speller.known("sideharbour"));
}

TEST_CASE("speller: patterns of digit entries are left out, and kept for words with a digit",
          "[spelling]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/en_US.aff", std::string(kOrdinalsAff));
  test::write_file(dir + "/en_US.dic", "7\n1/n1\n1st/p\n1th/tc\n2/nm\n2nd/p\n4th/pt\nquay\n");
  const DicPath path(dir);
  Speller speller("en-US", {});
  CHECK(speller.compound_rules_left_out());
  CHECK(speller.known("quay"));
  CHECK_FALSE(speller.known("quays"));
  CHECK_FALSE(speller.loaded_with_compound_rules());
  CHECK(speller.known("22nd"));  // Only a pattern makes it.
  CHECK(speller.known("11th"));
  CHECK_FALSE(speller.known("12st"));
  CHECK(speller.loaded_with_compound_rules());
  // A user's .dic whose entry carries a pattern's flag but starts with a letter: kept.
  test::write_file(dir + "/user.dic", "1\nnd/p\n");
  Speller with_user("en-US", {dir + "/user.dic"});
  CHECK_FALSE(with_user.compound_rules_left_out());
}

TEST_CASE("aff_lines: directives, fields and affix rules of an .aff text", "[spelling]") {
  const std::vector<AffLine> lines = aff_lines(
      "SET UTF-8\r\nSFX A Y 2\n  SFX A 0 ing/B .\nSFX\tA e ed\t[^y] st:x\n\nCOMPOUNDFLAG X");
  REQUIRE(lines.size() == 6);
  CHECK(lines[0].directive == "SET");
  CHECK(lines[0].count == 1);
  CHECK(lines[0].fields[0] == "UTF-8");  // The carriage return is the line end's.
  CHECK_FALSE(lines[1].affix_rule());    // A table's header.
  CHECK(lines[2].affix_rule());
  CHECK(lines[2].strip() == "0");
  CHECK(lines[2].add() == "ing/B");
  CHECK(lines[3].affix_rule());  // Tabs separate too; fields past the condition are left out.
  CHECK(lines[3].strip() == "e");
  CHECK(lines[3].add() == "ed");
  CHECK(lines[3].fields[3] == "[^y]");
  CHECK(lines[4].directive.empty());
  CHECK(lines[5].directive == "COMPOUNDFLAG");
  CHECK(lines[5].fields[0] == "X");
}

TEST_CASE("speller narrowed to a document's questions answers about them as the whole one",
          "[spelling]") {
  std::vector<std::string> words;
  // Typos, the other variety's forms, words made with a prefix and a suffix, names, capitals,
  // possessives, abbreviations with their dot, and strings one edit from common words.
  for (const std::string word :
       {"teh", "recieve", "goverment", "colour", "color", "organisation", "organization",
        "recolouring", "unrealised", "Harbour", "HARBOURS", "harbour's", "Monday's", "etc.",
        "approx.", "Mr.", "teh.", "shewed", "whilst", "programme", "catalogued", "travelled",
        "traveled", "aluminium", "Lisbon", "doesn't", "o'clock", "co", "a", "xqzvw", "etc..",
        // Entries of both Hunspell's list and galley's, with other flags: each list's own.
        "fintechs", "agritechs", "reposts", "inclusivity's", "pushback's", "dismicrobusiness",
        // Hyphens, which Hunspell also breaks words at, and dots within a word.
        "well-known", "colour-blind", "co-operate", "self-organisation", "re-colouring",
        "teh-colour", "colour-teh", "Aix-la-Chapelle", "anti-colourless", "-colour", "colour-",
        "up--to", "non-xqzvw", "WELL-KNOWN", "far-reaching.", "file.txt", "ju-file.txt", "e.g.",
        "i.e", "U.S.-based", "Dr.-approved", "Mr.-Right", "colour.-", "etc.-.", "well-...",
        "mid-1990s"}) {
    words.push_back(word);
  }
  for (const std::string word : {"development", "quay", "realise", "announced"}) {
    for (const std::string& variant : variants(word)) words.push_back(variant);
  }
  for (const std::string& language : {std::string("en-US"), std::string("en-GB")}) {
    CAPTURE(language);
    Speller whole(language, {});
    std::size_t narrowed = 0;
    std::size_t accepted = 0;
    for (const std::string& word : words) {
      CAPTURE(word);
      const std::unique_ptr<Speller> alone = Speller::narrowed(language, {}, {word});
      if (!alone) continue;
      ++narrowed;
      CHECK(alone->known(word) == whole.known(word));
      CHECK(alone->in_dictionaries(word) == whole.in_dictionaries(word));
      if (whole.known(word)) ++accepted;
    }
    CHECK(narrowed > words.size() * 9 / 10);
    CHECK(narrowed + 1 == words.size());  // All but "mid-1990s": Hunspell takes some numbers.
    CHECK(accepted > 20);  // Both answers were put to the test.
    CHECK(narrowed - accepted > 100);
    // A few at once, as a document asks them, and all the narrowable ones at once.
    const std::vector<std::string> some{"teh", "colour", "color", "recolouring", "etc."};
    std::vector<std::string> all = words;
    std::erase(all, "mid-1990s");
    for (const std::vector<std::string>& asked : {some, all}) {
      const std::unique_ptr<Speller> together = Speller::narrowed(language, {}, asked);
      REQUIRE(together != nullptr);
      for (const std::string& word : asked) {
        CAPTURE(word);
        CHECK(together->known(word) == whole.known(word));
        CHECK(together->in_dictionaries(word) == whole.in_dictionaries(word));
      }
    }
  }
}

TEST_CASE("speller: not narrowed where a word's stem may not hold its letters", "[spelling]") {
  const std::string dir = test::temp_dir();
  const DicPath path(dir);
  const auto narrows = [&](const std::string& aff, const std::string& word) {
    test::write_file(dir + "/en_US.aff", "SET UTF-8\n" + aff);
    return Speller::narrowed("en-US", {}, {word}) != nullptr;
  };
  test::write_file(dir + "/en_US.dic", "3\nload/SR\nquay/S\ncaf\xC3\xA9/S\n");
  const std::string affixes = "PFX R Y 1\nPFX R 0 re .\nSFX S Y 1\nSFX S 0 s .\n";
  CHECK(narrows(affixes, "reloads"));
  {
    test::write_file(dir + "/en_US.aff", "SET UTF-8\n" + affixes);
    const std::unique_ptr<Speller> narrowed = Speller::narrowed("en-US", {}, {"reloads"});
    REQUIRE(narrowed != nullptr);
    CHECK(narrowed->known("reloads"));  // "load", its stem, kept: it holds the core "load".
  }
  CHECK_FALSE(narrows(affixes, "caf\xC3\xA9s"));                     // Not ASCII letters.
  CHECK_FALSE(narrows(affixes + "COMPOUNDFLAG X\n", "quays"));       // Stems joined.
  CHECK_FALSE(narrows(affixes + "FULLSTRIP\n", "quays"));            // An affix for a whole stem.
  CHECK_FALSE(narrows(affixes + "COMPLEXPREFIXES\n", "quays"));      // Two prefixes.
  CHECK_FALSE(narrows(affixes + "IGNORE a\n", "quays"));             // Letters dropped.
  CHECK_FALSE(narrows(affixes + "ICONV 1\nICONV ph f\n", "quays"));  // Letters changed.
  CHECK_FALSE(narrows("SFX S Y 1\nSFX S 0 s/T .\n", "quays"));       // An affix on an affix.
  CHECK_FALSE(narrows("COMPOUNDMIN 1\nCOMPOUNDRULE 1\nCOMPOUNDRULE SS\n", "quays"));
  CHECK(narrows(affixes + "ICONV 1\nICONV \xE2\x80\x99 '\n", "quays"));  // Apostrophes only.
  CHECK_FALSE(narrows(affixes + "BREAK 1\nBREAK .\n", "quays"));         // Words split at dots.
  CHECK(narrows(affixes + "BREAK 2\nBREAK -\nBREAK ^-\n", "quays"));     // Hyphens: as Hunspell's.
  CHECK_FALSE(narrows(affixes + "LANG hu_HU\n", "quays"));               // Its dash rule.
  CHECK(narrows(affixes, "a-b-c-d-e-f-g-h-i-quays"));                    // Nine hyphens.
  CHECK_FALSE(narrows(affixes, "a-b-c-d-e-f-g-h-i-j-quays"));            // Ten: not broken.
  // A user's list may carry flags that join entries: loaded whole.
  test::write_file(dir + "/en_US.aff", "SET UTF-8\n" + affixes);
  test::write_file(dir + "/user.txt", "Qorvanth\n");
  CHECK(Speller::narrowed("en-US", {dir + "/user.txt"}, {"quays"}) == nullptr);
}

}  // namespace galley
