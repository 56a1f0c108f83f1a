#pragma once

#include <string>
#include <string_view>

namespace galley {

/// `text` with the ASCII capitals A-Z lowered and every other byte as it is: UTF-8 passes
/// through untouched, and no locale is asked.
inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace galley
