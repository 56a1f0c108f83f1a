#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace galley {

using test::read;

namespace {

const Block& block_with(const Document& doc, std::string_view needle) {
  for (const Block& block : doc.blocks) {
    if (block.text.find(needle) != std::string::npos) return block;
  }
  FAIL("no block contains " << needle);
  return doc.blocks.front();
}

/// The source bytes behind the first occurrence of `needle` in a block's text.
std::string_view source_behind(const Document& doc, std::string_view needle) {
  const Block& block = block_with(doc, needle);
  const std::size_t at = block.text.find(needle);
  return test::source_of(doc, block, {at, at + needle.size()});
}

}  // namespace

TEST_CASE("markdown: emphasis markup is skipped, spans still exact", "[reader][markdown]") {
  const Document doc = read("# Title\n\nSome *very **nested** emphasis* here.\n", InputFormat::markdown);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].kind == BlockKind::heading);
  CHECK(doc.blocks[0].text == "Title");
  CHECK(doc.blocks[1].text == "Some very nested emphasis here.");
  CHECK(source_behind(doc, "nested") == "nested");
  CHECK(source_behind(doc, "very nested emphasis") == "very **nested** emphasis");
}

TEST_CASE("markdown and HTML: a standfirst before the first sentence is a heading",
          "[reader][markdown][html]") {
  const std::string standfirst =
      "Free toolkit helps councils and agencies meet accessibility rules ahead of the deadline";
  const Document md = read("# Lantern Launches Toolkit\n\n*" + standfirst +
                               "*\n\nLantern released the toolkit today. It is free.\n",
                           InputFormat::markdown);
  REQUIRE(md.blocks.size() == 3);
  CHECK(md.blocks[1].text == standfirst);
  CHECK(md.blocks[1].kind == BlockKind::heading);
  CHECK(md.blocks[2].kind == BlockKind::paragraph);
  const Document html = read("<h1>Lantern Launches Toolkit</h1><p><em>" + standfirst +
                                 "</em></p><p>Lantern released the toolkit today.</p>",
                             InputFormat::html);
  REQUIRE(html.blocks.size() == 3);
  CHECK(html.blocks[1].kind == BlockKind::heading);
  // After the first sentence the same paragraph is body text that lost its full stop.
  const Document later =
      read("Lantern released the toolkit today.\n\n" + standfirst + "\n", InputFormat::markdown);
  REQUIRE(later.blocks.size() == 2);
  CHECK(later.blocks[1].kind == BlockKind::paragraph);
}

TEST_CASE("markdown: code, URLs, HTML markup and front matter are not prose",
          "[reader][markdown]") {
  const std::string text =
      "---\ntitle: Draft TK\n---\n\nRun `make tk` and see https://example.org/tk today.\n\n"
      "```\ncode block TK\n```\n\n<div><script>tk()</script></div>\n\n<!-- TK -->\n";
  const Document doc = read(text, InputFormat::markdown);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "Run \xEF\xBF\xBC and see https://example.org/tk today.");
  CHECK(source_behind(doc, "today") == "today");
  REQUIRE(doc.non_prose.size() == 1);
  CHECK(doc.source.slice(doc.non_prose[0]) == "---\ntitle: Draft TK\n---\n");
}

TEST_CASE("markdown: an HTML block's prose is read as HTML, with exact spans",
          "[reader][markdown]") {
  const std::string text =
      "The ferry sails.\n\n<div class=\"caption\">\n<p>Photo: The ferry at "
      "Porthaven.</p>\n</div>\n\n"
      "<figure><figcaption>Photo: The quay &amp; the ferry.</figcaption></figure>\n\n"
      "> <div>Quoted html</div>\n\n> <div>Quoted over\n> two lines</div>\n\nMore text.\n";
  const Document doc = read(text, InputFormat::markdown);
  REQUIRE(doc.blocks.size() == 5);
  CHECK(doc.blocks[1].text == "Photo: The ferry at Porthaven.");
  CHECK(doc.blocks[1].kind == BlockKind::caption);
  CHECK(doc.source.slice(doc.blocks[1].span) == "Photo: The ferry at Porthaven.");
  CHECK(doc.blocks[2].text == "Photo: The quay & the ferry.");
  CHECK(source_behind(doc, "quay & the") == "quay &amp; the");
  // In a block quote, a block of one line is read; from the second line on the lines carry
  // '>' marks, which are no HTML: not read (a known gap).
  CHECK(doc.blocks[3].text == "Quoted html");
  CHECK(doc.source.slice(doc.blocks[3].span) == "Quoted html");
  CHECK(doc.blocks[4].text == "More text.");
}

