// The catalogue of bad inputs (tests/bad-inputs/, made by generate.py): each file must give its
// expected exit status, message and rules, and never a crash; every reported span must lie inside
// the file and on UTF-8 boundaries, and the report must be well-formed.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <fstream>
#include <sstream>

#include "core/utf8.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

struct Expectation {
  std::string file;
  int status = 0;
  std::string stderr_text;
  std::vector<std::string> must;
  std::vector<std::string> must_not;
};

std::vector<std::string> split_list(const std::string& field) {
  std::vector<std::string> items;
  if (field == "-") return items;
  std::istringstream in(field);
  for (std::string item; std::getline(in, item, ',');) items.push_back(item);
  return items;
}

std::vector<Expectation> load_expectations() {
  std::ifstream in(std::string(GALLEY_TEST_DIR) + "/bad-inputs/EXPECTED");
  std::vector<Expectation> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, status, err, must, must_not;
    std::getline(fields, file, '\t');
    std::getline(fields, status, '\t');
    std::getline(fields, err, '\t');
    std::getline(fields, must, '\t');
    std::getline(fields, must_not, '\t');
    rows.push_back({file, std::stoi(status), err == "-" ? "" : err, split_list(must), split_list(must_not)});
  }
  return rows;
}

void check_spans(const std::string& xml, const std::string& source) {
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(xml.data(), xml.size()));
  for (pugi::xml_node finding : doc.child("galley-report").child("document").children("finding")) {
    const std::size_t offset = finding.attribute("offset").as_ullong();
    const std::size_t end = offset + finding.attribute("length").as_ullong();
    INFO(finding.attribute("rule").value() << " at " << offset);
    CHECK(end <= source.size());
    const bool utf8_rule = std::string_view(finding.attribute("rule").value()) == "typography.invalid-utf8";
    if (!utf8_rule) {
      CHECK(utf8::is_boundary(source, offset));
      CHECK(utf8::is_boundary(source, end));
    }
  }
}

}  // namespace

TEST_CASE("bad inputs: each has its expected outcome", "[bad-input]") {
  const std::vector<Expectation> rows = load_expectations();
  REQUIRE(rows.size() >= 30);
  for (const Expectation& row : rows) {
    SECTION(row.file) {
      const std::string path = "tests/bad-inputs/" + row.file;
      const test::RunResult run = test::run_galley("check --no-color --jobs 1 --format xml " + path);
      INFO(run.err);
      CHECK(run.exit_code == row.status);
      if (!row.stderr_text.empty()) CHECK(run.err.find(row.stderr_text) != std::string::npos);
      for (const std::string& rule : row.must) CHECK(run.out.find("rule=\"" + rule + "\"") != std::string::npos);
      for (const std::string& rule : row.must_not) CHECK(run.out.find("rule=\"" + rule + "\"") == std::string::npos);
      check_spans(run.out, test::read_file_text(std::string(GALLEY_SOURCE_DIR) + "/" + path));
    }
  }
}

}  // namespace galley
