// The pipeline's workers: documents begun while a speller loads and finished later must come
// out exactly as a document checked on its own does, in input order, on one thread or two.
#include "pipeline.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "checks/language.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

/// Release `n`, in American or British spelling, with a typo and a word from the user's list.
std::string release(std::size_t n) {
  const std::string id = std::to_string(n);
  if (n % 3 == 0) {
    return "The harbour centre will organise a colour programme for visitors, " + id +
           " of them.\n\nThe Tollerby councill met on Monday " + id + " with Quennick staff.\n";
  }
  return "The harbor center will organize a color program for visitors, " + id +
         " of them.\n\nThe Tollerby councill met on Tuesday " + id + " with Quennick staff.\n";
}

}  // namespace

TEST_CASE("pipeline: documents that wait for a speller come out as if checked alone",
          "[pipeline][spelling]") {
  const test::Scratch dir;
  // A word list of its own makes a speller key no earlier test loaded: the first documents of
  // each variety are begun while their speller loads, and wait.
  const std::string words = dir.file("words.txt", "Quennick\n");
  std::vector<InputFile> inputs;
  for (std::size_t n = 0; n < 24; ++n) {
    inputs.push_back({dir.file("release-" + std::to_string(n) + ".txt", release(n)), std::nullopt});
    if (n == 5) inputs.push_back({dir.dir + "/missing.txt", std::nullopt});
  }
  for (const unsigned jobs : {1U, 2U}) {
    Settings settings;
    settings.jobs = jobs;
    settings.dictionaries = {words};
    settings.overrides["duplicate.cross-document"] = std::nullopt;
    const Report report = run_pipeline(inputs, settings);
    REQUIRE(report.documents.size() == inputs.size());
    CheckSet alone(settings);
    std::size_t british = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const DocumentReport& doc = report.documents[i];
      INFO("jobs " << jobs << ", " << inputs[i].path);
      CHECK(doc.path == inputs[i].path);
      if (inputs[i].path.ends_with("missing.txt")) {
        CHECK(doc.status == DocumentStatus::failed);
        continue;
      }
      const std::size_t n = std::stoul(inputs[i].path.substr(inputs[i].path.rfind('-') + 1));
      const DocumentReport expected =
          alone.check(test::read(release(n), InputFormat::text), inputs[i].path);
      CHECK(doc.language == expected.language);
      CHECK(test::described(doc.findings) == test::described(expected.findings));
      // Not vacuous: the typo is found in each, and the user's word is not.
      CHECK(std::count_if(doc.findings.begin(), doc.findings.end(),
                          [](const Finding& f) { return f.rule == "spelling.misspelling"; }) == 1);
      if (doc.language == "en-GB") ++british;
    }
    CHECK(british == 8);
  }
}

