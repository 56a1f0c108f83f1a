// The spelling checks' document-aware decisions (docs/checks/spelling.*.md), on small texts with
// fictional names: exact spans and suggestions.
#include <algorithm>
#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "checks/check.hpp"
#include "checks/language.hpp"
#include "checks/letter_runs.hpp"
#include "checks/registry.hpp"
#include "checks/spell_document.hpp"
#include "checks/speller.hpp"
#include "checks/spelling_check.hpp"
#include "checks/word_index.hpp"
#include "core/load_error.hpp"
#include "pipeline.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

struct Found {
  std::string rule;
  std::string text;  // The source bytes of the span.
  std::vector<std::string> suggestions;
  std::vector<std::string> related;
  std::string message;
};

struct Checked {
  std::string language;
  std::vector<Found> findings;
};

Checked spell(const std::string& text, Settings settings = {}) {
  settings.builtin_rules = false;  // Only the checks written in C++ matter here.
  CheckSet checks(settings);
  const DocumentReport report = checks.check(test::read(text, InputFormat::text), "test");
  Checked out{report.language, {}};
  for (const Finding& f : report.findings) {
    if (f.rule.rfind("spelling.", 0) != 0) continue;
    Found found{f.rule, text.substr(f.span.begin, f.span.size()), f.suggestions, {}, f.message};
    for (const RelatedSpan& r : f.related)
      found.related.push_back(text.substr(r.span.begin, r.span.size()));
    out.findings.push_back(std::move(found));
  }
  return out;
}

std::vector<std::string> texts_of(const Checked& checked, std::string_view rule) {
  std::vector<std::string> out;
  for (const Found& f : checked.findings) {
    if (f.rule == rule) out.push_back(f.text);
  }
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("spelling: a typo gets the right first suggestion and at most five", "[spelling]") {
  const Checked c = spell("The council will recieve the report on Monday.\n");
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].rule == "spelling.misspelling");
  CHECK(c.findings[0].text == "recieve");
  REQUIRE_FALSE(c.findings[0].suggestions.empty());
  CHECK(c.findings[0].suggestions[0] == "receive");
  CHECK(c.findings[0].suggestions.size() <= 5);
}

TEST_CASE("spelling: the slips of typing rank first among words one edit away", "[spelling]") {
  // Each typo is one edit from another word too ("he", "write", "commission"), which ranked
  // first when every edit cost 1.
  const auto first_suggestion = [](const std::string& text, std::string_view typo) {
    for (const Found& f : spell(text).findings) {
      if (f.text == typo && !f.suggestions.empty()) return f.suggestions[0];
    }
    return std::string("(no finding)");
  };
  CHECK(first_suggestion("The board met and hte chair spoke for an hour.\n", "hte") == "the");
  CHECK(first_suggestion("The board has writen to every member this week.\n", "writen") ==
        "written");
  CHECK(first_suggestion("The ommission of the fee was noted by the auditors.\n", "ommission") ==
        "omission");
}

TEST_CASE("spelling: typing_cost weighs the slips of typing below other edits", "[spelling]") {
  CHECK(typing_cost("cat", "cat") == Approx(0.0));
  CHECK(typing_cost("", "abc") == Approx(3.0));
  CHECK(typing_cost("abc", "") == Approx(3.0));
  CHECK(typing_cost("hte", "the") == Approx(0.5));  // two neighbours swapped
  CHECK(typing_cost("recieve", "receive") == Approx(0.5));
  CHECK(typing_cost("writen", "written") == Approx(0.7));      // a doubled letter typed once
  CHECK(typing_cost("ommission", "omission") == Approx(0.7));  // a letter typed twice
  CHECK(typing_cost("comited", "committed") == Approx(1.4));   // two of them
  // Both letters of a pair left out are two edits, not two slips.
  CHECK(typing_cost("wrien", "written") == Approx(2.0));
  // A letter added beside a different one is an ordinary edit.
  CHECK(typing_cost("wrotte", "wrote") == Approx(0.7));
  CHECK(typing_cost("wroate", "wrote") == Approx(1.0));
  CHECK(typing_cost("the", "he") == Approx(1.0));
  // Not ASCII, or 64 bytes or longer: the plain edit distance.
  CHECK(typing_cost("caf\xC3\xA9", "cafe") == Approx(1.0));
  CHECK(typing_cost(std::string(63, 'a'), std::string(62, 'a')) == Approx(0.7));
  CHECK(typing_cost(std::string(64, 'a'), std::string(63, 'a')) == Approx(1.0));
}

TEST_CASE("spelling: a word of the document with a digit is never offered for a word",
          "[spelling]") {
  // "5th" is one edit from "sth" (and from "fth", its third suggestion once, which en-GB's
  // dictionary has): no spelling of a word has a digit, and the speller keeps Hunspell's
  // ordinal rules for words that do.
  const Checked c =
      spell("Harbour notes\n\nThe 5th pier opened on Monday, and the sth pier opens next week.\n");
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].text == "sth");
  CHECK_FALSE(c.findings[0].suggestions.empty());
  for (const std::string& suggestion : c.findings[0].suggestions) CHECK(suggestion != "5th");
}

TEST_CASE("spelling: a capitalised typo of a common word is an error", "[spelling]") {
  const Checked alone =
      spell("She is Associate Administrator for Exploration Systems Developmebt.\n");
  REQUIRE(texts_of(alone, "spelling.misspelling") == Texts{"Developmebt"});
  CHECK(alone.findings[0].suggestions[0] == "Development");
  const Checked with_word =
      spell("Development starts in May. She heads Exploration Systems Developmebt at Varnholt.\n");
  CHECK(texts_of(with_word, "spelling.misspelling") == Texts{"Developmebt"});
}

