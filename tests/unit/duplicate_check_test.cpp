// duplicate.caption, duplicate.paragraph, duplicate.sentence: fixtures from issue #5, thresholds,
// what may repeat, and clean releases. See docs/checks/duplicate.md.
#include "checks/duplicate_check.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "pipeline.hpp"
#include "segment/segmenter.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

/// The duplicate.* findings on `text`; rule packs are not loaded, this tests C++ checks only.
std::vector<Finding> duplicates(const std::string& text, InputFormat format = InputFormat::text) {
  Settings settings;
  settings.builtin_rules = false;
  CheckSet checks(settings);
  std::vector<Finding> all = checks.check(test::read(text, format), "test").findings;
  std::erase_if(all, [](const Finding& f) { return !f.rule.starts_with("duplicate."); });
  return all;
}

/// The span of the `nth` occurrence (0-based) of `needle` in `text`.
Span span_of(const std::string& text, std::string_view needle, std::size_t nth = 0) {
  std::size_t at = text.find(needle);
  for (std::size_t i = 0; i < nth; ++i) at = text.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  return {at, at + needle.size()};
}

const std::string kCaption = "Photo: Councillor Priti Rahman opens the Harbour Development centre";
const std::string kTypo = "Photo: Councillor Priti Rahman opens the Harbour Developmebt centre";
const std::string kBritish = "Photo: Jane Roe opens the new ferry terminal at Eastley harbour.";
const std::string kAmerican = "Photo: Jane Roe opens the new ferry terminal at Eastley harbor.";

/// A caption in British spelling, a paragraph, and the caption again in American spelling.
std::string harbour_copies() {
  return kBritish + "\n\nThe terminal cost four million pounds.\n\n" + kAmerican + "\n";
}

}  // namespace

TEST_CASE("duplicate: caption pasted twice on adjacent lines, typo in the second copy",
          "[duplicate]") {
  const std::string text =
      "ARDLOW, 4 June 2026 - The council opened its new harbour centre on Monday.\n\n" + kCaption +
      "\n" + kTypo + "\n\nENDS\n";
  const std::vector<Finding> found = duplicates(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "duplicate.caption");
  CHECK(found[0].span == span_of(text, kTypo));
  REQUIRE(found[0].related.size() == 1);
  CHECK(found[0].related[0].span == span_of(text, kCaption));
  CHECK(found[0].message == "Near-duplicate caption: 'Developmebt' vs 'Development'");
  REQUIRE(found[0].suggestions.size() == 1);
  CHECK(found[0].suggestions[0] == "Development");
}

TEST_CASE("duplicate: the copy with a spelling finding goes, typo in the first copy",
          "[duplicate]") {
  // samples/harbour-authority.txt: each differing word occurs once, so only the speller knows.
  const std::string right =
      "Photo: Helen Marchbank and Tom Ashdown on the North Quay with members of the Porthaven "
      "Fishermen's Association.";
  const std::string wrong =
      "Photo: Helen Marchbank and Tom Ashdown on the North Quay with members of the Porthaven "
      "Fishermen's Assocation.";
  const std::string lead =
      "PORTHAVEN, 3 March 2026 - Porthaven Harbour Authority today confirmed a rebuild of the "
      "North Quay.\n\n";
  SECTION("typo first: the first copy goes") {
    const std::string text = lead + wrong + "\n" + right + "\n";
    const std::vector<Finding> found = duplicates(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "duplicate.caption");
    CHECK(found[0].span == Span{lead.size(), lead.size() + wrong.size()});
    REQUIRE(found[0].related.size() == 1);
    CHECK(found[0].related[0].span ==
          Span{lead.size() + wrong.size() + 1, lead.size() + wrong.size() + 1 + right.size()});
    CHECK(found[0].message == "Near-duplicate caption: 'Assocation' vs 'Association'");
    CHECK(found[0].suggestions == std::vector<std::string>{"Association"});
  }
  SECTION("typo second: the second copy goes") {
    const std::string text = lead + right + "\n" + wrong + "\n";
    const std::vector<Finding> found = duplicates(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].span ==
          Span{lead.size() + right.size() + 1, lead.size() + right.size() + 1 + wrong.size()});
    REQUIRE(found[0].related.size() == 1);
    CHECK(found[0].related[0].span == Span{lead.size(), lead.size() + right.size()});
    CHECK(found[0].message == "Near-duplicate caption: 'Assocation' vs 'Association'");
  }
  SECTION("the misspelt copy goes even when the right word is nowhere else") {
    const std::string text =
        "The Harbour Development centre cost four million pounds to build.\n\n" + kTypo + "\n" +
        kCaption + "\n";
    const std::vector<Finding> found = duplicates(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].span == span_of(text, kTypo));
    CHECK(found[0].related[0].span == span_of(text, kCaption));
    CHECK(found[0].message == "Near-duplicate caption: 'Developmebt' vs 'Development'");
  }
}

