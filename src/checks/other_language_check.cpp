// A paragraph in French beside the English one is not English with typos: the spelling analysis
// leaves out a block most of whose lowercase words the dictionaries reject
// (other_language_block), and this check says so once, on the block, instead of a finding on
// every word.
#include "checks/other_language_check.hpp"

#include "checks/registry.hpp"
#include "checks/spell_analysis.hpp"
#include "checks/speller.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "spelling.other-language";

}  // namespace

OtherLanguageCheck::OtherLanguageCheck(std::vector<std::string> dictionaries)
    : dictionaries_(std::move(dictionaries)) {
  Speller::check_user_dictionaries(dictionaries_);
}

std::unique_ptr<Check> OtherLanguageCheck::make(const Settings& settings) {
  return std::make_unique<OtherLanguageCheck>(settings.dictionaries);
}

void OtherLanguageCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  Speller& speller = Speller::for_thread(doc.language, dictionaries_);
  const SpellAnalysis& analysis = spell_analysis(doc, speller, dictionaries_);
  for (const OtherLanguageBlock& block : analysis.words.foreign_blocks) {
    out.push_back(make_finding(
        info, doc.doc.blocks[block.block].span,
        "Not spell-checked: " + std::to_string(block.unknown) + " of its " +
            std::to_string(block.words) + " lowercase words are unknown in " + doc.language +
            ": another language, or commands, rather than English with typos"));
  }
}

}  // namespace galley
