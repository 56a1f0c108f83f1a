#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/load_error.hpp"
#include "input/reader.hpp"

namespace galley::fuzz {

/// Reads `data` in `format`, then asserts what must hold for any input: every block's pieces
/// cover its text in order, map inside the source, and every span lies on UTF-8 boundaries.
void read_and_verify(const std::uint8_t* data, std::size_t size, InputFormat format);

/// Asserts that a load error about `bytes` names its file and, when it has a position, points
/// at a line of the file and a column on that line (or just after its end); describes it.
void require_inside(const LoadError& error, std::string_view bytes);

/// Aborts with `what` when `condition` is false (libFuzzer then saves the input).
void require(bool condition, const char* what);

}  // namespace galley::fuzz
