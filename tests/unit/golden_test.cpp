// Golden reports for samples/ (Catch2's approval-test habit): each format's output, with the
// volatile parts normalised, must equal the approved file in tests/golden/. A mismatch writes
// <name>.unapproved beside it; scripts/approve-golden accepts the new output.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "test_support.hpp"

namespace galley {
namespace {

std::string normalise(std::string output) {
  output = std::regex_replace(output, std::regex("tool-version=\"[^\"]*\""), "tool-version=\"VERSION\"");
  output = std::regex_replace(output, std::regex("\\([0-9.]+ s\\)"), "(TIME s)");
  // SARIF's tool version (not the format's "2.1.0") and the version in the review page's header.
  const std::regex tool_version("\"(semanticVersion|version)\": \"(?!2\\.1\\.0\")[^\"]*\"");
  output = std::regex_replace(output, tool_version, "\"$1\": \"VERSION\"");
  output = std::regex_replace(output, std::regex(" · galley [^<]*</p>"), " · galley VERSION</p>");
  return output;
}

void check_golden(const std::string& sample, const std::string& format) {
  const std::string golden_dir = std::string(GALLEY_TEST_DIR) + "/golden/";
  const std::string name = std::filesystem::path(sample).filename().string() + "." + format;
  const test::RunResult run =
      test::run_galley("check --no-color --jobs 1 --format " + format + " samples/" + sample);
  INFO(run.err);
  CHECK(run.exit_code <= 1);
  const std::string actual = normalise(run.out);
  const std::string approved = test::read_file_text(golden_dir + name);
  if (actual != approved) test::write_file(golden_dir + name + ".unapproved", actual);
  INFO("golden mismatch: compare tests/golden/" << name << " with its .unapproved; "
       "scripts/approve-golden accepts it");
  CHECK(actual == approved);
}

}  // namespace

TEST_CASE("golden reports for every sample", "[golden]") {
  std::vector<std::string> samples;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(GALLEY_SOURCE_DIR) + "/samples")) {
    samples.push_back(entry.path().filename().string());
  }
  std::sort(samples.begin(), samples.end());
  REQUIRE(samples.size() >= 6);
  for (const std::string& sample : samples) {
    for (const std::string format : {"xml", "text", "html", "sarif", "checkstyle", "json"}) {
      SECTION(sample + " as " + format) { check_golden(sample, format); }
    }
  }
}

}  // namespace galley