TEST_CASE("spelling: a long capitalised typo of a word the frequency list has is an error",
          "[spelling]") {
  // "communications" is in the list, but not among its common words (count 17 < 20): ten
  // letters or more make the typo; shorter, a name near a rarer word stays a name.
  const Checked c = spell(
      "She was Head of Comunications at the Ostvik Trust, where Tom Gardiners led the team.\n");
  CHECK(texts_of(c, "spelling.misspelling") == Texts{"Comunications"});
  REQUIRE(c.findings.size() >= 1);
  CHECK(c.findings[0].suggestions.at(0) == "Communications");
  // Opening a sentence, seven letters will do ("measuring" has count 4).
  CHECK(texts_of(spell("Messuring the results took a week.\n"), "spelling.misspelling") ==
        Texts{"Messuring"});
}

TEST_CASE("spelling: a capitalised typo inside a job title is an error", "[spelling]") {
  // Five letters mid-sentence would be taken for a name; beside the title's other word it is the
  // slip the mission names first, a typo in a director's title.
  const Checked c = spell(
      "Ingrid Vasko, Cheif Operating Officer of Ostvik Rail, named Tomas Brenn as Managing "
      "Direcor and Vice Presdient of Sales.\n");
  CHECK(texts_of(c, "spelling.misspelling") == Texts{"Cheif", "Direcor", "Presdient"});
  Texts first;
  for (const Found& f : c.findings) {
    if (f.rule == "spelling.misspelling") first.push_back(f.suggestions.at(0));
  }
  CHECK(first == Texts{"Chief", "Director", "President"});
  // Twice, it is still a typo: a title is repeated as a name is.
  CHECK(texts_of(spell("Sara Holm is Finance Minsiter. The Finance Minsiter spoke.\n"),
                 "spelling.misspelling") == Texts{"Minsiter", "Minsiter"});
  // A surname after a title is no part of it: "officer mayor" is no title, nor "chief dean"
  // (Mayr and Deen are one edit from "mayor" and "dean", and no dictionary has them).
  const Checked names =
      spell("Chief Executive Officer Mayr and Police Chief Deen thanked Ostvik Rail.\n");
  CHECK(texts_of(names, "spelling.misspelling").empty());
  CHECK(texts_of(names, "spelling.unknown-word") == Texts{"Mayr", "Deen", "Ostvik"});
  // Another language's title is no typo of an English one, in a title or not.
  CHECK(
      texts_of(spell("Marta Lind, Directora General of Ostvik Rail, met the Vice-Pr\xC3\xA9sident "
                     "of Ostvik Rail.\n"),
               "spelling.misspelling")
          .empty());
  // An "e" added to a title's word is a slip, in a title as elsewhere.
  CHECK(texts_of(spell("Sara Holm is Managing Directore of Ostvik Rail.\n"),
                 "spelling.misspelling") == Texts{"Directore"});
  // Alone, or beside a word that makes no title with it, the same word is a name.
  CHECK(texts_of(spell("She thanked Cheif and Ostvik Rail.\n"), "spelling.misspelling").empty());
}

TEST_CASE("spelling: a misspelt day or month is a typo though Hunspell knows it capitalised only",
          "[spelling]") {
  const Checked c =
      spell("The Ostvik Trust met on Wednesay, 14 Febuary, and meets again on Thrusday.\n");
  REQUIRE(texts_of(c, "spelling.misspelling") == Texts{"Wednesay", "Febuary", "Thrusday"});
  Texts first;
  for (const Found& f : c.findings) {
    if (f.rule == "spelling.misspelling" && !f.suggestions.empty())
      first.push_back(f.suggestions[0]);
  }
  CHECK(first == Texts{"Wednesday", "February", "Thursday"});
  // A name one edit from a common word stays a name when it is short (the rule for names).
  CHECK(texts_of(spell("Ms Tusday chairs the Ostvik Trust.\n"), "spelling.misspelling").empty());
}

TEST_CASE("spelling: a surname after an initial or a title is no typo", "[spelling]") {
  // Each surname is one edit from a common word ("became", "heard", "collect"), which
  // makes a capitalised word a typo elsewhere; "Goverment" still is one, and so is a company's
  // "Systens" after its unknown name.
  const Checked c = spell(
      "Marta D. Beame joined the Rev. J. H. Hearn and Cllr Collett. The Goverment of Ostvik and "
      "Zorvexa Systens thanked them.\n");
  CHECK(texts_of(c, "spelling.misspelling") == Texts{"Goverment", "Systens"});
  CHECK(texts_of(c, "spelling.unknown-word") ==
        Texts{"Beame", "Hearn", "Collett", "Ostvik", "Zorvexa"});
  // A letter after a word of the language is a label's, and its full stop ends the sentence.
  CHECK(texts_of(spell("We chose Plan B. Thhis was wise.\n"), "spelling.misspelling") ==
        Texts{"Thhis"});
  // Without the title, or opening a sentence of its own, the same surnames are typos.
  CHECK(texts_of(spell("She met Collett in the office. Beame joined them.\n"),
                 "spelling.misspelling") == Texts{"Collett", "Beame"});
}

TEST_CASE("spelling: a capitalised common word with a letter doubled is a name", "[spelling]") {
  // "welcome" and "committee" are common words of the frequency list.
  const Checked c = spell(
      "The Wellcome Trust funds the work. Its Comittee meets, and the board of the Ccommittee "
      "agrees.\n");
  CHECK(texts_of(c, "spelling.misspelling") == Texts{"Comittee", "Ccommittee"});
  CHECK(texts_of(c, "spelling.unknown-word") == Texts{"Wellcome"});
}

TEST_CASE(
    "spelling: an unknown name that is a known name with two letters swapped has it as "
    "a suggestion",
    "[spelling]") {
  const Checked c = spell("The plant in Britian works with Microsfot, said Alexandre Brion.\n");
  CHECK(texts_of(c, "spelling.misspelling").empty());
  REQUIRE(texts_of(c, "spelling.unknown-word") ==
          Texts{"Britian", "Microsfot", "Alexandre", "Brion"});
  std::vector<Texts> suggestions;
  for (const Found& f : c.findings) {
    if (f.rule == "spelling.unknown-word") suggestions.push_back(f.suggestions);
  }
  // "Alexandre" would need its last two letters swapped ("Alexander").
  CHECK(suggestions == std::vector<Texts>{{"Britain"}, {"Microsoft"}, {}, {}});
}