TEST_CASE("duplicate: the copy to go follows the spelling findings already reported",
          "[duplicate]") {
  // The check reads the findings earlier checks put in `out`; here one is planted by hand on
  // the first copy's (correct) word, so the first copy goes. Without it, the later copy goes.
  const std::string& first = kBritish;
  const std::string& second = kAmerican;
  const std::string text = harbour_copies();
  const Document doc = test::read(text, InputFormat::text);
  const AnalyzedDocument analyzed = test::analyze(doc);
  DuplicateCheck check("duplicate.caption");
  CHECK(check.reads_findings());
  std::vector<Finding> out;
  check.check(analyzed, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].span == span_of(text, second));
  Finding spelling;
  spelling.rule = "spelling.mixed-variety";
  spelling.span = span_of(text, "harbour.");
  spelling.span.end -= 1;
  out = {spelling};
  check.check(analyzed, out);
  REQUIRE(out.size() == 2);
  CHECK(out[1].span == span_of(text, first));
  CHECK(out[1].related[0].span == span_of(text, second));
  CHECK(out[1].message == "Near-duplicate caption: 'harbour' vs 'harbor'");
}

TEST_CASE("duplicate: a search prepared before the spelling findings exist reports the same",
          "[duplicate]") {
  // On a large document prepare() runs while the spelling checks are still at work; check()
  // then only chooses which copy goes, from the spelling findings it is given.
  const std::string& first = kBritish;
  const std::string& second = kAmerican;
  const std::string text = harbour_copies();
  const Document doc = test::read(text, InputFormat::text);
  Finding spelling;
  spelling.rule = "spelling.mixed-variety";
  spelling.span = span_of(text, "harbour");
  for (const bool prepared : {false, true}) {
    const AnalyzedDocument analyzed = test::analyze(doc);
    DuplicateCheck check("duplicate.caption");
    if (prepared) {
      check.prepare(analyzed);
      REQUIRE(analyzed.duplicates != nullptr);
      CHECK(analyzed.duplicates->pairs != nullptr);
      CHECK_FALSE(analyzed.duplicates->reported);
    }
    std::vector<Finding> out{spelling};
    check.check(analyzed, out);
    REQUIRE(out.size() == 2);
    CHECK(out[1].span == span_of(text, first));
    CHECK(out[1].related[0].span == span_of(text, second));
    CHECK(analyzed.duplicates->pairs == nullptr);  // Let go once the findings are made.
  }
}

