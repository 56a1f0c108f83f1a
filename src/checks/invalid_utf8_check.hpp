#pragma once

#include <memory>

#include "checks/check.hpp"

namespace galley {

/// Check `typography.invalid-utf8`; see docs/checks/typography.invalid-utf8.md.
class InvalidUtf8Check final : public Check {
 public:
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;
};

}  // namespace galley
