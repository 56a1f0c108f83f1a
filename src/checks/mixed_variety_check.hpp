#pragma once

#include <memory>

#include "checks/check.hpp"

namespace galley {

/// Check `spelling.mixed-variety`; see docs/checks/spelling.mixed-variety.md.
class MixedVarietyCheck final : public Check {
 public:
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;
};

}  // namespace galley
