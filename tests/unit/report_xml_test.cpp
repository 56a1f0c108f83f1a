// The XML report reproduces every byte of each document, marks each finding over exactly its
// bytes, and stays well-formed whatever the input holds.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <filesystem>
#include <memory>
#include <sstream>

#include "pipeline.hpp"
#include "report/spool.hpp"
#include "report/xml_text.hpp"
#include "report/xml_writer.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

std::string xml_of(const std::vector<InputFile>& inputs) {
  Settings settings;
  settings.jobs = 1;
  const Report report = run_pipeline(inputs, settings);
  std::ostringstream out;
  write_xml(report, out);
  return out.str();
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result =
      doc.load_buffer(xml.data(), xml.size(), (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_eol);
  INFO(result.description() << " at " << result.offset);
  REQUIRE(result);
  return doc;
}

/// The XML report of `inputs` run on `jobs` workers, after checking that the same run with
/// every document spooled (its report built on one thread) gives the same bytes.
std::string kept_matching_spooled(const std::vector<InputFile>& inputs, unsigned jobs) {
  Settings settings;
  settings.jobs = jobs;
  std::ostringstream kept;
  write_xml(run_pipeline(inputs, settings), kept);
  std::ostringstream spooled;
  write_xml(run_pipeline(inputs, settings, {}, std::make_shared<DocumentSpool>(0)), spooled);
  CHECK(spooled.str() == kept.str());
  return kept.str();
}

/// Walks a document's text element: checks that it reproduces `source` and that every mark covers
/// the bytes its findings name.
void check_reproduction(pugi::xml_node document, const std::string& source) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> findings;
  for (pugi::xml_node finding : document.children("finding")) {
    const std::size_t offset = finding.attribute("offset").as_ullong();
    const std::size_t length = finding.attribute("length").as_ullong();
    REQUIRE(offset + length <= source.size());
    CHECK(read_exact_bytes(finding.child("text")) == source.substr(offset, length));
    findings[finding.attribute("id").value()] = {offset, offset + length};
  }
  std::string rebuilt;
  for (pugi::xml_node part : document.child("text").children()) {
    if (part.type() != pugi::node_element) continue;
    for (pugi::xml_node child : part.children()) {
      if (child.type() == pugi::node_element && std::string_view(child.name()) == "mark") {
        std::istringstream ids(child.attribute("findings").value());
        for (std::string id; ids >> id;) {
          REQUIRE(findings.count(id) == 1);
          CHECK(findings[id].first <= rebuilt.size());
        }
        const std::string bytes = read_exact_bytes(child);
        std::istringstream again(child.attribute("findings").value());
        for (std::string id; again >> id;) CHECK(rebuilt.size() + bytes.size() <= findings[id].second);
        rebuilt += bytes;
      } else if (child.type() == pugi::node_element) {
        rebuilt += static_cast<char>(std::stoi(child.attribute("value").value(), nullptr, 16));
      } else {
        rebuilt += child.value();
      }
    }
  }
  CHECK(rebuilt == source);
}

}  // namespace

TEST_CASE("report: every sample is reproduced byte for byte with exact marks", "[report][xml]") {
  std::vector<InputFile> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(GALLEY_SOURCE_DIR) + "/samples")) {
    inputs.push_back({entry.path().string(), std::nullopt});
  }
  std::sort(inputs.begin(), inputs.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  REQUIRE(inputs.size() >= 6);
  const pugi::xml_document xml = parse(xml_of(inputs));
  std::size_t documents = 0;
  std::size_t findings = 0;
  for (pugi::xml_node document : xml.child("galley-report").children("document")) {
    INFO(document.attribute("path").value());
    check_reproduction(document, test::read_file_text(document.attribute("path").value()));
    findings += static_cast<std::size_t>(std::distance(document.children("finding").begin(),
                                                      document.children("finding").end()));
    ++documents;
  }
  CHECK(documents == inputs.size());
  CHECK(findings > 0);
}

TEST_CASE("report: well-formed with NUL, controls, invalid UTF-8, a CDATA end and CRLF", "[report][xml]") {
  const std::string dir = test::temp_dir();
  const std::string path = dir + "/hostile.txt";
  // No hand-counted length: ASan found one (46) running past the literal's 41 bytes.
  const std::string bytes = std::string("Bad \x01 byte ]]> and \xFF\xFE here <b>&amp;\r\nNUL ") +
                            std::string(1, '\0') + " end\xE2\x80\x8B word.\n";
  test::write_file(path, bytes);
  // The NUL makes the file look binary: read it as text through the reader instead.
  Document doc = read_document(SourceText(path, bytes), InputFormat::text);
  Settings settings;
  CheckSet checks(settings);
  Report report;
  report.tool_version = "test";
  report.documents.push_back(checks.check(std::move(doc), path));
  std::ostringstream out;
  write_xml(report, out);
  const pugi::xml_document xml = parse(out.str());
  pugi::xml_node document = xml.child("galley-report").child("document");
  check_reproduction(document, bytes);
  CHECK(document.child("finding"));
  std::filesystem::remove_all(dir);
}

// Past 64 documents an unspooled report's elements are built on two threads, in chunks; a
// spooled one's on one thread: the two must agree byte for byte, in order, with their ids.
TEST_CASE("xml report: a large batch comes out in input order, spooled or not", "[xml][spool]") {
  const test::Scratch dir;
  std::vector<InputFile> inputs;
  for (std::size_t n = 0; n < 300; ++n) {
    const std::string id = std::to_string(n);
    inputs.push_back(
        {dir.file("note-" + id + ".txt", "Notice " + id + ": the the hall opens at " + id + ".\n"),
         std::nullopt});
  }
  const pugi::xml_document xml = parse(kept_matching_spooled(inputs, 2));
  std::size_t n = 0;
  for (pugi::xml_node document : xml.child("galley-report").children("document")) {
    REQUIRE(n < inputs.size());
    INFO("document " << n);
    CHECK(document.attribute("path").value() == inputs[n].path);
    const pugi::xml_node finding = document.child("finding");
    REQUIRE(finding);
    CHECK(std::string(finding.attribute("id").value()) == "d" + std::to_string(n + 1) + "f1");
    ++n;
  }
  CHECK(n == inputs.size());
}

}  // namespace galley