TEST_CASE("pipeline: a large document's parts find their variety spellings in order",
          "[pipeline][spelling]") {
  // From 1 MB a document is segmented in parts on two threads, and each part's variety-specific
  // words are found there: together, the words one pass over the whole finds, in order
  // (that the parts find them, rather than the language decision after, is a matter of speed,
  // left to bench/). The first half is American, the second British and larger: British wins,
  // and each American spelling is reported.
  std::string text;
  std::size_t american = 0;
  for (std::size_t n = 0; text.size() < (std::size_t{1} << 20U); ++n) {
    if (n < 2'000) {
      ++american;
      text += "Paragraph color " + std::to_string(n) + " holds the plain words of a report.\n\n";
    } else {
      text += "Paragraph colour and centre " + std::to_string(n) + " in the later part.\n\n";
    }
  }
  Settings settings;
  settings.jobs = 2;  // Halves on two threads even on one core: they are what is tested.
  // Paragraphs this alike are near-duplicates of each other: the search would pair them all.
  for (const char* rule : {"duplicate.paragraph", "duplicate.sentence", "duplicate.caption"})
    settings.overrides[rule] = std::nullopt;
  CheckSet checks(settings);
  std::vector<std::string> found;     // As the pipeline found them.
  std::vector<std::string> one_pass;  // As one pass over the whole document finds them.
  bool same_forms = false;            // The token texts as one pass numbers them.
  const auto describe = [](const std::vector<VarietyForm>& forms) {
    std::vector<std::string> out;
    for (const VarietyForm& form : forms) {
      out.push_back(std::to_string(form.block) + ":" + std::to_string(form.span.begin) + " " +
                    form.counterpart);
    }
    return out;
  };
  const DocumentReport report = checks.check(
      test::read(text, InputFormat::text), "big.txt", [&](const AnalyzedDocument& doc) {
        REQUIRE(doc.varieties);
        found = describe(*doc.varieties);
        one_pass = describe(find_variety_forms(doc, 0, doc.doc.blocks.size(), doc.forms.texts));
        // The token texts, numbered on two threads and joined, are each numbered once, and
        // each token's number names its text: as one pass numbers them, but for the order.
        AnalyzedDocument again{doc.doc, doc.segments, {}, "en-US", 0, nullptr, nullptr, nullptr};
        number_forms(again);
        REQUIRE(again.forms.size() == doc.forms.size());
        REQUIRE(doc.forms.by_block.size() == doc.doc.blocks.size());
        for (std::size_t b = 0; b < doc.doc.blocks.size(); ++b) {
          const std::vector<Token>& tokens = doc.segments[b].tokens;
          REQUIRE(doc.forms.by_block[b].size() == tokens.size());
          for (std::size_t t = 0; t < tokens.size(); ++t) {
            const std::string_view token_text =
                std::string_view(doc.doc.blocks[b].text)
                    .substr(tokens[t].span().begin, tokens[t].span().size());
            if (doc.forms.texts.text(doc.forms.by_block[b][t]) != token_text) {
              FAIL("block " << b << " token " << t);
            }
          }
        }
        same_forms = true;
      });
  CHECK(same_forms);
  CHECK(found.size() > 2 * american);
  CHECK(found == one_pass);
  CHECK(report.language == "en-GB");
  CHECK(std::count_if(report.findings.begin(), report.findings.end(), [](const Finding& f) {
          return f.rule == "spelling.mixed-variety";
        }) == static_cast<std::ptrdiff_t>(american));
}

TEST_CASE("pipeline: a name in one part of a large document sets apart a heading's word in another",
          "[pipeline][spelling]") {
  // A heading's capitalised variety word counts, unless the document has the same word
  // capitalised inside a sentence, as part of a name: anywhere in it, not only in the part of
  // 256 KB that one thread segmented. Here the heading opens the document and the name closes
  // it, more than a megabyte later; no other word is a variety's.
  std::string text = "# Harbour Works Begin\n\n";
  for (std::size_t n = 0; text.size() < (std::size_t{1} << 20U); ++n) {
    text += "Paragraph " + std::to_string(n) + " holds the plain words of a report.\n\n";
  }
  text += "The council thanked the Porthaven Harbour Authority for its help.\n";
  Settings settings;
  settings.jobs = 2;  // Parts on two threads even on one core: they are what is tested.
  for (const char* rule : {"duplicate.paragraph", "duplicate.sentence", "duplicate.caption"})
    settings.overrides[rule] = std::nullopt;
  CheckSet checks(settings);
  std::size_t found = SIZE_MAX;
  std::size_t one_pass = SIZE_MAX;
  std::size_t heading = SIZE_MAX;
  checks.check(test::read(text, InputFormat::markdown), "big.md", [&](const AnalyzedDocument& doc) {
    REQUIRE(doc.varieties);
    found = doc.varieties->size();
    one_pass = find_variety_forms(doc, 0, doc.doc.blocks.size(), doc.forms.texts).size();
    heading = static_cast<std::size_t>(doc.doc.blocks.front().kind == BlockKind::heading);
  });
  CHECK(heading == 1);
  CHECK(one_pass == 0);
  CHECK(found == 0);
}

}  // namespace galley

