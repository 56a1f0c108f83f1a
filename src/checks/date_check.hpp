#pragma once

#include <memory>

#include "checks/check.hpp"

namespace galley {

/// Checks `date.weekday-mismatch` and `date.impossible-date`; see docs/checks/date.md.
class DateCheck final : public Check {
 public:
  /// Which of the two rules an instance reports.
  enum class Mode { weekday, impossible };

  explicit DateCheck(Mode mode) : mode_(mode) {}
  /// The registry's factory for date.weekday-mismatch.
  static std::unique_ptr<Check> make_weekday(const Settings& settings);
  /// The registry's factory for date.impossible-date.
  static std::unique_ptr<Check> make_impossible(const Settings& settings);
  void check(const AnalyzedDocument& doc, std::vector<Finding>& out) override;

 private:
  Mode mode_;
};

}  // namespace galley
