// .galley.xml: parsing with exact error positions, the upward search (nearest wins), the command
// line winning, ignore globs, per-file settings in a run, and `galley config --show`.
#include "config/config.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "config/configured_run.hpp"
#include "config/glob.hpp"
#include "config/resolve.hpp"
#include "core/load_error.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;

/// A scratch directory tree removed when the test ends.
struct Tree {
  std::string dir = test::temp_dir();
  ~Tree() { fs::remove_all(dir); }
  std::string file(const std::string& name, std::string_view bytes) const {
    const std::string path = dir + "/" + name;
    fs::create_directories(fs::path(path).parent_path());
    test::write_file(path, bytes);
    return path;
  }
};

constexpr std::string_view kHead = "<galley-config xmlns=\"urn:galley:config:1\">\n";

/// `path:line:col: error: message` of the LoadError parsing `bytes` throws ("" if none).
std::string error_of(std::string_view bytes) {
  try {
    parse_config("dir/.galley.xml", bytes);
  } catch (const LoadError& error) {
    return error.describe();
  }
  return "";
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

TEST_CASE("config: every setting is read, paths resolved against the file's directory",
          "[config]") {
  const ConfigFile config =
      parse_config("releases/.galley.xml", std::string(kHead) +
                                               "  <language>en-GB</language>\n"
                                               "  <dictionary path=\"words.dic\"/>\n"
                                               "  <rules path=\"house-rules/\"/>\n"
                                               "  <rule id=\"style\" severity=\"off\"/>\n"
                                               "  <rule id=\"marker.tk\" severity=\"warning\"/>\n"
                                               "  <ignore glob=\"archive/**\"/>\n"
                                               "  <fail-on>warning</fail-on>\n"
                                               "</galley-config>\n");
  CHECK(config.dir == "releases");
  REQUIRE(config.language);
  CHECK(config.language->value == "en-GB");
  CHECK(config.origin(config.language->offset) == "releases/.galley.xml:2");
  REQUIRE(config.dictionaries.size() == 1);
  CHECK(config.dictionaries[0].value == "releases/words.dic");
  REQUIRE(config.rule_paths.size() == 1);
  CHECK(config.rule_paths[0].value == "releases/house-rules/");
  REQUIRE(config.rules.size() == 2);
  CHECK(config.rules[0].value.id == "style");
  CHECK_FALSE(config.rules[0].value.severity);
  CHECK(config.rules[1].value.severity == Severity::warning);
  REQUIRE(config.ignore.size() == 1);
  CHECK(config.ignore[0].value == "archive/**");
  REQUIRE(config.fail_on);
  CHECK(config.fail_on->value == Severity::warning);
  CHECK(config.origin(config.fail_on->offset) == "releases/.galley.xml:8");
  // The namespace may be left out; fail-on never is "no fail-on".
  const ConfigFile bare =
      parse_config(".galley.xml", "<galley-config><fail-on>never</fail-on></galley-config>");
  CHECK(bare.dir == ".");
  REQUIRE(bare.fail_on);
  CHECK_FALSE(bare.fail_on->value);
}

TEST_CASE("config: the example of docs/config.md loads and matches schema/galley-config.xsd",
          "[config][schema]") {
  const Tree tree;
  const std::string example = std::string(kHead) +
                              "  <language>en-GB</language>\n"
                              "  <dictionary path=\"words.dic\"/>\n"
                              "  <rules path=\"house-rules/\"/>\n"
                              "  <rule id=\"style\" severity=\"off\"/>\n"
                              "  <rule id=\"marker.tk\" severity=\"warning\"/>\n"
                              "  <ignore glob=\"archive/**\"/>\n"
                              "  <fail-on>warning</fail-on>\n"
                              "</galley-config>\n";
  CHECK(test::read_file_text(std::string(GALLEY_SOURCE_DIR) + "/docs/config.md")
            .find(example.substr(0, example.size() - 1)) != std::string::npos);
  const std::string path = tree.file(".galley.xml", example);
  CHECK_NOTHROW(load_config(path));
  const std::string command = "xmllint --noout --schema '" + std::string(GALLEY_SOURCE_DIR) +
                              "/schema/galley-config.xsd' '" + path + "' 2>/dev/null";
  CHECK(std::system(command.c_str()) == 0);
  const std::string bad =
      tree.file("bad.xml", std::string(kHead) + "  <langauge/>\n</galley-config>\n");
  const std::string bad_command = "xmllint --noout --schema '" + std::string(GALLEY_SOURCE_DIR) +
                                  "/schema/galley-config.xsd' '" + bad + "' 2>/dev/null";
  CHECK(std::system(bad_command.c_str()) != 0);
}

TEST_CASE("config: mistakes are load errors at the exact line and column", "[config]") {
  const std::string head(kHead);
  CHECK(
      error_of(head + "  <langauge>en-GB</langauge>\n</galley-config>\n") ==
      "dir/.galley.xml:2:3: error: unknown element <langauge> (language, dictionary, rules, rule, "
      "ignore, fail-on)\n  <langauge>en-GB</langauge>\n  ^");
  CHECK(
      first_line(error_of(head + "  <rule id=\"style\" severity=\"loud\"/>\n</galley-config>\n")) ==
      "dir/.galley.xml:2:30: error: severity must be off, info, warning or error, not 'loud'");
  CHECK(first_line(error_of(head + "  <language>\n    en-AU</language>\n</galley-config>\n")) ==
        "dir/.galley.xml:3:5: error: language must be auto, en-US or en-GB, not 'en-AU'");
  CHECK(first_line(error_of(head + "  <fail-on>errors</fail-on>\n</galley-config>\n")) ==
        "dir/.galley.xml:2:12: error: fail-on must be error, warning, info or never, not 'errors'");
  CHECK(first_line(error_of(head + "  <language>en-GB</languag>\n</galley-config>\n")) ==
        "dir/.galley.xml:2:20: error: Start-end tags mismatch");
  CHECK(first_line(error_of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                            "<galley-config>&e;</galley-config>\n")) ==
        "dir/.galley.xml:1:1: error: DOCTYPE is not allowed in a config file");
  CHECK(first_line(error_of(head + "  <rule id=\"style\" level=\"off\"/>\n</galley-config>\n")) ==
        "dir/.galley.xml:2:3: error: unknown attribute 'level' on <rule>");
  CHECK(first_line(error_of(head + "  <rule severity=\"off\"/>\n</galley-config>\n")) ==
        "dir/.galley.xml:2:3: error: <rule> needs a id attribute");
  CHECK(first_line(error_of(head + "  <language>en-GB</language>\n  <language>en-US</language>\n"
                                   "</galley-config>\n")) ==
        "dir/.galley.xml:3:3: error: <language> given twice (first on line 2)");
  CHECK(first_line(error_of(head + "  <ignore glob=\"../other/**\"/>\n</galley-config>\n"))
            .starts_with(
                "dir/.galley.xml:2:17: error: a glob is relative to the config file's directory"));
  CHECK(first_line(error_of("<galley-config xmlns=\"urn:other\"/>\n")) ==
        "dir/.galley.xml:1:23: error: the namespace must be urn:galley:config:1");
  CHECK(first_line(error_of("<config/>\n")) ==
        "dir/.galley.xml:1:1: error: the root element must be <galley-config>");
  CHECK(first_line(error_of(head + "  words\n</galley-config>\n")) ==
        "dir/.galley.xml:2:3: error: text outside an element");
  // Found by fuzz_config: the file ends inside an element, after a three-byte character; pugixml's
  // offset is that character's last byte, and the column is the character's, on the line.
  CHECK(first_line(error_of(head + "  <fail-on>w\xEF\x96\x82")) ==
        "dir/.galley.xml:2:13: error: Start-end tags mismatch");
}