TEST_CASE("duplicate: the three checks share one search per document", "[duplicate]") {
  // The first check to run searches for all three rules and keeps the result on the document;
  // the others reuse it while `out` holds the same spelling findings (their own findings, added
  // in between, are not spelling findings), and search again when those change.
  const std::string caption = "Photo: Jane Roe opens the new ferry terminal at Eastley harbour.";
  const std::string paragraph =
      "The terminal, paid for by the county and the port authority, opens to passengers on "
      "Monday.";
  const std::string text = caption + "\n\n" + paragraph + "\n\nMore text here.\n\n" + caption +
                           "\n\n" + paragraph + "\n";
  const Document doc = test::read(text, InputFormat::text);
  const AnalyzedDocument analyzed = test::analyze(doc);
  DuplicateCheck captions("duplicate.caption");
  DuplicateCheck paragraphs("duplicate.paragraph");
  DuplicateCheck sentences("duplicate.sentence");
  std::vector<Finding> out;
  captions.check(analyzed, out);
  REQUIRE(analyzed.duplicates != nullptr);
  const DuplicateAnalysis* shared = analyzed.duplicates.get();
  CHECK(shared->findings.size() == 2);
  paragraphs.check(analyzed, out);
  sentences.check(analyzed, out);
  CHECK(analyzed.duplicates.get() == shared);
  REQUIRE(out.size() == 2);
  CHECK(out[0].rule == "duplicate.caption");
  CHECK(out[0].span == span_of(text, caption, 1));
  CHECK(out[1].rule == "duplicate.paragraph");
  CHECK(out[1].span == span_of(text, paragraph, 1));
  Finding spelling;
  spelling.rule = "spelling.misspelling";
  spelling.span = span_of(text, "Eastley");
  std::vector<Finding> other{spelling};
  paragraphs.check(analyzed, other);
  CHECK(analyzed.duplicates.get() != shared);
  CHECK(other.size() == 2);
}

TEST_CASE("duplicate: a wrapped paragraph repeated at the end of a release", "[duplicate]") {
  const std::string paragraph =
      "The decision follows an eight-week trial last summer, during which\n"
      "footfall on Market Street rose by 17 per cent and several cafes were\n"
      "given permission to put tables on the pavement.";
  const std::string text =
      "Market Street to become traffic-free after council vote\n\n" + paragraph +
      "\n\nCouncillor Rahman added that the council would publish monthly figures\n"
      "on footfall, air quality and traffic on surrounding roads.\n\n" +
      paragraph +
      "\n\nENDS\n\nAbout Ardlow City Council\nArdlow City Council serves 210,000 people.\n";
  const std::vector<Finding> found = duplicates(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "duplicate.paragraph");
  CHECK(found[0].span == span_of(text, paragraph, 1));
  CHECK(found[0].related[0].span == span_of(text, paragraph, 0));
  CHECK(found[0].message == "Duplicate paragraph: repeated word for word");
  CHECK(found[0].suggestions.empty());
}

TEST_CASE("duplicate: a near copy of a long paragraph shows each difference", "[duplicate]") {
  const std::string first =
      "Under the plan, vehicles will be allowed into Market Street between 6am and 10am for "
      "deliveries, and blue badge holders will keep access to four new parking bays at the "
      "junction with Corn Exchange Lane.";
  const std::string second =
      "Under the plan, vehicles will be allowed into Market Street between 7am and 10am for "
      "deliveries, and blue badge holders will keep access to new parking bays at the "
      "junction with Corn Exchange Lane.";
  const std::string text = first + "\n\nThe scheme costs 1.9m pounds.\n\n" + second + "\n";
  const std::vector<Finding> found = duplicates(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span == span_of(text, second));
  CHECK(found[0].related[0].span == span_of(text, first));
  CHECK(found[0].message == "Near-duplicate paragraph: '7am' vs '6am', missing 'four'");
  CHECK(found[0].suggestions == std::vector<std::string>{"6am"});
}

TEST_CASE("duplicate: a long sentence repeated inside other paragraphs", "[duplicate]") {
  const std::string sentence =
      "The trial builds on a 2023 pilot in the village of Harcombe, where 300 households took "
      "part.";
  const std::string text = "Tidemill Water launched the trial today. " + sentence +
                           "\n\nInstallation is free. " + sentence + " It takes 40 minutes.\n";
  const std::vector<Finding> found = duplicates(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "duplicate.sentence");
  CHECK(found[0].span == span_of(text, sentence, 1));
  CHECK(found[0].related[0].span == span_of(text, sentence, 0));
}

