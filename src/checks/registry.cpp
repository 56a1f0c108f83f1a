// THE table of checks written in C++. `galley rules` and `galley explain` print from it, the
// pipeline instantiates from it, and tests/unit/check_examples_test.cpp runs every example in it.
#include "checks/registry.hpp"

#include <vector>

#include "checks/date_check.hpp"
#include "checks/doubled_space_check.hpp"
#include "checks/duplicate_check.hpp"
#include "checks/duplicate_cross_document_check.hpp"
#include "checks/invalid_utf8_check.hpp"
#include "checks/invisible_character_check.hpp"
#include "checks/missing_space_after_punctuation_check.hpp"
#include "checks/missing_terminal_punctuation_check.hpp"
#include "checks/mixed_variety_check.hpp"
#include "checks/name_variant_check.hpp"
#include "checks/other_language_check.hpp"
#include "checks/repeated_word_check.hpp"
#include "checks/rule_pack_check.hpp"
#include "checks/space_before_punctuation_check.hpp"
#include "checks/spelling_check.hpp"
#include "checks/unbalanced_brackets_check.hpp"

namespace galley {
namespace {

const std::vector<CheckInfo>& table() {
  static const std::vector<CheckInfo> kTable{
      {"typography.repeated-word", "A word written twice in a row (\"the the\")", Severity::error,
       Scope::word,
       "A doubled word is the commonest slip of editing: a sentence rewritten halfway keeps both "
       "halves' copy of a word. Grammatical doubles (\"had had\", \"that that\", \"teach her "
       "her duties\") are allowed, and so is a word capitalised twice inside a sentence (\"Bora "
       "Bora\"): a name.",
       &RepeatedWordCheck::make, nullptr,
       {{"The award goes to «the the» team in Leeds.", true, "the"},
        {"Shares rose «In in» early trading.", true, "In"},
        {"The director said that that decision was final.", false, "-"},
        {"By the time she arrived, he had had enough.", false, "-"},
        {"The ferry to Pago Pago sails on Monday.", false, "-"},
        {"«The The» council met on Monday.", true, "The"},
        {"The board will teach her her duties.", false, "-"},
        {"We are sure that «it it» will open in May.", true, "it"},
        {"The council said «it it» will reopen the bridge in May.", true, "it"},
        {"In providing for it it will be wise to wait.", false, "-"},
        {"Install the kernel-package package first.", false, "-"}}},
      {"typography.doubled-space", "Two or more spaces between words", Severity::warning,
       Scope::block,
       "Two spaces between words show up in print as an uneven gap. Indentation and line ends "
       "are not flagged; HTML collapses white space and is not affected.",
       &DoubledSpaceCheck::make, nullptr,
       {{"The centre opens on«  »Monday.", true, " "},
        {"The centre opens on Monday.", false, "-"}}},
      {"typography.space-before-punctuation", "A space before a comma, full stop, colon or the like",
       Severity::warning, Scope::block,
       "English sets , . ; : ! ? directly after the word. Ellipses, decimals (\" .5\") and "
       "names such as \".NET\" are allowed.",
       &SpaceBeforePunctuationCheck::make, nullptr,
       {{"Sales grew strongly« », the report says.", true, ""},
        {"Is it ready« »?", true, ""},
        {"The rate fell to .5 per cent, and the .NET team... waited.", false, "-"},
        {"The ferry waited . . . and then sailed.", false, "-"}}},
      {"date.weekday-mismatch", "A weekday that does not match its date", Severity::error,
       Scope::word,
       "A release's dates are facts readers act on: an embargo, an event, a deadline. A weekday "
       "written with its date (\"Wednesday 12 January 2027\", a Tuesday) must match it; a date "
       "without a year is read in the year of the release's own date (the first date with a year "
       "in its first three blocks), or the next year when it falls earlier in the calendar.",
       &DateCheck::make_weekday, nullptr,
       {{"The exhibition opens on «Wednesday 12 January 2027».", true, "Tuesday 12 January 2027"},
        {"The exhibition opens on «Wed., Jan. 12, 2027».", true, "Tue., Jan. 12, 2027"},
        {"Issued 24 November 2026. Doors open on «Friday 14 March».", true, "-"},
        {"The exhibition opens on Tuesday 12 January 2027.", false, "-"},
        {"Issued 24 November 2026. Doors open on Saturday 14 March, as in 2026.", false, "-"},
        {"The exhibition opens on Tuesday, January 12th.", false, "-"},
        {"Talks begin on «TUESDAY 13 JANUARY 2027».", true, "WEDNESDAY 13 JANUARY 2027"}}},
      {"date.impossible-date", "A date that does not exist (\"31 April\")", Severity::error,
       Scope::word,
       "A day past the end of its month (\"31 April\", \"30 February\", or 29 February in a "
       "year that is no leap year) is a slip in a fact that readers act on.",
       &DateCheck::make_impossible, nullptr,
       {{"The consultation closes on «31 April 2027».", true, "-"},
        {"Entries close on «February 29, 2027».", true, "-"},
        {"The consultation closes on 30 April 2027, and on 29 February 2028 in Ashby.", false,
         "-"}}},
      {"typography.missing-space-after-punctuation",
       "No space after a full stop, comma or the like (\"February.The\", \"board,which\")",
       Severity::warning, Scope::block,
       "A space lost in editing joins two sentences or two clauses. Between letters a full stop "
       "reads to the word rules as part of a word (\"Node.js\"), so the spelling checks pass the "
       "pair over. URLs, e-mail addresses, decimals, initials (\"J.R.\") and names with a mark "
       "(\".NET\", \"Node.js\") are not flagged, nor code (a run of characters with _ = / and "
       "the like).",
       &MissingSpaceAfterPunctuationCheck::make, nullptr,
       {{"The cabinet approved the plan in February«.»The hours cost more.", true, ". "},
        {"The board met on Monday«,»which surprised staff.", true, ", "},
        {"Is it ready«?»We think so.", true, "? "},
        {"Prices rose 3.5 per cent, to 2,400, said Dr J.R. Hartley.", false, "-"},
        {"The .NET and Node.js teams met at www.Example.org on Monday.", false, "-"},
        {"Write to press@Example.org or see example.org/a,b for the list.", false, "-"},
        {"The firm, e.g.The Ferry Co., will bid.", false, "-"},
        {"Run tune2fs -O extents,uninit_bg on the disk, or set mode=fast;level=2 first.", false,
         "-"},
        {"Call Console.WriteLine or String.Format() from java.util.List code.", false, "-"}}},
      {"typography.missing-terminal-punctuation", "A paragraph that ends without a full stop",
       Severity::warning, Scope::block,
       "A body paragraph that stops without punctuation was usually cut short when pasted. "
       "Headings, captions, list items and short lines (datelines, contacts) are not checked.",
       &MissingTerminalPunctuationCheck::make, nullptr,
       {{"The new ferry will carry up to four hundred passengers a day between the two busy harbours "
         "of the «county»", true, "county."},
        {"The new ferry will carry up to four hundred passengers a day between the two busy harbours "
         "of the county.", false, "-"},
        {"The council confirmed that the bridge will reopen on Monday, it said: \"We are ready.\"",
         false, "-"},
        {"The judges praised the library service for its work with care homes.[^1]", false, "-"},
        {"Loans rose by a tenth in the year to March, the council's figures show.[3]", false,
         "-"},
        {"Visits rose by a fifth in the year to March, the council's figures show.\xC2\xB2",
         false, "-"},
        {"The pier reopens to visitors on Monday, two months ahead of the schedule.[GM1]", false,
         "-"}}},
      {"typography.unbalanced-brackets", "A bracket or quotation mark without its partner",
       Severity::warning, Scope::block,
       "An unclosed bracket or quotation usually means a deleted word took its partner along. A "
       "quotation that runs on into the next paragraph may stay open, as is the convention.",
       &UnbalancedBracketsCheck::make, nullptr,
       {{"The trust «(»which runs four hospitals said so.", true, "-"},
        {"The trust said so«)» on Monday.", true, "-"},
        {"She said: «\u201c»We will build it.", true, "-"},
        {"The trust (which runs four hospitals) said: \u201cWe will build it.\u201d", false, "-"},
        {"a) first option, b) second option", false, "-"},
        {"The skipper, who is 5'10\" tall, waved.", false, "-"},
        {"She said: «\"»We will build it.", true, "-"}}},
      {"typography.invisible-character", "Zero-width spaces, soft hyphens, controls and bidi marks",
       Severity::warning, Scope::block,
       "Text copied from web pages and word processors carries characters nobody can see. They "
       "break search, hyphenate words in odd places and can reorder text (bidi controls).",
       &InvisibleCharacterCheck::make, nullptr,
       {{"The museum«\u200B»reopens on Friday.", true, ""},
        {"The refurbish«\u00AD»ment is complete.", true, ""},
        {"The museum reopens on Friday.", false, "-"},
        {"A family emoji \U0001F468\u200D\U0001F469\u200D\U0001F467 is fine.", false, "-"}}},
      {"typography.invalid-utf8", "Bytes that are not valid UTF-8", Severity::error,
       Scope::document,
       "Invalid bytes mean the file was saved in another encoding or damaged; they show as "
       "replacement characters once published. Reading goes on past them. Bytes that read as "
       "Windows-1252 (a word processor's curly quotes, Latin-1's accented letters) get that "
       "reading as the suggestion, and the conversion to run.",
       &InvalidUtf8Check::make, nullptr,
       {{"Caf«\xE9» opens today.", true, "\u00E9"},
        {"A cut «\xE2\x80» sign.", true, "-"},
        {"Caf\u00E9 opens today.", false, "-"}}},
      {"duplicate.caption", "A photo caption that appears twice, exactly or nearly",
       Severity::warning, Scope::sentence,
       "A caption pasted twice, once with a typo and once corrected, is a classic pre-publication "
       "defect: both copies go out. The finding sits on the copy to delete and shows what differs. "
       "Image alt text, which is not printed, may repeat a caption.",
       &DuplicateCheck::make_caption, nullptr,
       {{"Photo: Mayor Ada Kent opens the new Harbour Development centre in Leeds.\n"
         "«Photo: Mayor Ada Kent opens the new Harbour Developmebt centre in Leeds.»",
         true, "Development"},
        {"Photo: Mayor Ada Kent opens the new Harbour Development centre in Leeds.\n\n"
         "The Harbour Development centre opens to the public on Monday.", false, "-"}}},
      {"duplicate.paragraph", "A paragraph that appears twice, exactly or nearly", Severity::warning,
       Scope::sentence,
       "A paragraph pasted twice (often once more at the end of the release) makes the release "
       "look unedited. Short lines that legitimately repeat (headings, datelines, \"Contact:\", "
       "\"###\") and boilerplate sections (\"About ...\", notes to editors) are not compared.",
       &DuplicateCheck::make_paragraph, nullptr,
       {{"The new ferry will carry up to four hundred passengers a day between the two harbours.\n\n"
         "Tickets go on sale on Monday at the harbour office and online.\n\n"
         "«The new ferry will carry up to four hundred passengers a day between the two harbours.»",
         true, "-"},
        {"The new ferry will carry up to four hundred passengers a day between the two harbours.\n\n"
         "The old ferry will carry up to two hundred passengers a day until it is retired.", false,
         "-"}}},
      {"duplicate.sentence", "A long sentence that appears twice in different places",
       Severity::warning, Scope::sentence,
       "A long sentence repeated word for word, or nearly, is usually left over from a rewrite. "
       "Sentences under ten words are not compared: short phrases repeat legitimately.",
       &DuplicateCheck::make_sentence, nullptr,
       {{"The new ferry will carry up to four hundred passengers a day between the two islands. "
         "It was built in Hull.\n\n"
         "Tickets cost four pounds. «The new ferry will carry up to four hundred passengers a day "
         "between the two islnads.»", true, "islands"},
        {"Tickets go on sale on Monday. The ferry was built in Hull.\n\n"
         "Tickets go on sale on Monday.", false, "-"}}},
      {"duplicate.cross-document", "The same caption or paragraph in two documents of one run",
       Severity::info, Scope::batch,
       "A caption or paragraph reused from another release (last week's photo caption, a "
       "paragraph carried over) is often a mistake. Boilerplate sections are not compared. The "
       "message names the other document and line; there is no related span across files.",
       nullptr, &DuplicateCrossDocumentCheck::make,
       {{"«Photo: Mayor Ada Kent opens the new Harbour Development centre in Leeds.» (in two "
         "documents)", true, "-"},
        {"Photo: Mayor Ada Kent opens the new Harbour Development centre in Leeds.", false, "-"}}},
      {kRulePacksId, "Runs the rule packs (rules/*.xml, --rules); `galley rules` lists each rule",
       Severity::error, Scope::document,
       "Rules written as data: editorial markers, house style and users' own packs. Each rule "
       "reports under its own id (marker.tk, style.utilize) and carries its examples, which "
       "tests/unit/rules_examples_test.cpp runs; docs/rules.md describes the format.",
       &RulePackCheck::make, nullptr, {}},
      {"spelling.misspelling", "A likely typo: an unknown word close to a known one", Severity::error,
       Scope::word,
       "A word no dictionary knows, one or two edits from a word of the same document or a common "
       "English word, is almost always a typo, even when capitalised. Acronyms, defined "
       "abbreviations, names that recur, numbers with units, URLs and [sic] words are left alone.",
       &SpellingCheck::make, nullptr,
       {{"The council will «recieve» the report on Monday.", true, "receive"},
        {"She is Associate Administrator for Exploration Systems «Developmebt» at the agency.", true,
         "Development"},
        {"Development of the site begins in May. Systems «Developmebt» is her office.", true,
         "Development"},
        {"The Tarnwick Water Authority (TWA) said NGOs and the TWA's engineers met at 10am.", false,
         "-"},
        {"Priya Okonkwo-Lindqvist said the roadmap would be livestreamed.", false, "-"}}},
      {"spelling.unknown-word", "An unknown word taken for a name or a term", Severity::info,
       Scope::word,
       "Unknown words that do not look like typos (names, brands, terms) are listed for a check "
       "against the source, once each, without disturbing the report's errors.",
       &SpellingCheck::make_unknown, nullptr,
       {{"The prize went to «Zorvexa», a start-up in Leeds.", true, "-"},
        {"The prize went to a start-up in Leeds.", false, "-"}}},
      {"spelling.mixed-variety", "British and American spellings mixed in one document",
       Severity::warning, Scope::word,
       "A release should keep to one variety. The document's own majority decides which (or the "
       "language set, the house style); each spelling of the other variety is flagged with the "
       "majority's spellings as related places.",
       &MixedVarietyCheck::make, nullptr,
       {{"The colour of the harbour and the «color» of the sky.", true, "colour"},
        {"The organization will honor the «programme» and the center.", true, "program"},
        {"The colour of the harbour and the programme.", false, "-"}}},
      {"spelling.name-variant", "A name spelt two ways in one document", Severity::warning,
       Scope::word,
       "No dictionary knows a person's name, but the document does: when a near-identical unknown "
       "name occurs less often than another, it is most likely a misspelling of it.",
       &NameVariantCheck::make, nullptr,
       {{"Anna Koerner leads the team. Koerner joined in 2019 and «Koener» will stay.", true,
         "Koerner"},
        {"HondoGo opened a depot. HondoGo hires drivers, and «HondoGO» pays well.", true, "HondoGo"},
        {"Anna Koerner leads the team. Koerner joined in 2019.", false, "-"}}},
      {"spelling.other-language", "A paragraph in another language, left out of spelling",
       Severity::info, Scope::block,
       "A French or Spanish version beside the English is not English with typos: a block of "
       "eight lowercase words or more, half of them unknown to the dictionaries, is not "
       "spell-checked, and said so once instead of a finding on every word.",
       &OtherLanguageCheck::make, nullptr,
       {{"The harbour board approved the new quay plan on Monday.\n\n"
         "«Le conseil du port a approuvé hier le projet des nouveaux quais, qui seront "
         "achevés avant la fin de l'année prochaine.»\n",
         true, "-"},
        {"The board has recieved teh final report on the new quay and its budgte.", false, "-"}}},
      // Findings of src/checks/suppressions.cpp, the filter the pipeline applies after the checks.
      {"style.unused-suppression", "An inline galley-disable that suppresses nothing",
       Severity::info, Scope::document,
       "A suppression left behind after the text it excused was fixed would hide the next real "
       "problem there. The finding sits on the rule the directive names (docs/suppressions.md).",
       nullptr, nullptr,
       {{"<!-- galley-disable «typography.repeated-word» -->\n\nThe council met on Monday.\n",
         true, "-", "markdown"},
        {"«<!-- galley-disable-next-block -->»\n<p>The council met on Monday.</p>\n", true, "-",
         "html"},
        {"<!-- galley-disable typography.repeated-word -->\n\nThe the council met on Monday.\n",
         false, "-", "markdown"},
        {"<!-- galley-disable-next-block -->\n<p>The the council met on Monday.</p>\n", false, "-",
         "html"}}},
      {"style.malformed-suppression", "An inline directive naming an unknown rule or directive",
       Severity::warning, Scope::document,
       "A misspelt rule id in a galley-disable would otherwise suppress nothing, silently. An "
       "unknown galley-* directive or a galley-enable with nothing to enable is flagged too.",
       nullptr, nullptr,
       {{"<!-- galley-disable «typography.repeated-wrd» -->\n\nThe the council met.\n", true, "-",
         "markdown"},
        {"<p>The council met.</p><!-- «galley-disabel» spelling -->\n", true, "-", "html"},
        {"<!-- galley-disable typography -->\n\nThe the council met.\n\n<!-- galley-enable -->\n",
         false, "-", "markdown"}}},
  };
  return kTable;
}

}  // namespace

std::span<const CheckInfo> check_registry() { return table(); }

const CheckInfo* find_check(std::string_view id) {
  for (const CheckInfo& info : table()) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

}  // namespace galley
