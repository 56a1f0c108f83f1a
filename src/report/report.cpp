#include "report/report.hpp"

namespace galley {

std::string_view to_string(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::checked:
      return "checked";
    case DocumentStatus::skipped:
      return "skipped";
    case DocumentStatus::failed:
      return "failed";
  }
  return "failed";
}

Summary Report::summary() const {
  Summary summary;
  for (const DocumentReport& doc : documents) {
    switch (doc.status) {
      case DocumentStatus::checked:
        ++summary.documents;
        break;
      case DocumentStatus::skipped:
        ++summary.skipped;
        break;
      case DocumentStatus::failed:
        ++summary.failed;
        break;
    }
    summary.words += doc.word_count;
    for (const Finding& finding : doc.findings) {
      ++(finding.severity == Severity::error     ? summary.errors
         : finding.severity == Severity::warning ? summary.warnings
                                                 : summary.infos);
    }
  }
  return summary;
}

}  // namespace galley