TEST_CASE("duplicate: short lines and boilerplate repeat legitimately", "[duplicate]") {
  const std::string text =
      "For immediate release\n\nEASTLEY, 12 February 2026 - The trial starts today in Eastley.\n\n"
      "Contact:\nHannah Okonjo, Press Office, Tidemill Water\n\n###\n\n"
      "For immediate release\n\nEASTLEY, 12 February 2026 - The trial will end in 2028.\n\n"
      "About Tidemill Water\nTidemill Water supplies drinking water to 1.1 million customers "
      "across "
      "the Lisle valley.\n\nContact:\nHannah Okonjo, Press Office, Tidemill Water\n\n###\n\n"
      "About Tidemill Water\nTidemill Water supplies drinking water to 1.1 million customers "
      "across "
      "the Lisle valley.\n\nENDS\n";
  CHECK(duplicates(text).empty());
}

TEST_CASE("duplicate: thresholds by length", "[duplicate]") {
  SECTION("five words never count, even word for word") {
    CHECK(duplicates("Tickets go on sale today.\n\nThe ferry was built in Hull last year by "
                     "Wright and Sons.\n\nTickets go on sale today.\n")
              .empty());
  }
  SECTION("a short caption far away with another word is another caption") {
    CHECK(duplicates("Photo: Priti Rahman at the clock tower on Monday.\n\nThe ferry was built "
                     "in Hull last year.\n\nPhoto: Priti Rahman at the clock tower on Tuesday.\n")
              .empty());
  }
  SECTION("a short caption far away with a typo is a copy") {
    const std::vector<Finding> found = duplicates(
        "Photo: Priti Rahman at the clock tower on Monday.\n\nThe ferry was built in "
        "Hull last year.\n\nPhoto: Priti Rahman at the clock tower on Mondya.\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "Near-duplicate caption: 'Mondya' vs 'Monday'");
  }
  SECTION("seven words far apart never count; six on the next line do") {
    CHECK(duplicates("Free entry for children under twelve.\n\nThe ferry was built in Hull last "
                     "year by Wright and Sons.\n\nFree entry for children under twelve.\n")
              .empty());
    CHECK(duplicates("Photo: Jane Roe, chief executive, Tidemill.\n"
                     "Photo: Jane Roe, chief executive, Tidemill.\n")
              .size() == 1);
  }
  SECTION("under thirty words, far-apart copies may differ by typos only") {
    CHECK(duplicates("Good progress has been made since the Tokyo Economic Summit called for "
                     "increased effort on this front.\n\nThe ferry was built in Hull last year.\n\n"
                     "Good progress has been made since the Venice Economic Summit called for "
                     "increased effort on this front.\n")
              .empty());
    CHECK(duplicates("The sed(1) command can replace all instances of FROM with TO in the file.\n\n"
                     "The ed(1) command can replace all instances of FROM with TO in the file.\n")
              .empty());
  }
  SECTION("a typo in 'Photo:' still makes a caption copy") {
    const std::vector<Finding> found = duplicates(
        "Photo: Priti Rahman at the clock tower on Monday evening.\n\nThe ferry was "
        "built in Hull last year.\n\nPhoot: Priti Rahman at the clock tower on Monday "
        "evening.\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "duplicate.caption");
    CHECK(found[0].message == "Near-duplicate caption: 'Phoot' vs 'Photo'");
  }
  SECTION("a long paragraph with a fifth of its words changed is another paragraph") {
    CHECK(duplicates("The council will publish monthly figures on footfall, air quality and "
                     "traffic on surrounding roads for the first year of the scheme.\n\n"
                     "The trust will publish weekly figures on admissions, waiting times and "
                     "staffing on surrounding wards for the first year of the scheme.\n")
              .empty());
  }
}

TEST_CASE("duplicate: a pull quote marked in HTML may repeat; alt text may repeat its caption",
          "[duplicate]") {
  const std::string quote =
      "Most people have no idea how much water they use until the bill arrives.";
  const std::string html =
      "<html><body><p>\xE2\x80\x9C" + quote +
      "\xE2\x80\x9D said Priya Chaudhary.</p>"
      "<aside class=\"pullquote\"><p>" +
      quote +
      "</p></aside>"
      "<figure><img src=\"m.jpg\" alt=\"A smart water meter fitted under a kitchen sink in "
      "Eastley\">"
      "<figcaption>A smart water meter fitted under a kitchen sink in Eastley</figcaption></figure>"
      "</body></html>";
  CHECK(duplicates(html, InputFormat::html).empty());
}

TEST_CASE("duplicate: two figcaptions with one word changed", "[duplicate]") {
  const std::string first = "Priya Chaudhary demonstrates the TapTrack app at Eastley Library";
  const std::string second = "Priya Chaudhary demonstrates the TapTrak app at Eastley Library";
  const std::string html = "<figure><img src=\"a.jpg\"><figcaption>" + first +
                           "</figcaption></figure><p>The app is free for every household in the "
                           "trial area.</p><figure><img src=\"b.jpg\"><figcaption>" +
                           second + "</figcaption></figure>";
  const std::vector<Finding> found = duplicates(html, InputFormat::html);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "duplicate.caption");
  CHECK(found[0].span == span_of(html, second));
  CHECK(found[0].related[0].span == span_of(html, first));
  CHECK(found[0].message == "Near-duplicate caption: 'TapTrak' vs 'TapTrack'");
}

TEST_CASE("duplicate: paragraphs that differ only in their code are no copies", "[duplicate]") {
  const std::string para = "<p>To open the gates for the morning ferry, run <code>";
  const std::string tail = "</code> on the harbour office computer before six.</p>";
  const std::string differ =
      para + "gatectl open --all" + tail + para + "gatectl open --east" + tail;
  CHECK(duplicates(differ, InputFormat::html).empty());
  const std::string same = para + "gatectl open --all" + tail + para + "gatectl open --all" + tail;
  const std::vector<Finding> found = duplicates(same, InputFormat::html);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "Duplicate paragraph: repeated word for word");
  // Markdown's inline code likewise.
  CHECK(
      duplicates("To open the gates for the ferry, run `gatectl open` at the office before six.\n\n"
                 "To open the gates for the ferry, run `gatectl shut` at the office before six.\n",
                 InputFormat::markdown)
          .empty());
}

