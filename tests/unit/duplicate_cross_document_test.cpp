// duplicate.cross-document through run_pipeline: the batch check sees every document of a run.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "checks/duplicate_units.hpp"
#include "core/stable_hash.hpp"
#include "pipeline.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

std::vector<Finding> cross(const DocumentReport& doc) {
  std::vector<Finding> found;
  for (const Finding& f : doc.findings) {
    if (f.rule == "duplicate.cross-document") found.push_back(f);
  }
  return found;
}

Settings without_rule_packs() {
  Settings settings;
  settings.builtin_rules = false;
  return settings;
}

const std::string kCaption =
    "Photo: Councillor Priti Rahman with Market Street traders outside the clock tower.";

}  // namespace

TEST_CASE("duplicate.cross-document: a word's key hash is the hash of its key, ASCII or not",
          "[duplicate]") {
  std::string scratch = "left over from the last word";
  std::string key;
  for (const char* word :
       {"", "a", "Director", "DIRECTOR", "director", "x-ray", "42nd", "don't", "don\xE2\x80\x99t",
        "Caf\xC3\xA9", "CAF\xC3\x89", "Cafe\xCC\x81", "Z\xC3\xBCrich", "@[GM1]"}) {
    INFO(word);
    word_key_into(word, key);
    CHECK(word_key_hash(word, scratch) == stable_hash(key));
  }
  // Words that compare alike hash alike: ASCII case, apostrophes, NFC.
  CHECK(word_key_hash("Director", scratch) == word_key_hash("DIRECTOR", scratch));
  CHECK(word_key_hash("don't", scratch) == word_key_hash("don\xE2\x80\x99t", scratch));
  CHECK(word_key_hash("Caf\xC3\xA9", scratch) == word_key_hash("Cafe\xCC\x81", scratch));
  CHECK(word_key_hash("Director", scratch) != word_key_hash("Directors", scratch));
}

TEST_CASE("duplicate.cross-document: the same caption in two releases of one run",
          "[duplicate][batch]") {
  const std::string dir = test::temp_dir();
  const std::string first = dir + "/week-1.txt";
  const std::string second = dir + "/week-2.txt";
  test::write_file(first,
                   "Market Street will close to traffic in September.\n\n" + kCaption + "\n");
  test::write_file(second,
                   "Ardlow's new library opens on Monday.\n\nThe library has 40,000 books "
                   "and a cafe on the ground floor.\n\n" +
                       kCaption + "\n");
  for (const unsigned jobs : {1U, 2U}) {
    Settings settings = without_rule_packs();
    settings.jobs = jobs;
    const Report report = run_pipeline({{first, std::nullopt}, {second, std::nullopt}}, settings);
    REQUIRE(report.documents.size() == 2);
    CHECK(cross(report.documents[0]).empty());
    const std::vector<Finding> found = cross(report.documents[1]);
    REQUIRE(found.size() == 1);
    const std::size_t at = test::read_file_text(second).find(kCaption);
    CHECK(found[0].span == Span{at, at + kCaption.size()});
    CHECK(found[0].severity == Severity::info);
    CHECK(found[0].message == "The same caption is in " + first + " at line 3");
    CHECK(found[0].related.empty());
  }
}

TEST_CASE("duplicate.cross-document: a near copy, and boilerplate that may repeat",
          "[duplicate][batch]") {
  const std::string dir = test::temp_dir();
  const std::string about =
      "About Ardlow City Council\nArdlow City Council provides services to around 210,000 "
      "residents, including housing, waste collection, libraries, parks and highways.\n";
  const std::string paragraph =
      "The scheme includes new paving, seating, trees and cycle stands, as well as improved "
      "lighting along the alleys that link Market Street to the riverside.";
  std::string near = paragraph;
  near.replace(near.find("seating"), 7, "seatnig");
  test::write_file(dir + "/a.txt", paragraph + "\n\nENDS\n\n" + about);
  test::write_file(dir + "/b.txt", "Work starts in May.\n\n" + near + "\n\nENDS\n\n" + about);
  const Report report = run_pipeline(
      {{dir + "/a.txt", std::nullopt}, {dir + "/b.txt", std::nullopt}}, without_rule_packs());
  const std::vector<Finding> found = cross(report.documents[1]);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "A near-identical paragraph is in " + dir + "/a.txt at line 1");
  CHECK(cross(report.documents[0]).empty());
}

TEST_CASE("duplicate.cross-document: a listed company's legal notice repeats in each release",
          "[duplicate][batch]") {
  const std::string dir = test::temp_dir();
  // Under a heading of its own, or opening its paragraph on a line longer than a heading.
  const std::string under_heading =
      "Forward-Looking Statements\n\nThis release contains statements about Velmora "
      "Instruments' plans, products and results that involve risks and uncertainties, and "
      "actual results may differ materially from those projected.\n";
  const std::string opening =
      "Safe Harbor Statement under the Private Securities Litigation Reform Act of 1995: the "
      "statements in this release about future sales and margins involve risks that could make "
      "actual results differ.\n";
  // Copied into both: a body paragraph, and one that opens with "Safe harbour" and no notice.
  const std::string body =
      "The new sensor line measures soil moisture to within one per cent and ships in March to "
      "growers across the region.";
  const std::string harbour =
      "Safe harbour facilities for yachts will open at Tarrow in May, with forty new berths and "
      "a fuel pontoon for visiting crews.";
  test::write_file(dir + "/a.txt",
                   "Velmora launches sensors.\n\n" + body + "\n\n" + harbour + "\n\n" + opening);
  test::write_file(dir + "/b.txt",
                   "Velmora opens a plant.\n\n" + body + "\n\n" + harbour + "\n\n" + opening);
  test::write_file(dir + "/c.txt", "Velmora names a chair.\n\n" + under_heading);
  test::write_file(dir + "/d.txt", "Velmora moves office.\n\n" + under_heading);
  const Report report = run_pipeline({{dir + "/a.txt", std::nullopt},
                                      {dir + "/b.txt", std::nullopt},
                                      {dir + "/c.txt", std::nullopt},
                                      {dir + "/d.txt", std::nullopt}},
                                     without_rule_packs());
  const std::vector<Finding> found = cross(report.documents[1]);
  REQUIRE(found.size() == 2);  // The body and the harbour paragraphs, not the notice.
  CHECK(found[0].message == "The same paragraph is in " + dir + "/a.txt at line 3");
  CHECK(found[1].message == "The same paragraph is in " + dir + "/a.txt at line 5");
  CHECK(cross(report.documents[3]).empty());
}

TEST_CASE("duplicate.cross-document: clean releases in one run raise nothing",
          "[duplicate][batch]") {
  std::vector<InputFile> inputs;
  for (const auto& entry :
       std::filesystem::directory_iterator(GALLEY_TEST_DIR "/corpus/releases")) {
    inputs.push_back({entry.path().string(), std::nullopt});
  }
  for (const char* name : {"clean-release.txt", "clean-release.md", "clean-release.html"}) {
    inputs.push_back({std::string(GALLEY_SOURCE_DIR) + "/samples/" + name, std::nullopt});
  }
  const Report report = run_pipeline(inputs, without_rule_packs());
  for (const DocumentReport& doc : report.documents) {
    INFO(doc.path);
    CHECK(cross(doc).empty());
  }
}

}  // namespace galley
