#pragma once

#include <memory>

#include "checks/check.hpp"

namespace galley {

/// Check `typography.space-before-punctuation`; see docs/checks/typography.space-before-punctuation.md.
class SpaceBeforePunctuationCheck final : public Check {
 public:
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;
};

}  // namespace galley
