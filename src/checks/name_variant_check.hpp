#pragma once

#include <memory>
#include <string>
#include <vector>

#include "checks/check.hpp"

namespace galley {

/// Check `spelling.name-variant`; see docs/checks/spelling.name-variant.md.
class NameVariantCheck final : public Check {
 public:
  /// Uses the user's extra dictionaries to tell names from words.
  explicit NameVariantCheck(std::vector<std::string> dictionaries);
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;

 private:
  std::vector<std::string> dictionaries_;
};

}  // namespace galley
