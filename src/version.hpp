#pragma once

namespace galley {

/// galley's version, as `galley --version` prints it and reports record it.
inline constexpr const char* kVersion = "0.1.0";

/// galley's home: SARIF's informationUri, and the base of its rules' helpUri.
inline constexpr const char* kHomepage = "https://github.com/galley-proofreading/galley";

}  // namespace galley