TEST_CASE("markdown: a comment in an HTML block is recorded once", "[reader][markdown]") {
  const Document doc =
      read("<div>\n<!-- galley-disable marker.tk -->\n<p>TK</p>\n</div>\n", InputFormat::markdown);
  REQUIRE(doc.comments.size() == 1);
  CHECK(doc.comments[0].text == " galley-disable marker.tk ");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "TK");
}

TEST_CASE("markdown: link text is prose, the target is not", "[reader][markdown]") {
  const Document doc = read("Read [the full report](https://example.org/report) now.\n", InputFormat::markdown);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "Read the full report now.");
  CHECK(source_behind(doc, "report now") == "report](https://example.org/report) now");
}

TEST_CASE("markdown: entities decode and map to their source bytes", "[reader][markdown]") {
  const Document doc = read("Smith &amp; Jones &#233;t&eacute;.\n", InputFormat::markdown);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "Smith & Jones \xC3\xA9t\xC3\xA9.");
  CHECK(source_behind(doc, "&") == "&amp;");
  CHECK(source_behind(doc, "\xC3\xA9t\xC3\xA9") == "&#233;t&eacute;");
}

TEST_CASE("markdown: soft line breaks map to the source line break", "[reader][markdown]") {
  const Document doc = read("First line\nsecond line.\n", InputFormat::markdown);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "First line\nsecond line.");
  CHECK(doc.blocks[0].span == Span{0, 23});
}

TEST_CASE("markdown: image alt text and the emphasised line under it are captions", "[reader][markdown]") {
  const Document doc = read("Intro paragraph here.\n\n![Ada Brook at the quay](quay.jpg)\n*Ada Brook opens the quay.*\n",
                            InputFormat::markdown);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[1].kind == BlockKind::caption);
  CHECK(doc.blocks[1].text == "Ada Brook at the quay");
  CHECK(doc.blocks[2].kind == BlockKind::caption);
  CHECK(doc.blocks[2].text == "Ada Brook opens the quay.");
  CHECK(source_behind(doc, "opens the quay.") == "opens the quay.");
}

TEST_CASE("markdown: list items, quotes and table cells", "[reader][markdown]") {
  const Document doc = read("- one item\n- two item\n\n> A quote here.\n\n| a | b |\n|---|---|\n| c | d |\n",
                            InputFormat::markdown);
  std::vector<BlockKind> kinds;
  for (const Block& block : doc.blocks) kinds.push_back(block.kind);
  CHECK(kinds == std::vector<BlockKind>{BlockKind::list_item, BlockKind::list_item, BlockKind::quote,
                                        BlockKind::table_cell, BlockKind::table_cell, BlockKind::table_cell,
                                        BlockKind::table_cell});
}

TEST_CASE("markdown: CRLF line endings and multi-byte text keep exact spans", "[reader][markdown]") {
  const Document doc = read("Caf\xC3\xA9 *na\xC3\xAFve*\r\nend.\r\n", InputFormat::markdown);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(source_behind(doc, "na\xC3\xAFve") == "na\xC3\xAFve");
  CHECK(source_behind(doc, "end.") == "end.");
  CHECK(doc.source.locate(doc.blocks[0].to_source({doc.blocks[0].text.find("end"), 0}).begin).line == 2);
}

