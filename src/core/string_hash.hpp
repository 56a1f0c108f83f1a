#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace galley {

/// Hashes std::string and std::string_view alike, so that a map keyed by strings is searched
/// with a view, without a copy: the maps here are looked up once per token.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

/// An unordered map from strings, searched with a std::string_view without a copy.
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace galley