TEST_CASE("config: a rule or category no check has is a load error at its element", "[config]") {
  const ConfigFile config =
      parse_config("c.xml", std::string(kHead) +
                                "  <rule id=\"style\" severity=\"off\"/>\n"
                                "  <rule id=\"marker.tkk\" severity=\"off\"/>\n</galley-config>\n");
  try {
    resolve_settings(&config, CommandLine{});
    FAIL("no error");
  } catch (const LoadError& error) {
    CHECK(first_line(error.describe()) ==
          "c.xml:3:3: error: unknown rule or category 'marker.tkk' (`galley rules` lists them)");
  }
}

TEST_CASE("config: a rule --disable or --severity names must exist too", "[config]") {
  const auto error_of = [](const std::string& id, std::optional<Severity> severity) {
    CommandLine command_line;
    command_line.settings.overrides[id] = severity;
    try {
      resolve_settings(nullptr, command_line);
    } catch (const LoadError& error) {
      return first_line(error.describe());
    }
    return std::string("no error");
  };
  CHECK(error_of("spelling.misspeling", std::nullopt) ==
        "error: --disable: unknown rule or category 'spelling.misspeling' (`galley rules` lists "
        "them)");
  CHECK(error_of("stlye", Severity::info) ==
        "error: --severity: unknown rule or category 'stlye' (`galley rules` lists them)");
  CHECK(error_of("spelling.misspelling", std::nullopt) == "no error");
  CHECK(error_of("style", Severity::error) == "no error");
  CHECK(error_of("style.utilize", Severity::warning) ==
        "no error");  // A rule of the built-in packs.
}