TEST_CASE("markdown: unclosed constructs do not break reading", "[reader][markdown]") {
  const Document doc = read("Some *unclosed emphasis and [a link(\n\n```\nnever closed", InputFormat::markdown);
  REQUIRE_FALSE(doc.blocks.empty());
  CHECK(doc.blocks[0].text.find("unclosed") != std::string::npos);
}

}  // namespace galley

namespace galley {

TEST_CASE("markdown: a line of ### (a heading of marks to CommonMark) is a block, as in text",
          "[reader][markdown]") {
  // "###" ends many releases; CommonMark reads it as a heading with no text, which md4c hands
  // over with no position. Its line becomes a block of its own, so that what looks at blocks
  // sees the end mark (the rule packs' unless-after-block, the duplicate search's exemptions).
  const std::string source =
      "###\n\n"            // At the very start.
      "## Results ##\n\n"  // A closing sequence is not an empty heading.
      "```\n###\n```\n\n"  // Code, not an end mark.
      "The quay opened on Monday.\n\n"
      "  ### \n\n"  // Indented, spaces after: the marks alone.
      "#\n\n"       // Empty too: one mark.
      "Note to editors: photos available.\n";
  const Document doc = read(source, InputFormat::markdown);
  std::vector<std::string> found;
  for (const Block& block : doc.blocks) {
    found.push_back(std::string(block.text) + "@" + std::to_string(block.span.begin) + " " +
                    std::string(to_string(block.kind)));
  }
  const std::size_t quay = source.find("The quay");
  const std::size_t second = source.find("  ### ") + 2;
  const std::size_t third = source.find("\n#\n") + 1;
  CHECK(found ==
        std::vector<std::string>{
            "###@0 paragraph", "Results@8 heading",
            "The quay opened on Monday.@" + std::to_string(quay) + " paragraph",
            "###@" + std::to_string(second) + " paragraph",
            "#@" + std::to_string(third) + " paragraph",
            "Note to editors: photos available.@" + std::to_string(third + 3) + " paragraph"});
  for (const Block& block : doc.blocks) {
    CHECK(test::source_of(doc, block, {0, block.text.size()}) == block.text);
  }
  // "# # #", which CommonMark reads as a heading whose text is "#": the whole line.
  const std::string spaced = "The quay opened.\n\n# # #\n\nNote to editors: photos.\n";
  const Document marks = read(spaced, InputFormat::markdown);
  REQUIRE(marks.blocks.size() == 3);
  CHECK(marks.blocks[1].text == "# # #");
  CHECK(marks.blocks[1].kind == BlockKind::paragraph);
  CHECK(test::source_of(marks, marks.blocks[1], {0, 5}) == "# # #");
  // After front matter, whose comment lines are not end marks, and right at its end.
  const std::string fronted = "---\ntitle: Quay\n# a comment\n---\n###\n\nThe quay opened.\n";
  const Document after = read(fronted, InputFormat::markdown);
  REQUIRE(after.blocks.size() == 2);
  CHECK(after.blocks[0].text == "###");
  CHECK(after.blocks[0].span.begin == fronted.find("###"));
}

TEST_CASE("markdown: an editor's note after the ### end mark is not flagged",
          "[reader][markdown]") {
  const std::vector<Finding> findings = test::check_document(
      read("# Harbour Board opens new quay\n\nThe board opened the quay on Monday.\n\n###\n\n"
           "Note to editors: photos of the quay are available on request.\n",
           InputFormat::markdown));
  for (const Finding& finding : findings) CHECK(finding.rule != "marker.editor-note");
  // The same note before the end mark is one.
  const std::vector<Finding> before = test::check_document(
      read("# Harbour Board opens new quay\n\nNote to editors: photos are available on request.\n\n"
           "The board opened the quay on Monday.\n\n###\n",
           InputFormat::markdown));
  CHECK(std::count_if(before.begin(), before.end(),
                      [](const Finding& f) { return f.rule == "marker.editor-note"; }) == 1);
}

}  // namespace galley