namespace galley {

TEST_CASE(
    "pipeline: a large document's checks shared out between two threads find what one "
    "thread finds",
    "[pipeline][parts]") {
  // From 1 MB a document is segmented in parts and checked on two threads
  // (CheckSet::run_beside): the spelling checks on one, the rule packs in four parts of its
  // blocks and the typography checks whole, each on the thread free first. With `--jobs 1` all
  // run on one thread, one after another: the findings must be the same, and with the spelling
  // checks off as well. The end mark part way through is a rule over the whole source; each
  // paragraph differs from the next, or the duplicate search would pair them all.
  std::string text;
  for (std::size_t n = 0; text.size() < (std::size_t{1} << 20U); ++n) {
    const std::string id = std::to_string(n);
    text += "Report " + id + " of the board: it met in order to utilize the quay  for " + id +
            " shipps (and cranes .\n\n";
    if (n == 7'000) text += "###\n\n";
  }
  for (const bool spelling : {true, false}) {
    Settings two;
    for (const char* rule : {"duplicate.paragraph", "duplicate.sentence", "duplicate.caption"})
      two.overrides[rule] = std::nullopt;
    if (!spelling) two.overrides["spelling"] = std::nullopt;
    Settings one = two;
    one.jobs = 1;
    two.jobs = 2;
    CheckSet on_two(two);
    CheckSet on_one(one);
    const std::vector<std::string> found_on_two =
        test::described(on_two.check(test::read(text, InputFormat::text), "big.txt").findings);
    const std::vector<std::string> found_on_one =
        test::described(on_one.check(test::read(text, InputFormat::text), "big.txt").findings);
    INFO("spelling " << spelling);
    CHECK(found_on_two == found_on_one);
    // Not vacuous: every paragraph's findings are there, and the end mark once.
    const auto count = [&](std::string_view rule) {
      return std::count_if(found_on_one.begin(), found_on_one.end(),
                           [&](const std::string& line) { return line.starts_with(rule); });
    };
    CHECK(count("style.in-order-to ") > 10'000);
    CHECK(count("style.utilize ") == count("style.in-order-to "));
    CHECK(count("typography.doubled-space ") == count("style.in-order-to "));
    CHECK(count("spelling.misspelling ") == (spelling ? count("style.in-order-to ") : 0));
    CHECK(count("marker.early-end-mark ") == 1);
  }
}

TEST_CASE("pipeline: what one document defines is not carried to the next on its thread",
          "[pipeline][spelling]") {
  // A thread keeps the shapes of the forms it met (spell_document.cpp, FormShapes), not what a
  // document made of them: "NoHaT", defined in the first release, is unknown in the second.
  const test::Scratch dir;
  const std::string defines =
      "The Northwind Harbour Trust (NoHaT) opened a quay on Monday. "
      "NoHaT staff welcomed visitors.\n";
  const std::string uses = "Staff of NoHaT welcomed visitors to the quay on Tuesday.\n";
  const std::vector<InputFile> inputs = {{dir.file("defines.txt", defines), std::nullopt},
                                         {dir.file("uses.txt", uses), std::nullopt},
                                         {dir.file("again.txt", defines), std::nullopt}};
  Settings settings;
  settings.jobs = 1;
  settings.overrides["duplicate.cross-document"] = std::nullopt;  // The third repeats the first.
  const Report report = run_pipeline(inputs, settings);
  REQUIRE(report.documents.size() == 3);
  CheckSet alone(settings);
  const auto mentions = [](const std::vector<Finding>& findings) {
    return std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
      return f.message.find("'NoHaT'") != std::string::npos;
    });
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    INFO(inputs[i].path);
    const DocumentReport expected =
        alone.check(test::read(i == 1 ? uses : defines, InputFormat::text), inputs[i].path);
    CHECK(test::described(report.documents[i].findings) == test::described(expected.findings));
    CHECK(mentions(report.documents[i].findings) == (i == 1 ? 1 : 0));
  }
}

}  // namespace galley
