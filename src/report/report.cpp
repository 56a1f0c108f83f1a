#include "report/report.hpp"

#include "report/spool.hpp"

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

std::array<std::size_t, 3> severity_counts(const DocumentReport& doc) {
  std::array<std::size_t, 3> counts{};
  if (doc.spooled) {
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] = doc.spooled->by_severity[i];
    return counts;
  }
  for (const Finding& finding : doc.findings) ++counts[static_cast<std::size_t>(finding.severity)];
  return counts;
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
    const std::array<std::size_t, 3> counts = severity_counts(doc);
    summary.infos += counts[static_cast<std::size_t>(Severity::info)];
    summary.warnings += counts[static_cast<std::size_t>(Severity::warning)];
    summary.errors += counts[static_cast<std::size_t>(Severity::error)];
  }
  return summary;
}

void Report::visit(const std::function<void(std::size_t, const DocumentReport&)>& visit) const {
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (!documents[i].spooled) {
      visit(i, documents[i]);
      continue;
    }
    const DocumentReport full = spool->load(*documents[i].spooled);
    visit(i, full);
  }
}

void Report::edit(std::size_t index, const std::function<bool(DocumentReport&)>& edit) {
  DocumentReport& doc = documents[index];
  if (!doc.spooled) {
    edit(doc);
    return;
  }
  DocumentReport full = spool->load(*doc.spooled);
  if (!edit(full)) return;
  spool->store(full);
  doc = std::move(full);
}

}  // namespace galley