TEST_CASE("spelling: a prefix and a known word is a coinage unless a word is one edit away",
          "[spelling]") {
  // "reimagined", "underserved" and "unobligated" are two edits or more from any common word;
  // "untill" and "relase" are one from "until" and "release".
  const Checked c = spell(
      "The reimagined plan serves underserved towns with unobligated funds untill the relase.\n");
  CHECK(texts_of(c, "spelling.misspelling") == Texts{"untill", "relase"});
  CHECK(texts_of(c, "spelling.unknown-word") == Texts{"reimagined", "underserved", "unobligated"});
}

TEST_CASE("spelling: a paragraph in another language is left out, and said so once", "[spelling]") {
  // Half or more of eight lowercase words unknown: French, whose words would each be a finding.
  // The English around it is checked as ever; a short French line and a sloppy English sentence
  // (coinages and typos, under half unknown) are not left out.
  const std::string french =
      "Le conseil du port a approuv\xC3\xA9 hier le projet des nouveaux quais, qui seront "
      "achev\xC3\xA9s avant la fin de l'ann\xC3\xA9"
      "e prochaine.";
  const Checked c = spell("The port board met on Monday to aprove the plan.\n\n" + french +
                          "\n\nMerci beaucoup.\n\nThe reimagined plan serves underserved "
                          "towns with unobligated funds untill the relase.\n");
  CHECK(texts_of(c, "spelling.other-language") == Texts{french});
  const auto other = std::find_if(c.findings.begin(), c.findings.end(), [](const Found& f) {
    return f.rule == "spelling.other-language";
  });
  REQUIRE(other != c.findings.end());
  CHECK(other->message ==
        "Not spell-checked: 14 of its 19 lowercase words are unknown in en-US: another language, "
        "or commands, rather than English with typos");
  CHECK(texts_of(c, "spelling.misspelling") == Texts{"aprove", "untill", "relase"});
  CHECK(texts_of(c, "spelling.unknown-word") ==
        Texts{"Merci", "beaucoup", "reimagined", "underserved", "unobligated"});
}

TEST_CASE("spelling: a word the other variety's dictionary has is unknown not misspelt",
          "[spelling]") {
  // Debian's en_US dictionary lacks "acquirements" and "bootable", its en_GB one has them;
  // "informations" it has too, but reject.txt makes it a typo in either variety.
  const Checked c =
      spell("The acquirements of the bootable image and the informations were reviewed.\n");
  CHECK(c.language == "en-US");
  CHECK(texts_of(c, "spelling.misspelling") == Texts{"informations"});
  REQUIRE(texts_of(c, "spelling.unknown-word") == Texts{"acquirements", "bootable"});
  for (const Found& f : c.findings) {
    if (f.rule == "spelling.unknown-word") {
      CHECK(f.message.find("in en-US, but en-GB's dictionary has it") != std::string::npos);
    } else {
      CHECK(f.message == "Unknown word 'informations': a common misspelling of 'information'");
    }
  }
  // In en-GB, whose dictionary takes "informations", it is still no word: en_US's does not.
  Settings british;
  british.language = "en-GB";
  const Checked gb = spell("The informations were reviewed.\n", british);
  REQUIRE(gb.findings.size() == 1);
  CHECK(gb.findings[0].message ==
        "Unknown word 'informations': a common misspelling of 'information'");
  // A word of the dictionaries on reject.txt says so.
  const Checked word = spell("It runs pubic transport.\n");
  REQUIRE(word.findings.size() == 1);
  CHECK(word.findings[0].message == "'pubic' is a word, but here most likely a typo for 'public'");
}

TEST_CASE("spelling: a sentence opener with a letter doubled or a short one twice is a typo",
          "[spelling]") {
  // Inside a sentence "Wellcome" is a name (a doubled letter); opening one, "Thhis" is a slip.
  // "Teh" twice, only ever opening a sentence, is a habit of the fingers, not a name.
  const Checked c =
      spell("The Wellcome Trust met. Thhis was new. Teh plan grew. Teh board agreed.\n");
  CHECK(texts_of(c, "spelling.misspelling") == Texts{"Thhis", "Teh", "Teh"});
  CHECK(texts_of(c, "spelling.unknown-word") == Texts{"Wellcome"});
}

TEST_CASE("spelling: Latin of English prose and lowercase name particles are words", "[spelling]") {
  const Checked c = spell(
      "The fee is 2% per annum, a bona fide and de facto standard, and the pro bono team's modus "
      "operandi is unchanged. Ursula von der Leyen met Ines da Costa and Hugo du Parc. A sui "
      "generis case, a post mortem and prima facie evidence apply mutatis mutandis.\n");
  CHECK(texts_of(c, "spelling.misspelling").empty());
}

TEST_CASE("spelling: the pieces of a word cut by invalid bytes are not misspellings",
          "[spelling]") {
  // "café" and "München" in Latin-1: typography.invalid-utf8 reports the bytes.
  CHECK(texts_of(spell("The caf\xE9 in M\xFCnchen opens on Monday.\n"), "spelling.misspelling")
            .empty());
  CHECK(texts_of(spell("The caf\xE9 in M\xFCnchen opens with a recption.\n"),
                 "spelling.misspelling") == Texts{"recption"});
}

TEST_CASE("spelling: a word of the document comes first among suggestions", "[spelling]") {
  // "desalination" is no word of the frequency list; the document makes it the fix.
  const Checked c =
      spell("The desalination plant opens in May. The desalinaton plant employs 40.\n");
  REQUIRE(texts_of(c, "spelling.misspelling") == Texts{"desalinaton"});
  CHECK(c.findings[0].suggestions[0] == "desalination");
}

TEST_CASE("spelling: acronyms, plurals and possessives of acronyms are not typos", "[spelling]") {
  const Checked c = spell(
      "The TWA and three NGOs met the CEO. The CEO's plan and the NGO's view "
      "were aired.\n");
  CHECK(c.findings.empty());
}

TEST_CASE("spelling: Full Name (ABBR) defines a mixed-case abbreviation", "[spelling]") {
  const Checked c = spell(
      "The Department for Quarry Safety (DfQS) wrote to us. The DfQS said "
      "the DfQSs would meet.\n");
  CHECK(c.findings.empty());
  const Checked undefined = spell("The Quarry Board wrote to us. The DfQS said so.\n");
  CHECK(texts_of(undefined, "spelling.unknown-word") == Texts{"DfQS"});
}

