#pragma once

namespace galley {

/// galley's version, as `galley --version` prints it and reports record it.
inline constexpr const char* kVersion = "0.1.0";

}  // namespace galley
