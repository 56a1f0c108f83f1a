// `galley render`: a saved XML report read back gives the same report in every format, byte for
// byte (XML) or as check itself writes it (the others); a broken report is a load error at its
// line and column.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "core/load_error.hpp"
#include "report/xml_reader.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

/// A scratch directory removed when the test ends.
struct Scratch {
  std::string dir = test::temp_dir();
  ~Scratch() { std::filesystem::remove_all(dir); }
  [[nodiscard]] std::string file(const std::string& name, std::string_view bytes) const {
    const std::string path = dir + "/" + name;
    test::write_file(path, bytes);
    return path;
  }
};

std::string without_time(const std::string& text) {
  return std::regex_replace(text, std::regex("\\([0-9.]+ s\\)"), "(TIME s)");
}

/// check --format xml over `paths`, saved; then every format rendered from it equals check's own.
void check_round_trip(const Scratch& scratch, const std::string& paths) {
  const test::RunResult xml = test::run_galley("check --jobs 1 --format xml " + paths);
  REQUIRE(xml.exit_code <= 1);
  const std::string saved = scratch.file("report.xml", xml.out);
  const test::RunResult again = test::run_galley("render --format xml '" + saved + "'");
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(again.out == xml.out);
  for (const std::string format : {"text", "html", "sarif", "checkstyle", "json"}) {
    INFO("format " << format);
    const test::RunResult direct =
        test::run_galley("check --no-color --jobs 1 --format " + format + " " + paths);
    const test::RunResult rendered =
        test::run_galley("render --no-color --format " + format + " '" + saved + "'");
    CHECK(rendered.exit_code == 0);
    CHECK(without_time(rendered.out) == without_time(direct.out));
  }
}

}  // namespace

TEST_CASE("render: every sample renders back to identical reports", "[render]") {
  const Scratch scratch;
  check_round_trip(scratch, "samples");
}

TEST_CASE("render: hostile bytes survive the round trip", "[render]") {
  const Scratch scratch;
  // A std::string literal: it keeps the NUL, and its length is the literal's (ASan found a
  // hand-counted length running past the literal's end).
  using namespace std::string_literals;
  const std::string hostile = scratch.file(
      "hostile.md",
      "# Title <script>alert(1)</script>\r\n\r\nThe the council met\x01 on \xff\xfe Monday.\r"
      "Lone CR, NUL \0 and ]]> and &amp; and \"onload=x\".\n\n- item  one\n- item one\n"s);
  const std::string text =
      scratch.file("crlf.txt", "Caption: a photo.\r\nCaption: a photo.\r\n\r\nEnds");
  check_round_trip(scratch, "'" + hostile + "' '" + text + "'");
}

TEST_CASE("render: skipped and failed inputs come back", "[render]") {
  const Scratch scratch;
  const std::string binary = scratch.file("binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  const std::string fine = scratch.file("fine.txt", "The council met on Monday.\n");
  check_round_trip(scratch, "'" + binary + "' '" + fine + "'");
}

TEST_CASE("render: a broken report is a load error at its line and column", "[render]") {
  const Scratch scratch;
  const std::string head =
      "<?xml version=\"1.0\"?>\n<galley-report xmlns=\"urn:galley:report:1\" "
      "version=\"1\" tool-version=\"0\">\n";
  const auto error_of = [&](const std::string& xml) -> std::string {
    try {
      parse_xml_report(xml, "r.xml");
    } catch (const LoadError& error) {
      return error.describe();
    }
    return "no error";
  };
  CHECK(error_of(head + "  <summary/>\n  <document path=\"a\"")
            .find("r.xml:4:20: error: not well-formed XML") == 0);
  CHECK(error_of("<report/>").find("r.xml:1:1: error: not a galley report") == 0);
  CHECK(error_of(head +
                 "<document path=\"a\" status=\"checked\" format=\"text\" language=\"en-US\" "
                 "words=\"1\" bytes=\"2\"><text><gap>ab</gap></text>\n<finding rule=\"x.y\" "
                 "severity=\"error\" offset=\"1\" length=\"5\"><message>m</message></finding>"
                 "</document></galley-report>")
            .find("r.xml:4:1: error: span 1+5 lies outside") == 0);
  CHECK(error_of(head +
                 "<document path=\"a\" status=\"checked\" format=\"text\" language=\"en-US\" "
                 "words=\"1\" bytes=\"3\"><text><gap>ab</gap></text></document></galley-report>")
            .find("holds 2 bytes, not the 3") != std::string::npos);
  CHECK(error_of(head +
                 "<document path=\"a\" status=\"checked\" format=\"text\" language=\"en-US\" "
                 "words=\"x\" bytes=\"2\"><text><gap>ab</gap></text></document></galley-report>")
            .find("'words' must be a whole number") != std::string::npos);
  CHECK(error_of(head +
                 "<document path=\"a\" status=\"checked\" format=\"text\" language=\"en-US\" "
                 "words=\"1\" bytes=\"1\"><text><gap><byte value=\"zz\"/></gap></text></document>"
                 "</galley-report>")
            .find("two hexadecimal digits") != std::string::npos);

  const std::string broken = scratch.file(
      "broken.xml", head + "<document path=\"a\" status=\"odd\"/>\n</galley-report>\n");
  const test::RunResult run = test::run_galley("render '" + broken + "'");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(broken + ":3:1: error: status must be") == 0);
  CHECK(test::run_galley("render /nonexistent/report.xml").exit_code == 2);
}

}  // namespace galley
