#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/severity.hpp"
#include "core/source_text.hpp"

namespace galley {

/// The file name looked for upward from each checked file.
inline constexpr std::string_view kConfigFileName = ".galley.xml";
/// The namespace of a config file's root element (optional in the file; no other is accepted).
inline constexpr std::string_view kConfigNamespace = "urn:galley:config:1";

/// A value from a config file and the element it was written in.
template <typename T>
struct Configured {
  T value{};               ///< The value, validated.
  std::size_t offset = 0;  ///< Byte offset of the element's '<' in the file.
};

/// A rule switched off or re-graded by id or category.
struct RuleSetting {
  std::string id;                    ///< "marker.tk" or "style".
  std::optional<Severity> severity;  ///< nullopt: off.
};

/// One `.galley.xml`, parsed and validated; paths in it are already resolved against its directory.
struct ConfigFile {
  SourceText source;                                  ///< The file's bytes (for line numbers).
  std::string dir;                                    ///< Its directory ("." for a bare name).
  std::optional<Configured<std::string>> language;    ///< "auto", "en-US" or "en-GB".
  std::vector<Configured<std::string>> dictionaries;  ///< Word lists, resolved.
  std::vector<Configured<std::string>> rule_paths;    ///< Rule files or directories, resolved.
  std::vector<Configured<RuleSetting>> rules;         ///< In file order; ids unique.
  std::vector<Configured<std::string>> ignore;        ///< Globs relative to `dir`, as written.
  std::optional<Configured<std::optional<Severity>>> fail_on;  ///< nullopt inside: never.

  /// The file's path, as found or given.
  [[nodiscard]] const std::string& path() const { return source.path(); }
  /// `path:LINE` of the element at `offset`, for `galley config --show`.
  [[nodiscard]] std::string origin(std::size_t offset) const;
};

/// Parses the config file `path` whose bytes are `bytes`. Throws LoadError (path, line, column,
/// the line) for XML errors, a DOCTYPE, unknown elements or attributes, bad values and repeats.
ConfigFile parse_config(const std::string& path, std::string_view bytes);

/// Reads and parses the config file `path`; throws LoadError when it cannot be read.
ConfigFile load_config(const std::string& path);

/// The nearest `.galley.xml` in the directory `dir` or above it, up to the filesystem root;
/// empty when there is none. Shown relative to the working directory when under it.
std::string find_config(const std::string& dir);

/// The directory to start the search from for an input path ("-": the working directory).
std::string search_start(const std::string& input_path);

}  // namespace galley
