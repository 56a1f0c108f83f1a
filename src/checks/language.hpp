#pragma once

#include <string>
#include <string_view>

#include "checks/check.hpp"

namespace galley {

/// The variety to check `doc` in: `requested` unless it is "auto", in which case the document's
/// own spellings decide (en-US when they say nothing).
std::string decide_language(const AnalyzedDocument& doc, std::string_view requested);

}  // namespace galley
