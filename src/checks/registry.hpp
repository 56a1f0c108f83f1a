#pragma once

#include <span>
#include <string_view>

#include "checks/check.hpp"

namespace galley {

/// THE table of checks written in C++, in the order `galley rules` lists them.
std::span<const CheckInfo> check_registry();

/// The row for `id`, or nullptr.
const CheckInfo* find_check(std::string_view id);

}  // namespace galley
