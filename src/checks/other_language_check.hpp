#pragma once

#include <memory>
#include <string>
#include <vector>

#include "checks/check.hpp"

namespace galley {

/// Check `spelling.other-language`; see docs/checks/spelling.other-language.md.
class OtherLanguageCheck final : public Check {
 public:
  /// Uses the user's extra dictionaries, as the other spelling checks do.
  explicit OtherLanguageCheck(std::vector<std::string> dictionaries);
  /// The registry's factory.
  static std::unique_ptr<Check> make(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;

 private:
  std::vector<std::string> dictionaries_;
};

}  // namespace galley
