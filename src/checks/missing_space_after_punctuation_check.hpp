#pragma once

#include <memory>

#include "checks/check.hpp"

namespace galley {

/// Check `typography.missing-space-after-punctuation`; see
/// docs/checks/typography.missing-space-after-punctuation.md.
class MissingSpaceAfterPunctuationCheck final : public Check {
 public:
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;
};

}  // namespace galley
