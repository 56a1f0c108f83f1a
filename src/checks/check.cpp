#include "checks/check.hpp"

namespace galley {

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
