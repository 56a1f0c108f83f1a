#pragma once

#include <memory>
#include <string>

#include "checks/check.hpp"

namespace galley {

/// Check `spelling.mixed-variety`; see docs/checks/spelling.mixed-variety.md.
class MixedVarietyCheck final : public Check {
 public:
  /// A check of the majority's variety, or of `language` ("en-GB", "en-US") when one was set
  /// rather than "auto": the house style, which a document may not keep to at all.
  explicit MixedVarietyCheck(std::string language) : language_(std::move(language)) {}
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;

 private:
  std::string language_;  ///< As set: "auto", "en-GB" or "en-US".
};

}  // namespace galley