TEST_CASE("config: globs", "[config][glob]") {
  CHECK(glob_match("archive/**", "archive/2019/a.md"));
  CHECK(glob_match("archive/**", "archive/a.md"));
  CHECK(glob_match("archive", "archive/a.md"));
  CHECK(glob_match("archive/", "archive/a.md"));
  CHECK_FALSE(glob_match("archive/**", "archived/a.md"));
  CHECK(glob_match("*.html", "a.html"));
  CHECK_FALSE(glob_match("*.html", "sub/a.html"));
  CHECK(glob_match("**/*.html", "sub/deep/a.html"));
  CHECK(glob_match("**/*.html", "a.html"));
  CHECK(glob_match("drafts/*/notes.md", "drafts/x/notes.md"));
  CHECK_FALSE(glob_match("drafts/*/notes.md", "drafts/x/y/notes.md"));
  CHECK(glob_match("drafts/**/notes.md", "drafts/x/y/notes.md"));
  CHECK(glob_match("draft-?.md", "draft-1.md"));
  CHECK_FALSE(glob_match("draft-?.md", "draft-10.md"));
  CHECK_FALSE(glob_match("a*", "b/a.md"));
}

TEST_CASE("config: the nearest .galley.xml wins, whole, in nested directories", "[config]") {
  const Tree tree;
  tree.file(".galley.xml", std::string(kHead) +
                               "  <language>en-GB</language>\n  <fail-on>warning</fail-on>\n"
                               "  <ignore glob=\"archive/**\"/>\n</galley-config>\n");
  tree.file("sub/.galley.xml",
            std::string(kHead) + "  <language>en-US</language>\n</galley-config>\n");
  const std::string top = tree.file("a.md", "Text.\n");
  const std::string nested = tree.file("sub/deeper/b.md", "Text.\n");
  const std::string archived = tree.file("archive/2019/c.md", "Text.\n");
  const std::string sub_archive = tree.file("sub/archive/d.md", "Text.\n");
  CHECK(find_config(tree.dir + "/sub/deeper") == tree.dir + "/sub/.galley.xml");
  ConfigResolver resolver(CommandLine{});
  const EffectiveSettings& outer = resolver.settings_for(top);
  CHECK(outer.config_path == tree.dir + "/.galley.xml");
  CHECK(outer.settings.language == "en-GB");
  CHECK(outer.settings.fail_on == Severity::warning);
  const EffectiveSettings& inner = resolver.settings_for(nested);
  CHECK(inner.config_path == tree.dir + "/sub/.galley.xml");
  CHECK(inner.settings.language == "en-US");
  CHECK(inner.settings.fail_on == Severity::error);  // No inheritance from the outer file.
  CHECK(resolver.ignored(archived));
  CHECK_FALSE(resolver.ignored(top));
  CHECK_FALSE(resolver.ignored(sub_archive));  // Its nearest config has no <ignore>.
  CHECK(&resolver.settings_for(tree.dir + "/sub/x.md") == &inner);  // Loaded once.
}

