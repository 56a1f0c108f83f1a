// A document that spells "colour" twice and "color" once: the variety the document was decided
// in (decide_language) is the majority, and each spelling of the other variety is flagged, with
// the majority's spellings as related spans.
#include "checks/mixed_variety_check.hpp"

#include "checks/language.hpp"
#include "checks/registry.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "spelling.mixed-variety";
constexpr std::size_t kMaxRelated = 5;

std::string_view name_of(Variety variety) {
  return variety == Variety::british ? "British" : "American";
}

std::string word_at(const AnalyzedDocument& doc, const VarietyForm& form) {
  return std::string(doc.doc.blocks[form.block].text.substr(form.span.begin, form.span.size()));
}

}  // namespace

std::unique_ptr<Check> MixedVarietyCheck::make(const Settings& settings) {
  return std::make_unique<MixedVarietyCheck>(settings.language);
}

void MixedVarietyCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  const Variety majority = doc.language == "en-GB" ? Variety::british : Variety::american;
  const std::vector<VarietyForm>& forms = variety_forms(doc);
  std::vector<RelatedSpan> related;
  std::string examples;
  std::size_t majority_count = 0;
  for (const VarietyForm& form : forms) {
    if (form.variety != majority) continue;
    ++majority_count;
    const std::string word = word_at(doc, form);
    if (related.size() < kMaxRelated) {
      related.push_back({doc.doc.blocks[form.block].to_source(form.span),
                         std::string(name_of(majority)) + " spelling '" + word + "'"});
      if (examples.find("'" + word + "'") == std::string::npos) {
        examples += (examples.empty() ? "'" : ", '") + word + "'";
      }
    }
  }
  // Decided by count, a document of one variety is consistent; set, the variety is the house
  // style, and a document wholly in the other one is the commonest way to break it.
  const bool set = language_ == doc.language;
  if (majority_count == 0 && !set) return;
  const std::string reason = majority_count == 0
                                 ? "the language set is " + doc.language
                                 : "the document otherwise spells " +
                                       std::string(name_of(majority)) + " (" + examples + ", " +
                                       std::to_string(majority_count) + " in all)";
  for (const VarietyForm& form : forms) {
    if (form.variety == majority) continue;
    const std::string word = word_at(doc, form);
    std::string message = "'" + word + "' is " + std::string(name_of(form.variety)) +
                          " spelling ('" + form.counterpart + "' in " +
                          std::string(name_of(majority)) + "); " + reason;
    Finding finding = make_finding(info, doc.doc.blocks[form.block].to_source(form.span),
                                   std::move(message), {form.counterpart});
    finding.related = related;
    out.push_back(std::move(finding));
  }
}

}  // namespace galley