TEST_CASE("spelling: a recurring unknown capitalised word is a name, reported once as info",
          "[spelling]") {
  const Checked c = spell("Zorvexa opened a depot. Staff at Zorvexa say Zorvexa's depot is big.\n");
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].rule == "spelling.unknown-word");
  CHECK(c.findings[0].text == "Zorvexa");
  CHECK(c.findings[0].suggestions.empty());
}

TEST_CASE("spelling: a short name once is not a typo of a common word", "[spelling]") {
  const Checked c = spell("The award went to Carty Okwuosa of Penbury.\n");
  CHECK(texts_of(c, "spelling.misspelling").empty());
}

TEST_CASE("spelling: markers glued to words are split and skipped", "[spelling]") {
  const Checked c = spell("The General Managers[GM1] agreed.\n");
  CHECK(c.findings.empty());
}

TEST_CASE("spelling: URLs, e-mail, handles, hashtags, numbers and units are skipped",
          "[spelling]") {
  const Checked c = spell(
      "See www.zorbliq.com or https://zorbliq.org/a/qwzx, write to "
      "press@zorbliq.org, follow @zorbliq and #ZorbliqDay: 5km at 10am, up "
      "12.5% to 3,400.\n");
  CHECK(c.findings.empty());
}

TEST_CASE("spelling: a word followed by [sic] is not flagged", "[spelling]") {
  const Checked c = spell("The sign read \"the goverment [sic] office\" for years.\n");
  CHECK(c.findings.empty());
}

TEST_CASE("spelling: hyphenated compounds and galley's word list", "[spelling]") {
  const Checked c = spell(
      "The co-founder set a net-zero roadmap for e-commerce, livestreamed "
      "to stakeholders, with upskilling and cybersecurity plans.\n");
  CHECK(c.findings.empty());
}

TEST_CASE("spelling: the reject list turns a real word into a typo", "[spelling]") {
  const Checked c = spell("The pubic consultation closes in May.\n");
  REQUIRE(texts_of(c, "spelling.misspelling") == Texts{"pubic"});
  CHECK(c.findings[0].suggestions == std::vector<std::string>{"public"});
}

TEST_CASE("spelling: name variants flag the rarer form", "[spelling]") {
  const Checked c = spell(
      "Anna Koerner leads. Koerner joined in 2019, and Koener will stay, "
      "Koerner said.\n");
  REQUIRE(texts_of(c, "spelling.name-variant") == Texts{"Koener"});
  CHECK(texts_of(c, "spelling.misspelling").empty());
  const Found& variant = c.findings.back();  // Sorted by position: after the first "Koerner".
  CHECK(variant.rule == "spelling.name-variant");
  CHECK(variant.suggestions == std::vector<std::string>{"Koerner"});
  CHECK(variant.related.size() == 3);
  const Checked camel = spell("HondoGo hires. HondoGo pays, and HondoGO grows.\n");
  CHECK(texts_of(camel, "spelling.name-variant") == Texts{"HondoGO"});
  const Checked plural = spell("The Varnholts came. Mr Varnholt and Mrs Varnholt stayed.\n");
  CHECK(texts_of(plural, "spelling.name-variant").empty());
}

TEST_CASE("spelling: a name that differs in its first letter is another name", "[spelling]") {
  // A variant or a typo keeps the first letter: writers seldom get it wrong.
  const Checked other =
      spell("Chair Sara Deng opened. Ms Deng thanked Tom Geng, who will work alongside Ms Deng.\n");
  CHECK(texts_of(other, "spelling.name-variant").empty());
  CHECK(texts_of(other, "spelling.misspelling").empty());
  const Checked word = spell("The team kept beating its rivals, said coach Lou Keating.\n");
  CHECK(texts_of(word, "spelling.misspelling").empty());
  // The same letter first: still a variant.
  const Checked same = spell("Ms Deng spoke. Ms Deng left, and Ms Denng stayed.\n");
  CHECK(texts_of(same, "spelling.name-variant") == Texts{"Denng"});
}

TEST_CASE("spelling: the document's variety decides the language", "[spelling]") {
  CHECK(spell("We organise the colour programme.\n").language == "en-GB");
  CHECK(spell("We organize the color program.\n").language == "en-US");
  CHECK(spell("We plan the event.\n").language == "en-US");
  Settings british;
  british.language = "en-GB";
  CHECK(spell("We organize the color program.\n", british).language == "en-GB");
}

TEST_CASE("spelling: a name keeps its own spelling in either variety", "[spelling]") {
  // Capitalised inside a sentence: part of a name, neither evidence nor flagged.
  const Checked c = spell(
      "The colour of the harbour pleased the visitors from the Department of Labor and the World "
      "Trade Center.\n");
  CHECK(c.language == "en-GB");
  CHECK(texts_of(c, "spelling.mixed-variety").empty());
  // A headline's name is the text's name too.
  const Checked headline = spell(
      "Porthaven Harbor Authority opens its quay\n\nThe colour of the quay pleased Porthaven "
      "Harbor Authority.\n");
  CHECK(headline.language == "en-GB");
  CHECK(texts_of(headline, "spelling.mixed-variety").empty());
  // Opening a sentence, or in a heading, the word counts.
  const Checked opener = spell(
      "Harbor Works\n\nThe colour of the harbour is grey. Center stage "
      "went to the band.\n");
  CHECK(texts_of(opener, "spelling.mixed-variety") == Texts{"Harbor", "Center"});
  // Lowercase, the same words are flagged.
  const Checked lower = spell(
      "The grey colour of the harbour pleased the visitors from the labor office and the trade "
      "center.\n");
  CHECK(texts_of(lower, "spelling.mixed-variety") == Texts{"labor", "center"});
}

