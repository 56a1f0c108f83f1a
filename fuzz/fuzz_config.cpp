// Fuzzes the config loader (.galley.xml): any bytes either parse or give a LoadError that points
// inside the file; nothing else may escape. A parsed config's offsets lie inside the file, and
// its ignore globs match paths without blowing up.
#include <string>

#include "config/config.hpp"
#include "config/glob.hpp"
#include "core/load_error.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using galley::fuzz::require;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  galley::ConfigFile config;
  try {
    config = galley::parse_config("releases/.galley.xml", bytes);
  } catch (const galley::LoadError& error) {
    galley::fuzz::require_inside(error, bytes);
    return 0;
  }
  const auto inside = [&](std::size_t offset) {
    require(offset < bytes.size(), "a setting's offset is inside the file");
    (void)config.origin(offset);
  };
  if (config.language) inside(config.language->offset);
  if (config.fail_on) inside(config.fail_on->offset);
  for (const auto& path : config.dictionaries) inside(path.offset);
  for (const auto& path : config.rule_paths) inside(path.offset);
  for (const auto& rule : config.rules) inside(rule.offset);
  static constexpr std::string_view kPaths[] = {
      "a.md", "archive/2024/old.md", "releases/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u.html",
      "x/y"};
  for (const auto& glob : config.ignore) {
    inside(glob.offset);
    require(!glob.value.empty(), "an ignore glob is not empty");
    for (const std::string_view path : kPaths) (void)galley::glob_match(glob.value, path);
  }
  return 0;
}