TEST_CASE("config: the command line beats the config; lists add up", "[config]") {
  const ConfigFile config = parse_config(
      "r/.galley.xml", std::string(kHead) +
                           "  <language>en-GB</language>\n  <fail-on>info</fail-on>\n"
                           "  <dictionary path=\"words.dic\"/>\n"
                           "  <rule id=\"style\" severity=\"off\"/>\n"
                           "  <rule id=\"marker.tk\" severity=\"info\"/>\n</galley-config>\n");
  CommandLine command_line;
  command_line.settings.language = "en-US";
  command_line.language_given = true;
  command_line.settings.dictionaries = {"extra.dic"};
  command_line.settings.overrides["marker.tk"] = Severity::error;
  const EffectiveSettings effective = resolve_settings(&config, command_line);
  CHECK(effective.settings.language == "en-US");
  CHECK(effective.settings.fail_on == Severity::info);  // --fail-on not given: the config's.
  CHECK(effective.settings.dictionaries == std::vector<std::string>{"r/words.dic", "extra.dic"});
  CHECK(effective.settings.overrides.at("marker.tk") == Severity::error);
  CHECK_FALSE(effective.settings.overrides.at("style").has_value());
  const auto origin = [&](const std::string& name) {
    for (const SettingSource& source : effective.sources) {
      if (source.name == name) return source.value + " (" + source.origin + ")";
    }
    return std::string("missing");
  };
  CHECK(origin("config") == "r/.galley.xml (nearest .galley.xml)");
  CHECK(origin("language") == "en-US (command line)");
  CHECK(origin("fail-on") == "info (r/.galley.xml:3)");
  CHECK(origin("rule marker.tk") == "error (command line)");
  CHECK(origin("rule style") == "off (r/.galley.xml:5)");
  const EffectiveSettings defaults = resolve_settings(nullptr, CommandLine{});
  CHECK(defaults.sources[1].name == "language");
  CHECK(defaults.sources[1].origin == "default");
}

TEST_CASE("config: a run uses each file's settings, keeps input order, leaves ignored files out",
          "[config]") {
  const Tree tree;
  tree.file("strict/.galley.xml", std::string(kHead) +
                                      "  <rule id=\"typography\" severity=\"off\"/>\n"
                                      "  <ignore glob=\"old-*.txt\"/>\n</galley-config>\n");
  const std::string text = "The the council met  on Monday.\n";
  const std::string a = tree.file("a.txt", text);
  const std::string b = tree.file("strict/b.txt", text);
  const std::string old = tree.file("strict/old-c.txt", text);
  const std::string d = tree.file("d.txt", text);
  ConfigResolver resolver(CommandLine{});
  const ConfiguredRun run = run_configured({{a, {}}, {b, {}}, {old, {}}, {d, {}}}, resolver);
  REQUIRE(run.report.documents.size() == 3);
  CHECK(run.report.documents[0].path == a);
  CHECK(run.report.documents[1].path == b);
  CHECK(run.report.documents[2].path == d);
  CHECK(run.report.documents[0].findings.size() == 2);
  CHECK(run.report.documents[1].findings.empty());
  CHECK(run.report.documents[2].findings.size() == 2);
  CHECK(run.fails());
}

TEST_CASE("cli: --config and config --show", "[config][cli]") {
  const Tree tree;
  const std::string config =
      tree.file("house.xml", std::string(kHead) +
                                 "  <fail-on>warning</fail-on>\n"
                                 "  <rule id=\"typography.doubled-space\" severity=\"error\"/>\n"
                                 "</galley-config>\n");
  const std::string doc = tree.file("a.txt", "The council met  on Monday.\n");
  CHECK(test::run_galley("check --no-color " + doc).exit_code == 0);
  const auto with_config = test::run_galley("check --no-color --config " + config + " " + doc);
  CHECK(with_config.exit_code == 1);
  CHECK(with_config.out.find(": error: 2 spaces") != std::string::npos);
  CHECK(test::run_galley("check --fail-on never --config " + config + " " + doc).exit_code == 0);
  const auto shown =
      test::run_galley("config --show " + doc + " --config " + config + " --lang en-GB");
  CHECK(shown.exit_code == 0);
  CHECK(shown.out.find("  config          " + config + "  (command line)\n") != std::string::npos);
  CHECK(shown.out.find("  language        en-GB  (command line)\n") != std::string::npos);
  CHECK(shown.out.find("  fail-on         warning  (" + config + ":2)\n") != std::string::npos);
  CHECK(shown.out.find("  rule typography.doubled-space  error  (" + config + ":3)\n") !=
        std::string::npos);
  const std::string broken =
      tree.file("broken.xml", "<galley-config>\n  <fail-on>loud</fail-on>\n</galley-config>\n");
  const auto bad = test::run_galley("check --config " + broken + " " + doc);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find(broken +
                     ":2:12: error: fail-on must be error, warning, info or never, not 'loud'\n"
                     "  <fail-on>loud</fail-on>\n           ^") != std::string::npos);
  CHECK(test::run_galley("check --config " + tree.dir + "/missing.xml " + doc).exit_code == 2);
}

}  // namespace galley
