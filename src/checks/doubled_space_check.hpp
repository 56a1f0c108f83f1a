#pragma once

#include <memory>

#include "checks/check.hpp"

namespace galley {

/// Check `typography.doubled-space`; see docs/checks/typography.doubled-space.md.
class DoubledSpaceCheck final : public Check {
 public:
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;
};

}  // namespace galley
