// Caption recognition from each reader, with layouts as press releases ship them, and the
// duplicate.caption finding on a caption pasted twice in each layout.
#include <catch2/catch.hpp>
#include <string>

#include "pipeline.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

std::vector<std::string> caption_texts(const Document& doc) {
  std::vector<std::string> texts;
  for (const Block& block : doc.blocks) {
    if (block.kind == BlockKind::caption) texts.emplace_back(block.text);
  }
  return texts;
}

std::vector<Finding> caption_findings(const std::string& text, InputFormat format) {
  Settings settings;
  settings.builtin_rules = false;
  CheckSet checks(settings);
  std::vector<Finding> all = checks.check(test::read(text, format), "test").findings;
  std::erase_if(all, [](const Finding& f) { return f.rule != "duplicate.caption"; });
  return all;
}

Span span_of(const std::string& text, std::string_view needle, std::size_t nth = 0) {
  std::size_t at = text.find(needle);
  for (std::size_t i = 0; i < nth; ++i) at = text.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  return {at, at + needle.size()};
}

}  // namespace

TEST_CASE("captions: plain-text caption lines", "[duplicate][captions][text]") {
  const std::string text =
      "HARCOMBE, 3 March 2026 - The village hall reopened on Saturday after a two-year\n"
      "refurbishment paid for by residents and the parish council.\n\n"
      "Photo: Volunteers Ann Patel and Tom Reid outside the reopened village hall.\n\n"
      "Pictured: The new kitchen, fitted by apprentices from Lisle College.\n\n"
      "(L-R) Ann Patel, Tom Reid and Cllr Joe Marsh cut the ribbon on Saturday.\n\n"
      "The hall can be booked from 1 April. (Photo: Lisle Valley Gazette)\n";
  const Document doc = test::read(text, InputFormat::text);
  CHECK(caption_texts(doc) ==
        std::vector<std::string>{
            "Photo: Volunteers Ann Patel and Tom Reid outside the reopened village hall.",
            "Pictured: The new kitchen, fitted by apprentices from Lisle College.",
            "(L-R) Ann Patel, Tom Reid and Cllr Joe Marsh cut the ribbon on Saturday.",
            "The hall can be booked from 1 April. (Photo: Lisle Valley Gazette)"});
}

TEST_CASE("captions: a plain-text caption wrapped over two lines, pasted twice",
          "[duplicate][captions][text]") {
  const std::string first =
      "Photo: Councillor Priti Rahman with Market Street traders outside the\n"
      "clock tower on Wednesday evening.";
  const std::string second =
      "Photo: Councillor Priti Rahman with Market Street traders outside the\n"
      "clock tower on Wendesday evening.";
  const std::string text = "Market Street will close to traffic in September.\n\n" + first + "\n" +
                           second + "\n\nENDS\n";
  const std::vector<Finding> found = caption_findings(text, InputFormat::text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span == span_of(text, second));
  CHECK(found[0].related[0].span == span_of(text, first));
  CHECK(found[0].message == "Near-duplicate caption: 'Wendesday' vs 'Wednesday'");
}

TEST_CASE("captions: Markdown image with an emphasised line under it",
          "[duplicate][captions][markdown]") {
  const std::string caption = "A LoopRide van collects passengers on Alder Street in Sable Creek.";
  const std::string typo = "A LoopRide van collects pasengers on Alder Street in Sable Creek.";
  const std::string md =
      "# LoopRide goes citywide\n\n"
      "![A white electric van at a curbside stop](van.jpg)\n*" +
      caption +
      "*\n\n"
      "The service carried 212,000 passengers during the pilot.\n\n"
      "![A white electric van at a curbside stop](van.jpg)\n*" +
      typo + "*\n";
  const Document doc = test::read(md, InputFormat::markdown);
  const std::vector<std::string> captions = caption_texts(doc);
  CHECK(std::count(captions.begin(), captions.end(), caption) == 1);
  CHECK(std::count(captions.begin(), captions.end(), typo) == 1);
  // The alt text is a caption block too, but it is not printed: repeating it is fine.
  CHECK(std::count(captions.begin(), captions.end(), "A white electric van at a curbside stop") ==
        2);
  const std::vector<Finding> found = caption_findings(md, InputFormat::markdown);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span == span_of(md, typo));
  CHECK(found[0].related[0].span == span_of(md, caption));
  CHECK(found[0].message == "Near-duplicate caption: 'pasengers' vs 'passengers'");
}

TEST_CASE("captions: HTML figcaption, WordPress caption class and img alt",
          "[duplicate][captions][html]") {
  const std::string caption = "Dr Owen Featherstone inspects a leak on the River Lisle main";
  const std::string html =
      "<article><p>Tidemill Water loses 18 million litres a day to leaks.</p>"
      "<div id=\"attachment_51\" class=\"wp-caption aligncenter\">"
      "<img class=\"size-large\" src=\"leak.jpg\" alt=\"A burst water main on a flooded road\">"
      "<p class=\"wp-caption-text\">" +
      caption +
      "</p></div>"
      "<p>Every leak found is water that stays in the river.</p>"
      "<figure><img src=\"leak2.jpg\" alt=\"A burst water main on a flooded road\">"
      "<figcaption>" +
      caption + "</figcaption></figure></article>";
  const Document doc = test::read(html, InputFormat::html);
  CHECK(caption_texts(doc) ==
        std::vector<std::string>{"A burst water main on a flooded road", caption,
                                 "A burst water main on a flooded road", caption});
  const std::vector<Finding> found = caption_findings(html, InputFormat::html);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span == span_of(html, caption, 1));
  CHECK(found[0].related[0].span == span_of(html, caption, 0));
  CHECK(found[0].message == "Duplicate caption: repeated word for word");
  CHECK(found[0].suggestions.empty());
}

}  // namespace galley