TEST_CASE("spelling: mixed varieties flag the minority with the majority as related",
          "[spelling]") {
  const Checked c = spell("The colour of the harbour and the centre, and the color of the sky.\n");
  CHECK(c.language == "en-GB");
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].rule == "spelling.mixed-variety");
  CHECK(c.findings[0].text == "color");
  CHECK(c.findings[0].suggestions == std::vector<std::string>{"colour"});
  CHECK(c.findings[0].related == std::vector<std::string>{"colour", "harbour", "centre"});
  // A name's variety word inside a sentence ("Labor Day") is set aside; the forms kept keep
  // their counterparts (moving a kept form onto itself once emptied its suggestion).
  const Checked named = spell(
      "The color of the sky, the colour of the harbour and the centre on Labor Day, the colour "
      "of the sea.\n");
  REQUIRE(named.findings.size() == 1);
  CHECK(named.findings[0].text == "color");
  CHECK(named.findings[0].suggestions == std::vector<std::string>{"colour"});
  CHECK(named.findings[0].message.find("('colour' in British)") != std::string::npos);
}

TEST_CASE("spelling: a language set is the house style even where the document never keeps it",
          "[spelling]") {
  const std::string text = "The color of the sky over the center of town was gray today.\n";
  CHECK(texts_of(spell(text), "spelling.mixed-variety").empty());  // Consistent American.
  Settings british;
  british.language = "en-GB";
  const Checked c = spell(text, british);
  CHECK(c.language == "en-GB");
  CHECK(texts_of(c, "spelling.mixed-variety") == Texts{"color", "center", "gray"});
  REQUIRE_FALSE(c.findings.empty());
  CHECK(c.findings[0].suggestions == std::vector<std::string>{"colour"});
  CHECK(c.findings[0].related.empty());
  Settings american;
  american.language = "en-US";
  CHECK(texts_of(spell(text, american), "spelling.mixed-variety").empty());
}

TEST_CASE("spelling: --dictionary adds words; a missing one is a load error", "[spelling]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/words.txt", "# ours\nZorvexa\nquarrystone\n");
  Settings settings;
  settings.dictionaries = {dir + "/words.txt"};
  CHECK(spell("Zorvexa built the quarrystone path.\n", settings).findings.empty());
  settings.dictionaries = {dir + "/missing.dic"};
  CHECK_THROWS_AS(CheckSet(settings), LoadError);
}

TEST_CASE("spelling: the registry examples of the spelling rows hold", "[spelling]") {
  constexpr std::string_view kOpen = "\xC2\xAB";
  constexpr std::string_view kClose = "\xC2\xBB";
  for (const CheckInfo& info : check_registry()) {
    if (!info.id.starts_with("spelling.")) continue;
    for (const CheckExample& example : info.examples) {
      INFO(info.id << ": " << example.text);
      std::string text(example.text);
      std::string marked;
      if (const std::size_t open = text.find(kOpen); open != std::string::npos) {
        const std::size_t close = text.find(kClose);
        marked = text.substr(open + kOpen.size(), close - open - kOpen.size());
        text = text.substr(0, open) + marked + text.substr(close + kClose.size());
      }
      const Checked c = spell(text);
      const Texts found = texts_of(c, info.id);
      CHECK(found == (example.incorrect ? Texts{marked} : Texts{}));
      for (const Found& f : c.findings) {
        if (f.rule != info.id) continue;
        const std::string first = f.suggestions.empty() ? "-" : f.suggestions[0];
        CHECK(first == example.suggestion);
      }
    }
  }
}

TEST_CASE("edit distance: code points and transpositions and the limit in ASCII or not",
          "[spelling]") {
  // ASCII words under 64 bytes are compared in rows on the stack; the others are decoded first.
  CHECK(edit_distance("receive", "receive", 2) == 0);
  CHECK(edit_distance("", "abc", 3) == 3);
  CHECK(edit_distance("form", "from", 2) == 1);         // A transposition is one edit.
  CHECK(edit_distance("caf\xC3\xA9", "cafe", 2) == 1);  // One code point, two bytes.
  CHECK(edit_distance("\xC3\xA9t\xC3\xA9", "t\xC3\xA9\xC3\xA9", 2) == 1);  // Transposed.
  CHECK(edit_distance("stra\xC3\x9F" "e", "strasse", 3) == 2);  // One literal, split.
  const std::string long_word(70, 'a');
  std::string changed = long_word;
  changed[35] = 'b';
  CHECK(edit_distance(long_word, changed, 2) == 1);
  CHECK(edit_distance(long_word, long_word.substr(0, 60), 2) == 3);  // Capped at limit + 1.
  CHECK(edit_distance("abcdef", "badcfe", 1) == 2);
}

TEST_CASE("letter sets never rule out words within the edit distance", "[spelling]") {
  // Strings of up to three symbols of a mixed alphabet (ASCII, two-byte, four-byte and an
  // ill-formed byte), every pair of them: where edit_distance says d, the letter sets must pass
  // for d.
  const std::vector<std::string> symbols{"a",    "b", "c", "\xC3\xA9", "\xF0\x9F\x98\x80",
                                         "\xFF", "A"};
  std::vector<std::string> words{""};
  std::vector<std::string> shorter{""};  // The strings one symbol shorter than the next ones.
  for (std::size_t length = 1; length <= 3; ++length) {
    std::vector<std::string> longer;
    for (const std::string& word : shorter) {
      for (const std::string& symbol : symbols) longer.push_back(word + symbol);
    }
    words.insert(words.end(), longer.begin(), longer.end());
    shorter = std::move(longer);
  }
  std::size_t ruled_out = 0;
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      const std::size_t distance = edit_distance(a, b, 2);
      for (std::size_t d = 0; d <= 2; ++d) {
        const bool close = letter_sets_close(letter_set(a), letter_set(b), d);
        if (distance <= d) REQUIRE(close);
        if (!close) ++ruled_out;
      }
    }
  }
  CHECK(ruled_out > 0);  // And it does rule some out.
}

