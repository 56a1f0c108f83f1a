// Baselines (#6): `galley baseline` writes the findings of today, `check --baseline` reports only
// findings that are new, matched by rule, document, text and nearby words, never by line.
#include "report/baseline.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace galley {

using test::run_galley;

namespace {

/// A scratch directory removed when the test ends.
struct Scratch {
  std::string dir = test::temp_dir();
  ~Scratch() { std::filesystem::remove_all(dir); }
  [[nodiscard]] std::string path(const std::string& name) const { return dir + "/" + name; }
};

const std::string kRelease =
    "Harbour Authority opens its new ferry terminal\n\n"
    "The the harbour authority opened its new ferry terminal on Monday.\n\n"
    "The terminal has room for 400 passengers and a a cafe on the upper deck.\n\n"
    "Ferries to the island leave every hour from 7 a.m.\n";

/// Lines inserted above everything: every old finding moves down by four lines.
const std::string kInsertedAbove =
    "This release replaces the one sent on Friday.\n\n"
    "It corrects the opening hours.\n\n";

const std::string kNewSentence = "Tickets go on sale on on Friday.\n";

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

/// `galley baseline` of `documents` (shell words) into `baseline`; requires success.
void make_baseline(const std::string& baseline, const std::string& documents,
                   const std::string& options = "") {
  const auto made = run_galley("baseline " + options + " -o '" + baseline + "' " + documents);
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  REQUIRE(std::filesystem::is_regular_file(baseline));
}

}  // namespace

TEST_CASE("baseline: after every line shifted, only the one new typo is reported", "[baseline]") {
  const Scratch scratch;
  const std::string doc = scratch.path("release.txt");
  const std::string baseline = scratch.path("baseline.xml");
  test::write_file(doc, kRelease);
  REQUIRE(run_galley("check '" + doc + "'").exit_code == 1);  // The archive has errors today.
  make_baseline(baseline, "'" + doc + "'");

  const std::string shifted = kInsertedAbove + kRelease + "\n" + kNewSentence;
  test::write_file(doc, shifted);
  const auto run = run_galley("check --format json --baseline '" + baseline + "' '" + doc + "'");
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  REQUIRE(line_count(run.out) == 1);
  const std::size_t offset = shifted.find("on on");
  CHECK(run.out.find("\"rule\":\"typography.repeated-word\"") != std::string::npos);
  CHECK(run.out.find("\"line\":" + std::to_string(line_count(shifted)) + ",") != std::string::npos);
  CHECK(run.out.find("\"offset\":" + std::to_string(offset) + ",\"length\":5,") !=
        std::string::npos);
  CHECK(run.out.find("\"text\":\"on on\"") != std::string::npos);

  const auto text = run_galley("check --baseline '" + baseline + "' '" + doc + "'");
  CHECK(text.out.find("1 error, 0 warnings, 0 info, 2 hidden by the baseline (") !=
        std::string::npos);

  test::write_file(doc, kInsertedAbove + kRelease);
  const auto clean = run_galley("check --baseline '" + baseline + "' '" + doc + "'");
  INFO(clean.out << clean.err);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("0 errors, 0 warnings, 0 info, 2 hidden by the baseline (") !=
        std::string::npos);
}

TEST_CASE("baseline: identical findings are counted, not merged", "[baseline]") {
  const Scratch scratch;
  const std::string doc = scratch.path("notes.txt");
  const std::string baseline = scratch.path("baseline.xml");
  const std::string paragraph = "Volunteers thank the the crews.\n\n";
  // duplicate.* would flag the copies themselves; this test is about the typo alone.
  test::write_file(doc, paragraph + paragraph);
  make_baseline(baseline, "'" + doc + "'", "--disable duplicate");

  const auto same =
      run_galley("check --disable duplicate --baseline '" + baseline + "' '" + doc + "'");
  CHECK(same.exit_code == 0);

  const std::string three = paragraph + paragraph + paragraph;
  test::write_file(doc, three);
  const auto run = run_galley("check --disable duplicate --format json --baseline '" + baseline +
                              "' '" + doc + "'");
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  REQUIRE(line_count(run.out) == 1);
  CHECK(run.out.find("\"rule\":\"typography.repeated-word\"") != std::string::npos);
  const std::size_t third = three.rfind("the the");
  CHECK(run.out.find("\"offset\":" + std::to_string(third) + ",") != std::string::npos);
}

TEST_CASE("baseline: a missing or broken baseline is an input error naming the file",
          "[baseline]") {
  const Scratch scratch;
  const std::string doc = scratch.path("release.txt");
  test::write_file(doc, kRelease);

  const std::string missing = scratch.path("no-such-baseline.xml");
  const auto absent = run_galley("check --baseline '" + missing + "' '" + doc + "'");
  CHECK(absent.exit_code == 2);
  CHECK(absent.err.find(missing) != std::string::npos);
  CHECK(absent.out.empty());

  const std::string corrupt = scratch.path("corrupt.xml");
  test::write_file(corrupt,
                   "<galley-report xmlns=\"urn:galley:report:1\" version=\"1\">\n<document");
  const auto broken = run_galley("check --baseline '" + corrupt + "' '" + doc + "'");
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find(corrupt + ":") != std::string::npos);

  const std::string foreign = scratch.path("checkstyle.xml");
  test::write_file(foreign, "<?xml version=\"1.0\"?>\n<checkstyle version=\"4.3\"/>\n");
  const auto wrong = run_galley("check --baseline '" + foreign + "' '" + doc + "'");
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find(foreign + ":") != std::string::npos);

  CHECK(run_galley("baseline '" + doc + "'").exit_code == 2);  // -o is required.
}

TEST_CASE("baseline: keys ignore lines, offsets and line breaks, not the words around",
          "[baseline]") {
  const auto key_of = [](const std::string& text, std::string_view match) {
    DocumentReport doc;
    doc.path = "./a/../releases/x.txt";
    doc.source = SourceText(doc.path, text);
    const std::size_t at = text.find(match);
    Finding finding;
    finding.rule = "typography.repeated-word";
    finding.span = {at, at + match.size()};
    finding.context = {0, text.size()};
    return baseline_key(doc, finding);
  };
  const BaselineKey key = key_of("We met the the crews today.", "the the");
  CHECK(key.path == "releases/x.txt");
  CHECK(key.before == "We met");
  CHECK(key.after == "crews today.");
  CHECK(key_of("We met\nthe the crews\ntoday.", "the the") == key);
  CHECK_FALSE(key_of("We saw the the crews today.", "the the") == key);
}

}  // namespace galley
