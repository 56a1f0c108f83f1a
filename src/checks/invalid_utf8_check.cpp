#include "checks/invalid_utf8_check.hpp"

namespace galley {

std::unique_ptr<Check> InvalidUtf8Check::make(const Settings& /*settings*/) {
  return std::make_unique<InvalidUtf8Check>();
}

// The reader finds invalid bytes while reading (they are not in any block's text); this check
// is their entry in the registry, so they can be listed, explained and configured like any rule.
void InvalidUtf8Check::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  out.insert(out.end(), doc.doc.reader_findings.begin(), doc.doc.reader_findings.end());
}

}  // namespace galley
