// "Koerner" three times and "Koener" once: no dictionary knows either, but the document does.
// The rarer of two near-identical unknown names is flagged, with the frequent one as the fix.
#include "checks/name_variant_check.hpp"

#include <map>

#include "checks/registry.hpp"
#include "checks/spell_analysis.hpp"
#include "checks/speller.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "spelling.name-variant";
constexpr std::size_t kMaxRelated = 3;

/// Where each variant name of the document is written, up to kMaxRelated times, found in one
/// pass over the words (the names are unknown words, so they are among them).
std::map<std::string, std::vector<RelatedSpan>> occurrences(const AnalyzedDocument& doc,
                                                            const SpellAnalysis& analysis) {
  std::map<std::string, std::vector<RelatedSpan>> related;
  for (const SpellVerdict* verdict : analysis.verdicts) {
    if (!verdict->variant.empty()) related.try_emplace(verdict->variant);
  }
  if (related.empty()) return related;
  for (const SpellWord& word : analysis.words.words) {
    const auto it = related.find(word.text);
    if (it == related.end() || it->second.size() >= kMaxRelated) continue;
    it->second.push_back({doc.doc.blocks[word.block].to_source(word.span), "'" + word.text + "'"});
  }
  return related;
}

}  // namespace

NameVariantCheck::NameVariantCheck(std::vector<std::string> dictionaries)
    : dictionaries_(std::move(dictionaries)) {
  Speller::check_user_dictionaries(dictionaries_);
}

std::unique_ptr<Check> NameVariantCheck::make(const Settings& settings) {
  return std::make_unique<NameVariantCheck>(settings.dictionaries);
}

void NameVariantCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  Speller& speller = Speller::for_thread(doc.language, dictionaries_);
  const SpellAnalysis& analysis = spell_analysis(doc, speller, dictionaries_);
  const SpellDocument& words = analysis.words;
  const std::map<std::string, std::vector<RelatedSpan>> related = occurrences(doc, analysis);
  for (std::size_t i = 0; i < words.words.size(); ++i) {
    const SpellWord& word = words.words[i];
    const std::string& variant = analysis.verdicts[i]->variant;
    if (variant.empty()) continue;
    const std::size_t count = words.count(variant);
    Finding finding =
        make_finding(info, doc.doc.blocks[word.block].to_source(word.span),
                     "'" + word.text + "' looks like a variant of the name '" + variant +
                         "', written so " + std::to_string(count) + " times in this document",
                     {variant});
    finding.related = related.at(variant);
    out.push_back(std::move(finding));
  }
}

}  // namespace galley
