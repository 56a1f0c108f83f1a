// Defaults, then the nearest config file, then the command line: the settings for each input, and
// where each came from (`galley config --show`).
#include "config/resolve.hpp"

#include <filesystem>
#include <optional>

#include "checks/suppressions.hpp"
#include "config/glob.hpp"
#include "core/load_error.hpp"

namespace galley {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kDefault = "default";
constexpr std::string_view kCommandLine = "command line";

std::string severity_name(std::optional<Severity> severity, std::string_view none) {
  return severity ? std::string(to_string(*severity)) : std::string(none);
}

/// Every rule the config re-grades must exist: a misspelt id would otherwise do nothing, silently.
void check_rule_ids(const ConfigFile& config, const Settings& settings) {
  if (config.rules.empty()) return;
  const KnownRule known = known_rules(settings);
  for (const Configured<RuleSetting>& rule : config.rules) {
    if (known(rule.value.id)) continue;
    const LineColumn at = config.source.locate(rule.offset);
    throw LoadError(config.path(), at.line, at.column,
                    "unknown rule or category '" + rule.value.id + "' (`galley rules` lists them)",
                    std::string(config.source.line_text(at.line)));
  }
}

/// Every rule --disable or --severity names must exist too; they name no file or line.
void check_command_line_ids(const CommandLine& command_line, const Settings& settings) {
  if (command_line.settings.overrides.empty()) return;
  const KnownRule known = known_rules(settings);
  for (const auto& [id, severity] : command_line.settings.overrides) {
    if (known(id)) continue;
    throw LoadError("", std::string(severity ? "--severity" : "--disable") +
                            ": unknown rule or category '" + id + "' (`galley rules` lists them)");
  }
}

void resolve_scalars(const ConfigFile* config, const CommandLine& command_line,
                     EffectiveSettings& out) {
  Settings& settings = out.settings;
  std::string origin(kDefault);
  if (command_line.language_given) {
    settings.language = command_line.settings.language;
    origin = kCommandLine;
  } else if (config != nullptr && config->language) {
    settings.language = config->language->value;
    origin = config->origin(config->language->offset);
  }
  out.sources.push_back({"language", settings.language, origin});
  origin = kDefault;
  if (command_line.fail_on_given) {
    settings.fail_on = command_line.settings.fail_on;
    origin = kCommandLine;
  } else if (config != nullptr && config->fail_on) {
    settings.fail_on = config->fail_on->value;
    origin = config->origin(config->fail_on->offset);
  }
  out.sources.push_back({"fail-on", severity_name(settings.fail_on, "never"), origin});
}

/// The config's entries of a list, then the command line's.
void resolve_list(std::string_view name, const std::vector<Configured<std::string>>* from_config,
                  const ConfigFile* config, const std::vector<std::string>& from_command_line,
                  std::vector<std::string>& into, EffectiveSettings& out) {
  if (from_config != nullptr) {
    for (const Configured<std::string>& entry : *from_config) {
      into.push_back(entry.value);
      out.sources.push_back({std::string(name), entry.value, config->origin(entry.offset)});
    }
  }
  for (const std::string& entry : from_command_line) {
    into.push_back(entry);
    out.sources.push_back({std::string(name), entry, std::string(kCommandLine)});
  }
}

void resolve_overrides(const ConfigFile* config, const CommandLine& command_line,
                       EffectiveSettings& out) {
  std::map<std::string, std::string, std::less<>> origins;
  if (config != nullptr) {
    for (const Configured<RuleSetting>& rule : config->rules) {
      out.settings.overrides[rule.value.id] = rule.value.severity;
      origins[rule.value.id] = config->origin(rule.offset);
    }
  }
  for (const auto& [id, severity] : command_line.settings.overrides) {
    out.settings.overrides[id] = severity;
    origins[id] = kCommandLine;
  }
  for (const auto& [id, severity] : out.settings.overrides) {
    out.sources.push_back({"rule " + id, severity_name(severity, "off"), origins[id]});
  }
}

}  // namespace

EffectiveSettings resolve_settings(const ConfigFile* config, const CommandLine& command_line) {
  EffectiveSettings out;
  if (config != nullptr) {
    out.config_path = config->path();
    out.config_dir = config->dir;
  }
  out.sources.push_back({"config", config != nullptr ? config->path() : "(none)",
                         !command_line.config.empty() ? std::string(kCommandLine)
                         : config != nullptr          ? "nearest " + std::string(kConfigFileName)
                                                      : std::string(kDefault)});
  resolve_scalars(config, command_line, out);
  Settings& settings = out.settings;
  settings.jobs = command_line.settings.jobs;
  settings.max_document_bytes = command_line.settings.max_document_bytes;
  settings.builtin_rules = command_line.settings.builtin_rules;
  if (settings.builtin_rules)
    out.sources.push_back({"rules", "(built-in packs)", std::string(kDefault)});
  resolve_list("rules", config != nullptr ? &config->rule_paths : nullptr, config,
               command_line.settings.rule_paths, settings.rule_paths, out);
  resolve_list("dictionary", config != nullptr ? &config->dictionaries : nullptr, config,
               command_line.settings.dictionaries, settings.dictionaries, out);
  resolve_overrides(config, command_line, out);
  resolve_list("ignore", config != nullptr ? &config->ignore : nullptr, config, {}, settings.ignore,
               out);
  if (config != nullptr) check_rule_ids(*config, settings);
  check_command_line_ids(command_line, settings);
  return out;
}

ConfigResolver::ConfigResolver(CommandLine command_line) : command_line_(std::move(command_line)) {}

const EffectiveSettings& ConfigResolver::settings_for(const std::string& path) {
  std::string config_path = command_line_.config;
  if (config_path.empty()) {
    const std::string start = search_start(path);
    auto found = config_of_dir_.find(start);
    if (found == config_of_dir_.end())
      found = config_of_dir_.emplace(start, find_config(start)).first;
    config_path = found->second;
  }
  if (const auto known = by_config_.find(config_path); known != by_config_.end())
    return known->second;
  std::optional<ConfigFile> config;
  if (!config_path.empty()) config = load_config(config_path);
  EffectiveSettings settings = resolve_settings(config ? &*config : nullptr, command_line_);
  return by_config_.emplace(config_path, std::move(settings)).first->second;
}

bool ConfigResolver::ignored(const std::string& path) {
  if (path == "-") return false;
  const EffectiveSettings& effective = settings_for(path);
  if (effective.settings.ignore.empty()) return false;
  std::error_code error;
  const fs::path file = fs::absolute(path, error).lexically_normal();
  const fs::path dir = fs::absolute(effective.config_dir, error).lexically_normal();
  const fs::path relative = file.lexically_relative(dir);
  if (relative.empty() || *relative.begin() == "..") return false;  // Outside the config's tree.
  const std::string relative_path = relative.generic_string();
  for (const std::string& glob : effective.settings.ignore) {
    if (glob_match(glob, relative_path)) return true;
  }
  return false;
}

}  // namespace galley
