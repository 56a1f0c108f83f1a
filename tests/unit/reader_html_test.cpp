#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace galley {

using test::read;

namespace {

std::string_view source_behind(const Document& doc, std::string_view needle) {
  for (const Block& block : doc.blocks) {
    const std::size_t at = block.text.find(needle);
    if (at != std::string::npos) return test::source_of(doc, block, {at, at + needle.size()});
  }
  FAIL("no block contains " << needle);
  return {};
}

}  // namespace

TEST_CASE("html: script, style, head, pre are not prose; code becomes a placeholder", "[reader][html]") {
  const std::string html =
      "<html><head><title>T</title><style>p{}</style></head><body>"
      "<script>var tk = 1;</script><p>Run <code>tk()</code> now.</p><pre>TK</pre></body></html>";
  const Document doc = read(html, InputFormat::html);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "Run \xEF\xBF\xBC now.");
  CHECK(source_behind(doc, "\xEF\xBF\xBC") == "<code>tk()</code>");
  // HTML 4's <tt> is code too: its command is no prose to spell-check.
  const Document old = read("<p>Type <tt>acmectl statsu</tt> to see it.</p>", InputFormat::html);
  REQUIRE(old.blocks.size() == 1);
  CHECK(old.blocks[0].text.find("statsu") == std::string_view::npos);
  CHECK(source_behind(old, "\xEF\xBF\xBC") == "<tt>acmectl statsu</tt>");
}

TEST_CASE("html: entities decoded with exact spans", "[reader][html]") {
  const Document doc = read("<p>Smith&nbsp;&amp;&#x20;Jones&rsquo;s caf&eacute;</p>", InputFormat::html);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "Smith\xC2\xA0& Jones\xE2\x80\x99s caf\xC3\xA9");
  CHECK(source_behind(doc, "&") == "&amp;");
  CHECK(source_behind(doc, "Jones\xE2\x80\x99s") == "Jones&rsquo;s");
  CHECK(source_behind(doc, "caf\xC3\xA9") == "caf&eacute;");
}

TEST_CASE("html: white space collapses as a browser shows it", "[reader][html]") {
  const Document doc = read("<p>One\n    two   three</p>", InputFormat::html);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "One two three");
  CHECK(source_behind(doc, "One two") == "One\n    two");
}

TEST_CASE("html: figcaption, caption classes and img alt are captions", "[reader][html]") {
  const std::string html =
      "<figure><img src=a.jpg alt=\"Ada at the quay\"><figcaption>Ada Brook opens the quay.</figcaption></figure>"
      "<div class=\"wp-caption\"><p class=\"wp-caption-text\">Tom Reyes at the vote.</p></div>"
      "<p>Body text here.</p>";
  const Document doc = read(html, InputFormat::html);
  REQUIRE(doc.blocks.size() == 4);
  CHECK(doc.blocks[0].kind == BlockKind::caption);
  CHECK(doc.blocks[0].text == "Ada at the quay");
  CHECK(source_behind(doc, "Ada at the quay") == "Ada at the quay");
  CHECK(doc.blocks[1].kind == BlockKind::caption);
  CHECK(doc.blocks[2].kind == BlockKind::caption);
  CHECK(doc.blocks[3].kind == BlockKind::paragraph);
}

TEST_CASE("html: block kinds", "[reader][html]") {
  const Document doc = read("<h2>Head</h2><ul><li>Item</li></ul><blockquote><p>Quoted.</p></blockquote>"
                            "<table><tr><td>Cell</td></tr></table><aside class=\"pullquote\"><p>Pulled.</p></aside>",
                            InputFormat::html);
  REQUIRE(doc.blocks.size() == 5);
  CHECK(doc.blocks[0].kind == BlockKind::heading);
  CHECK(doc.blocks[1].kind == BlockKind::list_item);
  CHECK(doc.blocks[2].kind == BlockKind::quote);
  CHECK(doc.blocks[3].kind == BlockKind::table_cell);
  CHECK(doc.blocks[4].pull_quote);
}

TEST_CASE("html: 10,000 nested elements are read without exhausting the stack", "[reader][html]") {
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<div><span>";
  html += "Deep text here.";
  const Document doc = read(html, InputFormat::html);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "Deep text here.");
}

TEST_CASE("html: text around an inline image stays one paragraph", "[reader][html]") {
  const Document doc = read("<p>Before <img alt=\"A photo\"> after.</p>", InputFormat::html);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].text == "Before after.");
  CHECK(doc.blocks[1].text == "A photo");
}

}  // namespace galley