TEST_CASE("duplicate: a web page's links to its own headline are no copies", "[duplicate]") {
  const std::string headline = "Ostvik Robotics opens a new plant in Haverley with 250 jobs";
  const std::string page = "<ol class=\"breadcrumb\"><li><a href=\"/\">Home</a></li><li>" +
                           headline +
                           "</li></ol>"
                           "<h1>" +
                           headline +
                           "</h1><p>Ostvik Robotics opened a plant in Haverley today.</p>"
                           "<h2>Related stories</h2><ul><li><a href=\"/a\">" +
                           headline + "</a></li></ul>";
  CHECK(duplicates(page, InputFormat::html).empty());
  // A list item pasted twice that is no heading is still a copy.
  const std::string item = "Ostvik Robotics will train 40 apprentices at the Haverley plant";
  const std::string list =
      "<h1>Plant opens</h1><ul><li>" + item + "</li><li>" + item + "</li></ul>";
  REQUIRE(duplicates(list, InputFormat::html).size() == 1);
}

TEST_CASE("duplicate: clean releases raise nothing", "[duplicate][corpus]") {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(GALLEY_TEST_DIR "/corpus/releases")) {
    paths.push_back(entry.path());
  }
  for (const char* name : {"clean-release.txt", "clean-release.md", "clean-release.html"}) {
    paths.push_back(std::filesystem::path(GALLEY_SOURCE_DIR) / "samples" / name);
  }
  for (const std::filesystem::path& path : paths) {
    INFO(path.string());
    const std::string ext = path.extension().string();
    const InputFormat format = ext == ".md"     ? InputFormat::markdown
                               : ext == ".html" ? InputFormat::html
                                                : InputFormat::text;
    CHECK(duplicates(test::read_file_text(path.string()), format).empty());
  }
}

}  // namespace galley
