#include "checks/check.hpp"

namespace galley {

void number_forms(AnalyzedDocument& doc) {
  doc.forms = {};
  doc.forms.texts.reserve(token_text_room(doc.doc.source.bytes().size()));
  doc.forms.by_block.resize(doc.segments.size());
  for (std::size_t b = 0; b < doc.segments.size(); ++b) {
    number_tokens(doc.doc.blocks[b].text, doc.segments[b].tokens, doc.forms.texts,
                  doc.forms.by_block[b]);
  }
}

Finding make_finding(const CheckInfo& info, Span span, std::string message,
                     std::vector<std::string> suggestions) {
  Finding finding;
  finding.rule = std::string(info.id);
  finding.severity = info.severity;
  finding.message = std::move(message);
  finding.span = span;
  finding.suggestions = std::move(suggestions);
  return finding;
}

}  // namespace galley