TEST_CASE("word index: words compared one by one are the ones the index finds", "[spelling]") {
  // A short document's words are not indexed (near_document_words): comparing each with the
  // query, less what the index leaves out, must give exactly the index's near words.
  const std::vector<std::string> words{"a",
                                       "i",
                                       "m",
                                       "mv",
                                       "my",
                                       "me",
                                       "to",
                                       "of",
                                       "mvs",
                                       "form",
                                       "from",
                                       "farm",
                                       "forms",
                                       "caf\xC3\xA9",
                                       "cafe",
                                       "\xC3\xA9t\xC3\xA9",
                                       "t\xC3\xA9\xC3\xA9",
                                       "receive",
                                       "recieve",
                                       "relieve",
                                       "deceive"};
  DeleteIndex index;
  index.build(words.size(), [&](std::size_t id) -> std::string_view { return words[id]; });
  std::size_t compared = 0;
  for (const std::string& query : words) {
    for (std::size_t max = 1; max <= 2; ++max) {
      std::vector<std::uint32_t> indexed;
      for (const std::uint32_t id : index.candidates(query, max)) {
        if (edit_distance(query, words[id], max) <= max) indexed.push_back(id);
      }
      std::vector<std::uint32_t> one_by_one;
      for (std::uint32_t id = 0; id < words.size(); ++id) {
        if (!DeleteIndex::left_out(query, words[id], max) &&
            edit_distance(query, words[id], max) <= max) {
          one_by_one.push_back(id);
        }
      }
      INFO("query " << query << ", distance " << max);
      CHECK(one_by_one == indexed);
      ++compared;
    }
  }
  CHECK(compared == 2 * words.size());
  // near_document_words answers distance 1 from what it found at distance 2: the same words.
  for (const std::string& query : words) {
    std::vector<std::uint32_t> at_one;
    for (const std::uint32_t id : index.candidates(query, 1)) {
      if (edit_distance(query, words[id], 1) <= 1) at_one.push_back(id);
    }
    std::vector<std::uint32_t> from_two;
    for (const std::uint32_t id : index.candidates(query, 2)) {
      if (edit_distance(query, words[id], 2) <= 1) from_two.push_back(id);
    }
    INFO("query " << query);
    CHECK(at_one == from_two);
  }
  CHECK(DeleteIndex::left_out("mv", "to", 2));  // Two substitutions: no shared delete.
  CHECK_FALSE(DeleteIndex::left_out("mv", "my", 2));
}

TEST_CASE("spelling: a long document's near words found at once are the index's", "[spelling]") {
  // More words than are compared one by one, from few letters so that many are near each
  // other; some with a digit (never near), some not ASCII. Queries: words of the document, and
  // one and two byte edits from them (an edit may split the two bytes of "é": ill-formed UTF-8
  // must be answered alike too).
  std::vector<std::string> lower;
  std::uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33U);
  };
  const std::vector<std::string> letters{"a", "e", "r", "s", "t", "n", "o", "\xC3\xA9", "1"};
  while (lower.size() < 9000) {
    for (std::size_t w = 0; w < 1000; ++w) {
      std::string word;
      const std::size_t length = 2 + next() % 9;
      for (std::size_t k = 0; k < length; ++k) word += letters[next() % letters.size()];
      lower.push_back(word);
    }
    std::sort(lower.begin(), lower.end());
    lower.erase(std::unique(lower.begin(), lower.end()), lower.end());
  }
  std::vector<std::string> queries;
  for (std::size_t q = 0; q < 600; ++q) {
    std::string query = lower[next() % lower.size()];
    if (q % 3 >= 1) query.erase(next() % query.size(), 1);
    if (q % 3 == 2) query.insert(next() % (query.size() + 1), 1, 'x');
    if (!query.empty()) queries.push_back(query);
  }
  const auto make = [&](SpellDocument& words) { words.lower_list = lower; };
  SpellDocument by_index;
  make(by_index);
  SpellDocument at_once;
  make(at_once);
  find_near_words(at_once, queries);
  std::size_t near = 0;
  for (const std::string& query : queries) {
    for (std::size_t max = 1; max <= 2; ++max) {
      INFO("query " << query << ", distance " << max);
      const std::vector<std::uint32_t> indexed = near_document_words(by_index, query, max);
      CHECK(near_document_words(at_once, query, max) == indexed);
      near += indexed.size();
    }
  }
  CHECK(by_index.indexed);       // The index was made and asked...
  CHECK_FALSE(at_once.indexed);  // ...and not needed for the queries found at once.
  CHECK(near > queries.size());  // And the queries have near words to compare.
  // A query not found at once is still answered, by the index.
  CHECK(near_document_words(at_once, lower.front() + "q", 2) ==
        near_document_words(by_index, lower.front() + "q", 2));
  CHECK(at_once.indexed);
  // A short document's words are compared one by one: nothing is found ahead.
  SpellDocument short_one;
  short_one.lower_list.assign(lower.begin(), lower.begin() + 100);
  find_near_words(short_one, queries);
  CHECK(short_one.near_cache.empty());
}

TEST_CASE("word index: near words without Hunspell", "[spelling]") {
  CHECK(edit_distance("recieve", "receive", 2) == 1);
  CHECK(edit_distance("developmebt", "development", 2) == 1);
  CHECK(edit_distance("abc", "xyz", 1) == 2);
  const WordIndex& index = WordIndex::shared();
  CHECK(index.count("the") > 1000);
  const std::vector<NearWord> near = index.near("developmebt", 2);
  REQUIRE_FALSE(near.empty());
  CHECK(near[0].word == "development");
  CHECK(near[0].distance == 1);
}

TEST_CASE("word index: a saved index is mapped and answers as the one it was made from",
          "[spelling]") {
  const std::string dir = test::temp_dir();
  const std::string list = dir + "/list.tsv";
  test::write_file(list,
                   "the\t5000\nreceive\t300\ndevelopment\t120\ncafé\t8\nthe\t1\n"
                   "# a comment line\nreceiver\t40\n");
  const WordIndex built(list);
  built.save(dir + "/list.idx");
  const WordIndex mapped(list, {dir + "/missing.idx", dir + "/list.idx"});
  CHECK_FALSE(built.mapped());
  CHECK(mapped.mapped());
  REQUIRE(mapped.size() == 6);  // Lines, a repeated word included.
  for (const WordIndex* index : {&built, &mapped}) {
    CHECK(index->count("the") == 5000);  // The first of a repeated word counts.
    CHECK(index->count("café") == 8);
    CHECK(index->count("th") == 0);
    CHECK(index->count("receiv") == 0);
    const std::vector<NearWord> near = index->near("recieve", 2);
    REQUIRE(near.size() == 2);
    CHECK(near[0].word == "receive");
    CHECK(near[0].distance == 1);
    CHECK(near[1].word == "receiver");
    CHECK(near[1].distance == 2);
    REQUIRE(index->near("cafe", 1).size() == 1);
    CHECK(index->near("cafe", 1)[0].word == "café");
  }
}

