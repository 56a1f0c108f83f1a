#include "checks/language.hpp"

namespace galley {

// TODO(#3): decide from the document's -ise/-ize, -our/-or, ... spellings.
std::string decide_language(const AnalyzedDocument& /*doc*/, std::string_view requested) {
  if (requested == "auto" || requested.empty()) return "en-US";
  return std::string(requested);
}

}  // namespace galley
