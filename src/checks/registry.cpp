// THE table of checks written in C++. `galley rules` and `galley explain` print from it, the
// pipeline instantiates from it, and tests/unit/check_examples_test.cpp runs every example in it.
#include "checks/registry.hpp"

#include <vector>

#include "checks/doubled_space_check.hpp"
#include "checks/invalid_utf8_check.hpp"
#include "checks/invisible_character_check.hpp"
#include "checks/missing_terminal_punctuation_check.hpp"
#include "checks/repeated_word_check.hpp"
#include "checks/space_before_punctuation_check.hpp"
#include "checks/unbalanced_brackets_check.hpp"

namespace galley {
namespace {

const std::vector<CheckInfo>& table() {
  static const std::vector<CheckInfo> kTable{
      {"typography.repeated-word", "A word written twice in a row (\"the the\")", Severity::error,
       Scope::word,
       "A doubled word is the commonest slip of editing: a sentence rewritten halfway keeps both "
       "halves' copy of a word. Grammatical doubles (\"had had\", \"that that\") are allowed.",
       &RepeatedWordCheck::make, nullptr,
       {{"The award goes to «the the» team in Leeds.", true, "the"},
        {"Shares rose «In in» early trading.", true, "In"},
        {"The director said that that decision was final.", false, "-"},
        {"By the time she arrived, he had had enough.", false, "-"}}},
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
        {"The rate fell to .5 per cent, and the .NET team... waited.", false, "-"}}},
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
         false, "-"}}},
      {"typography.unbalanced-brackets", "A bracket or quotation mark without its partner",
       Severity::warning, Scope::block,
       "An unclosed bracket or quotation usually means a deleted word took its partner along. A "
       "quotation that runs on into the next paragraph may stay open, as is the convention.",
       &UnbalancedBracketsCheck::make, nullptr,
       {{"The trust «(»which runs four hospitals said so.", true, "-"},
        {"The trust said so«)» on Monday.", true, "-"},
        {"She said: «\u201c»We will build it.", true, "-"},
        {"The trust (which runs four hospitals) said: \u201cWe will build it.\u201d", false, "-"},
        {"a) first option, b) second option", false, "-"}}},
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
       "replacement characters once published. Reading goes on past them.",
       &InvalidUtf8Check::make, nullptr,
       {{"Caf«\xE9» opens today.", true, "-"}, {"Caf\u00E9 opens today.", false, "-"}}},
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