TEST_CASE("word index: a saved index of another list or a damaged one is passed over",
          "[spelling]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/old.tsv", "receive\t300\n");
  test::write_file(dir + "/new.tsv", "receive\t300\ndevelopment\t120\n");
  WordIndex(dir + "/old.tsv").save(dir + "/old.idx");
  const WordIndex stale(dir + "/new.tsv", {dir + "/old.idx"});
  CHECK_FALSE(stale.mapped());
  CHECK(stale.count("development") == 120);
  WordIndex(dir + "/new.tsv").save(dir + "/new.idx");
  const std::string saved = test::read_file_text(dir + "/new.idx");
  test::write_file(dir + "/cut.idx", saved.substr(0, saved.size() - 3));
  test::write_file(dir + "/empty.idx", "");
  test::write_file(dir + "/foreign.idx", std::string(saved.size(), 'x'));
  const WordIndex damaged(dir + "/new.tsv",
                          {dir + "/cut.idx", dir + "/empty.idx", dir + "/foreign.idx"});
  CHECK_FALSE(damaged.mapped());
  CHECK(damaged.count("development") == 120);
  CHECK(WordIndex(dir + "/new.tsv", {dir + "/new.idx"}).mapped());
}

TEST_CASE("word index: the build saves the shipped list's index and galley maps it", "[spelling]") {
  // A build that stopped saving it would make every run index the list again (docs/performance.md).
  CHECK(WordIndex::shared().mapped());
}

TEST_CASE("speller: strings with a run of letters no word has are ruled out before Hunspell",
          "[spelling]") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/words.txt", "Zqxjvik\n");  // A user's word with runs English lacks.
  Speller speller("en-US", {dir + "/words.txt"});
  CHECK(speller.may_know("development"));
  CHECK(speller.may_know("developments"));
  CHECK(speller.may_know("zqxjvik"));
  CHECK(speller.may_know("a"));            // Too short for a run: Hunspell decides.
  CHECK(speller.may_know("caf\xc3\xa9"));  // Not ASCII: Hunspell decides.
  CHECK_FALSE(speller.may_know("dxvelopment"));
  CHECK_FALSE(speller.may_know("developmqnt"));
  CHECK_FALSE(speller.may_know("zqxjvika"));  // One letter more, and "vika" is a run no word has.
}

TEST_CASE("speller: runs of five letters rule out more strings but spare affixed words",
          "[spelling]") {
  Speller speller("en-US", {});
  // Every run of four of these is in some stem; "velom", "lopee" and "davel" are in none.
  CHECK_FALSE(speller.may_know("develomment"));
  CHECK_FALSE(speller.may_know("developeent"));
  CHECK_FALSE(speller.may_know("davelopment"));
  // Words an affix rule makes, whose runs across the join are in no stem ("cloni" of "clone"
  // and "-ing", "^relo" of "re-" and "load", "booka" of "book" and "-able"), nor in the
  // frequency list: asked of Hunspell, which knows them.
  for (const char* word : {"cloning", "reloads", "bookable", "relearning", "developments"}) {
    CAPTURE(word);
    CHECK(speller.may_know(word));
    CHECK(speller.known(word));
  }
}

TEST_CASE("letter runs: runs of five apply only where the affix rules leave them safe",
          "[spelling]") {
  // "qzvxabk" has every run of four of the two words, but its run of five "zvxab" is in neither.
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/words.txt", "qzvxa\nvxabk\n");
  const std::vector<std::string> lists{dir + "/words.txt"};
  test::write_file(dir + "/plain.aff", "SET UTF-8\nSFX A Y 1\nSFX A 0 ing .\n");
  CHECK_FALSE(LetterRuns::shared(lists, dir + "/plain.aff")->may_know("qzvxabk"));
  CHECK(LetterRuns::shared(lists, dir + "/plain.aff")->may_know("qzvxa"));
  // A suffix rule that could end the string ("bk") leaves the runs that meet it to the runs of
  // four: "zvxab" reaches into it.
  test::write_file(dir + "/suffix.aff", "SET UTF-8\nSFX B Y 1\nSFX B 0 bk .\n");
  CHECK(LetterRuns::shared(lists, dir + "/suffix.aff")->may_know("qzvxabk"));
  // Compounds, a second suffix after the first, or a rule that only strips: runs of four only.
  int unsafe = 0;
  for (const char* rules : {"COMPOUNDFLAG X\nSFX A Y 1\nSFX A 0 ing .\n",
                            "SFX A Y 1\nSFX A 0 ing/B .\n", "SFX A Y 1\nSFX A e 0 e\n"}) {
    CAPTURE(rules);
    const std::string aff = dir + "/unsafe-" + std::to_string(++unsafe) + ".aff";
    test::write_file(aff, std::string("SET UTF-8\n") + rules);
    CHECK(LetterRuns::shared(lists, aff)->may_know("qzvxabk"));
  }
  // An affix file that cannot be read: runs of four only.
  CHECK(LetterRuns::shared(lists, dir + "/missing.aff")->may_know("qzvxabk"));
  // A run of four in no word ("xaqk"), whatever the affixes.
  CHECK_FALSE(LetterRuns::shared(lists, dir + "/plain.aff")->may_know("qzvxaqk"));
}

