#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "core/settings.hpp"

namespace galley {

/// What the command line said. Its lists and overrides hold only what was given there; language
/// and fail-on count only when given. Unset things come from the config file, then the defaults.
struct CommandLine {
  Settings settings;            ///< As parsed, defaults where nothing was given.
  bool language_given = false;  ///< --lang was given.
  bool fail_on_given = false;   ///< --fail-on was given.
  std::string config;           ///< --config FILE: used for every input instead of the search.
};

/// One line of `galley config --show`: a setting, its value and where it comes from.
struct SettingSource {
  std::string name;    ///< "language", "rule marker.tk", ...
  std::string value;   ///< As it takes effect.
  std::string origin;  ///< "default", "path/.galley.xml:LINE" or "command line".
};

/// The settings in force for the inputs that share one config file (or none).
struct EffectiveSettings {
  Settings settings;                   ///< What the pipeline runs with.
  std::string config_path;             ///< The config file; empty when none applies.
  std::string config_dir;              ///< Its directory, where ignore globs start.
  std::vector<SettingSource> sources;  ///< Every setting and its origin, in a fixed order.
};

/// Merges defaults, `config` (may be null) and the command line, the command line winning.
/// Throws LoadError when the config names a rule or category that no check or rule pack has.
EffectiveSettings resolve_settings(const ConfigFile* config, const CommandLine& command_line);

/// Finds, loads and resolves the config of each input, once per config file.
class ConfigResolver {
 public:
  /// Resolves against `command_line` (its --config, when set, replaces the search).
  explicit ConfigResolver(CommandLine command_line);
  /// The settings for the input `path` ("-": standard input, searched from the working directory).
  const EffectiveSettings& settings_for(const std::string& path);
  /// True when the config in force for `path` ignores it (a glob matches it).
  bool ignored(const std::string& path);

 private:
  CommandLine command_line_;
  std::map<std::string, std::string> config_of_dir_;    ///< Search start -> config path.
  std::map<std::string, EffectiveSettings> by_config_;  ///< Config path ("" none) -> settings.
};

}  // namespace galley
