#pragma once

#include <memory>

#include "checks/check.hpp"

namespace galley {

/// Check `typography.missing-terminal-punctuation`; see docs/checks/typography.missing-terminal-punctuation.md.
class MissingTerminalPunctuationCheck final : public Check {
 public:
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;
};

}  // namespace galley