TEST_CASE("speller: the cache of answers stays bounded and answers stay right", "[spelling]") {
  // A speller serves its thread for a whole batch: its cache must not grow with the vocabulary.
  Speller speller("en-US", {});
  std::string word = "aaaa";
  std::size_t most = 0;
  for (std::size_t i = 0; i < Speller::kMaxCached + 1000; ++i) {
    for (std::size_t at = 0; at < word.size() && ++word[at] > 'z'; ++at) word[at] = 'a';
    static_cast<void>(speller.known(word));
    most = std::max(most, speller.cached());
  }
  CHECK(most == Speller::kMaxCached);
  CHECK(speller.cached() > 0);
  CHECK(speller.known("development"));
  CHECK_FALSE(speller.known("developmqnt"));
  CHECK(speller.known("development"));  // From the cache this time.
  CHECK(speller.cached() <= Speller::kMaxCached);
}

}  // namespace galley

namespace galley {

TEST_CASE("variety counterparts are found through the filter in any case", "[spelling][language]") {
  CHECK(variety_counterpart("Organisation") ==
        std::pair<std::string, Variety>{"Organization", Variety::british});
  CHECK(variety_counterpart("colours") ==
        std::pair<std::string, Variety>{"colors", Variety::british});
  CHECK(variety_counterpart("COLOR") ==
        std::pair<std::string, Variety>{"COLOUR", Variety::american});
  CHECK(variety_counterpart("jewellery") ==
        std::pair<std::string, Variety>{"jewelry", Variety::british});
  CHECK(variety_counterpart("programme").first == "program");
  CHECK(variety_counterpart("program").first.empty());  // British-only pair: no evidence.
  CHECK(variety_counterpart("release").first.empty());
  CHECK(variety_counterpart("the").first.empty());  // Under four letters: never looked up.
  // The verb "practise" and "enquire" are British; the noun "practice" and "inquire" are both.
  CHECK(variety_counterpart("practiced") ==
        std::pair<std::string, Variety>{"practised", Variety::american});
  CHECK(variety_counterpart("practising") ==
        std::pair<std::string, Variety>{"practicing", Variety::british});
  CHECK(variety_counterpart("enquired").first == "inquired");
  CHECK(variety_counterpart("practice").first.empty());
  CHECK(variety_counterpart("inquired").first.empty());
  // "analyses" is the plural of "analysis" in both varieties; "analyzes" is American.
  CHECK(variety_counterpart("analyses").first.empty());
  CHECK(variety_counterpart("analyzes") ==
        std::pair<std::string, Variety>{"analyses", Variety::american});
}

TEST_CASE("speller pool: threads share a dictionary two at a time, with caches of their own",
          "[spelling]") {
  // A user list of its own makes a key no other test's spellers have.
  const test::Scratch scratch;
  const std::vector<std::string> lists{scratch.file("words.txt", "Qorvanth\n")};
  Speller& first = Speller::for_thread("en-US", lists);  // Loaded now: held by this thread.
  const Speller* second = nullptr;
  const Speller* third = nullptr;
  // Each thread holds its speller while the next takes one: every speller is then in use.
  std::thread([&] {
    second = &Speller::for_thread("en-US", lists);
    std::thread([&] {
      third = &Speller::for_thread("en-US", lists);
      Speller::release_thread();
    }).join();
    Speller::release_thread();
  }).join();
  REQUIRE(second != nullptr);
  REQUIRE(third != nullptr);
  CHECK(second != &first);
  CHECK(second->dictionary() == first.dictionary());  // Made over the loaded one, not loaded.
  CHECK(third->dictionary() != first.dictionary());   // The first serves two already.
  CHECK(first.known("Qorvanth"));
  CHECK_FALSE(first.known("Qorvanht"));
  Speller::release_thread();
  Speller::settle();
}

TEST_CASE("speller pool: spellers on one dictionary answer from two threads as from one",
          "[spelling]") {
  const test::Scratch scratch;
  const std::vector<std::string> lists{scratch.file("words.txt", "Velmoria\n")};
  // Known words, typos of them and made-up words.
  std::vector<std::string> words;
  for (const char* word : {"development", "colour", "color", "Velmoria", "Velmorai", "thier",
                           "announced", "annouced", "organisation", "organization", "3rd",
                           "director", "directer", "xqzv", "Wednesday", "wednesday"}) {
    for (const char* suffix : {"", "s", "ing", "ed"}) words.push_back(std::string(word) + suffix);
  }
  using Answers = std::vector<std::pair<bool, bool>>;  // (known, in_dictionaries) by word.
  Answers expected;
  {
    Speller alone("en-US", lists);
    for (const std::string& word : words) {
      expected.emplace_back(alone.known(word), alone.in_dictionaries(word));
    }
  }
  constexpr int kRounds = 40;  // in_dictionaries is not cached: each round asks Hunspell.
  std::array<Answers, 2> answers{Answers(words.size()), Answers(words.size())};
  std::array<const Speller*, 2> spellers{};
  std::atomic<int> holding{0};
  const auto ask = [&](std::size_t thread) {
    Speller& speller = Speller::for_thread("en-US", lists);
    spellers[thread] = &speller;
    ++holding;
    while (holding < 2) std::this_thread::yield();  // Both hold one before either asks.
    for (int round = 0; round < kRounds; ++round) {
      for (std::size_t i = 0; i < words.size(); ++i) {
        const std::size_t w = thread == 0 ? i : words.size() - 1 - i;  // Opposite orders.
        if (round == 0) answers[thread][w].first = speller.known(words[w]);
        answers[thread][w].second = speller.in_dictionaries(words[w]);
      }
    }
    Speller::release_thread();
  };
  std::thread one(ask, 0);
  std::thread two(ask, 1);
  one.join();
  two.join();
  Speller::settle();
  REQUIRE(spellers[0] != nullptr);
  REQUIRE(spellers[1] != nullptr);
  CHECK(spellers[0] != spellers[1]);
  CHECK(spellers[0]->dictionary() == spellers[1]->dictionary());
  CHECK(answers[0] == expected);
  CHECK(answers[1] == expected);
  // Not vacuous: the words hold both answers.
  CHECK(std::count(expected.begin(), expected.end(), std::pair{true, true}) > 0);
  CHECK(std::count(expected.begin(), expected.end(), std::pair{false, false}) > 0);
}

}  // namespace galley
