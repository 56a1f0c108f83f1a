// "Koerner" three times and "Koener" once: no dictionary knows either, but the document does.
// The rarer of two near-identical unknown names is flagged, with the frequent one as the fix.
#include "checks/name_variant_check.hpp"

#include "checks/registry.hpp"
#include "checks/spell_document.hpp"
#include "checks/speller.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "spelling.name-variant";
constexpr std::size_t kMaxRelated = 3;

std::vector<RelatedSpan> occurrences(const AnalyzedDocument& doc, const SpellDocument& words,
                                     const std::string& name) {
  std::vector<RelatedSpan> related;
  for (const SpellWord& other : words.words) {
    if (other.text != name || related.size() >= kMaxRelated) continue;
    related.push_back({doc.doc.blocks[other.block].to_source(other.span), "'" + name + "'"});
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
  const SpellDocument words = collect_spell_words(doc);
  for (const SpellWord& word : words.words) {
    if (spelled_ok(word, speller)) continue;
    const std::string variant = name_variant_of(words, word, speller);
    if (variant.empty()) continue;
    const std::size_t count = words.surface_counts.at(variant);
    Finding finding =
        make_finding(info, doc.doc.blocks[word.block].to_source(word.span),
                     "'" + word.text + "' looks like a variant of the name '" + variant +
                         "', written so " + std::to_string(count) + " times in this document",
                     {variant});
    finding.related = occurrences(doc, words, variant);
    out.push_back(std::move(finding));
  }
}

}  // namespace galley
