#include <catch2/catch.hpp>

#include "input/text_heuristics.hpp"
#include "test_support.hpp"

namespace galley {

using test::block_texts;
using test::read;

TEST_CASE("plain text: blank lines separate blocks; spans are the source bytes", "[reader][text]") {
  const Document doc = read("Headline here\n\nFirst paragraph. It goes on.\n\nSecond one.\n", InputFormat::text);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].kind == BlockKind::heading);
  CHECK(doc.blocks[1].kind == BlockKind::paragraph);
  CHECK(doc.blocks[1].span == Span{15, 43});
  CHECK(doc.source.slice(doc.blocks[1].span) == "First paragraph. It goes on.");
}

TEST_CASE("plain text: a block's text is the source's bytes and outlives moves of the document",
          "[reader][text]") {
  // Short texts too: a std::string that held them would keep them inside itself, and move them.
  for (const std::string& text : {std::string("Hi.\n\nYo."), std::string(5000, 'a') + "\n\nEnd."}) {
    Document doc = read(text, InputFormat::text);
    REQUIRE(doc.blocks.size() == 2);
    const Span second = doc.blocks[1].span;
    // Not a copy. (As pointers to void: Catch prints a char pointer as a C string.)
    CHECK(static_cast<const void*>(doc.blocks[1].text.data()) ==
          static_cast<const void*>(doc.source.bytes().data() + second.begin));
    std::vector<Document> moved;
    moved.push_back(std::move(doc));
    for (int i = 0; i < 8; ++i) moved.emplace_back();  // The vector grows: the document moves.
    const Document& now = moved.front();
    CHECK(now.blocks[0].text == text.substr(0, text.find('\n')));
    CHECK(now.blocks[1].text == text.substr(text.rfind('\n') + 1));
    CHECK(now.blocks[1].to_source({0, 2}) == Span{second.begin, second.begin + 2});
  }
}

TEST_CASE("a copied block's text is its own once either is appended to", "[reader]") {
  Document doc = read("Intro &amp; more\n", InputFormat::markdown);
  REQUIRE(doc.blocks.size() == 1);
  Block copy = doc.blocks[0];
  // Enough to move the bytes if the copy appended to what both view (ASan then finds the
  // original viewing freed memory).
  copy.append_mapped(std::string(4096, 'x'), Span{0, 0});
  CHECK(doc.blocks[0].text == "Intro & more");
  CHECK(copy.text == "Intro & more" + std::string(4096, 'x'));
  doc.blocks[0].truncate(5);
  doc.blocks[0].append_verbatim("!", 17);
  CHECK(doc.blocks[0].text == "Intro!");
  CHECK(copy.text.substr(0, 12) == "Intro & more");
  CHECK(doc.blocks[0].to_source({5, 6}) == Span{17, 18});
  const Block taken = std::move(doc.blocks[0]);
  CHECK(taken.text == "Intro!");
  CHECK(doc.blocks[0].text.empty());    // NOLINT(bugprone-use-after-move): what is tested.
  CHECK(doc.blocks[0].pieces.empty());  // NOLINT(bugprone-use-after-move)
}

TEST_CASE("plain text: a paragraph per line without blank lines gives a block per line", "[reader][text]") {
  const std::string line1(150, 'a');
  const std::string text = "The council approved the budget on Monday after a long debate about the harbour, the "
                           "library and the new bus routes across the district.\n"
                           "Residents can comment on the plans until the end of the month, the council said in a "
                           "statement released on Tuesday.\n";
  const Document doc = read(text, InputFormat::text);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[1].text.substr(0, 9) == "Residents");
}

TEST_CASE("plain text: hard-wrapped lines join into one paragraph", "[reader][text]") {
  const std::string text =
      "The council approved the budget on Monday after a long debate about\n"
      "the harbour, the library and the new bus routes across the district,\n"
      "and residents can comment until the end of the month.\n";
  const Document doc = read(text, InputFormat::text);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].span == Span{0, text.size() - 1});
}

TEST_CASE("plain text: a line that stops inside a sentence joins the next", "[reader][text]") {
  // Wrapped by hand: "will" would have fitted on the second line, which is not the longest.
  const std::string text =
      "HAVERLEY, 4 March -- Ostvik Robotics today opened a new plant in Haverley that will employ\n"
      "250 people by the end of next year. The site (on the former Kirkstall Mill works)\n"
      "will build robots for the company's customers in Europe, the company said in a statement.\n";
  const Document doc = read(text, InputFormat::text);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].span == Span{0, text.size() - 1});
  // A line that ends a sentence, or a short one, still ends its block where the next word fits.
  const Document ended = read(
      "The council approved the budget on Monday after a debate.\n"
      "then it rose\n"
      "and residents can comment on the plans until the end of the month, the council said "
      "today.\n",
      InputFormat::text);
  CHECK(ended.blocks.size() == 3);
}

TEST_CASE("plain text: a short line after a full line starts a new block", "[reader][text]") {
  const std::string text =
      "The council approved the budget on Monday after a long debate about it.\n"
      "Photo: Councillor Ada Brook at the vote.\n";
  const Document doc = read(text, InputFormat::text);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[1].kind == BlockKind::caption);
}

TEST_CASE("plain text: caption candidates", "[reader][text]") {
  CHECK(read("Photo: The new ferry at Porthaven quay.\n", InputFormat::text).blocks[0].kind == BlockKind::caption);
  CHECK(read("Pictured: Ada Brook and Tom Reyes.\n", InputFormat::text).blocks[0].kind == BlockKind::caption);
  CHECK(read("(L-R) Ada Brook, Tom Reyes and Jo Park.\n", InputFormat::text).blocks[0].kind == BlockKind::caption);
  CHECK(read("The ferry docks at noon. (Photo: Jo Park)\n", InputFormat::text).blocks[0].kind == BlockKind::caption);
  CHECK(read("The photographer Jo Park opened the show, which runs until May.\n", InputFormat::text)
            .blocks[0].kind == BlockKind::paragraph);
}

TEST_CASE("plain text: how a block reads as a caption or a heading", "[reader][text]") {
  // Credits anywhere, in any case; the word limit whichever test marked the block.
  CHECK(looks_like_caption("The crew at dawn (PHOTO: Ana Ruiz)"));
  CHECK(looks_like_caption("The crew at dawn. Photo Credit: Ana Ruiz"));
  CHECK(looks_like_caption("Pier 4 at low tide (credit: Harbour Trust)"));
  CHECK(looks_like_caption("Dancers rehearse. pHoTo CoUrTeSy of the Lisle Ballet"));
  CHECK(looks_like_caption("(Photo) The new ferry"));
  // Openers that start no credit come first: each letter case and the bracket are all searched.
  CHECK(looks_like_caption("Pupils (ages 9-11) plant a pear tree (photo: Ana Ruiz)"));
  CHECK(looks_like_caption("Pupils (ages 9-11) plant a pear tree. Photo courtesy of the school"));
  CHECK(looks_like_caption("PUPILS (AGES 9-11) PLANT A PEAR TREE. PHOTO CREDIT: ANA RUIZ"));
  CHECK_FALSE(looks_like_caption("Pupils (ages 9-11) plant a pear tree in the park (Pell Road)"));
  CHECK_FALSE(looks_like_caption("Photos of the crew at dawn are online"));
  CHECK_FALSE(looks_like_caption("The crew at dawn, (cred: Ana Ruiz)"));
  CHECK_FALSE(looks_like_caption("Prices, plans and people in port"));
  std::string long_caption = "Photo: the board";
  for (int i = 0; i < 78; ++i) long_caption += " member";  // 81 words.
  CHECK_FALSE(looks_like_caption(long_caption));
  long_caption.erase(long_caption.rfind(' '));  // 80 words.
  CHECK(looks_like_caption(long_caption));
  // Headings: a few words, no sentence end, whichever is tested first.
  CHECK(looks_like_heading("Ferry service resumes on the north route"));
  CHECK_FALSE(looks_like_heading("Ferry service resumes on the north route."));
  CHECK_FALSE(looks_like_heading("\"Ferry service resumes\""));
  CHECK_FALSE(looks_like_heading("one two three four five six seven eight nine ten 11 12 13 14 15 16"));
  CHECK(looks_like_heading("one two three four five six seven eight nine ten 11 12 13 14 15"));
}

TEST_CASE("plain text: title case by the words of four letters or more", "[reader][text]") {
  CHECK(title_cased("Lantern Trust Opens Three Libraries from Ashby to Coln"));
  // Prepositions ("from", "with") count neither way; of the other words, one in seven may stay
  // lower case, not more.
  CHECK(title_cased("Lantern Trust Opens Three Libraries from Ashby with Coln, Fenby and Ryde"));
  CHECK(
      title_cased("Lantern Trust Opens Three Libraries from Ashby with Coln, Fenby and Ryde, "
                  "Restoring Sites Closed since 1998"));
  CHECK_FALSE(
      title_cased("Lantern Trust Opens three Libraries from Ashby with Coln, Fenby and "
                  "Ryde, Restoring sites Closed since 1998"));
  // A sentence full of names is not a title: its verbs and nouns stay lower case.
  CHECK_FALSE(
      title_cased("In Washington, the Federal Bureau of Investigation identified the "
                  "couple as Morris and Lola Vance, formerly of Albany"));
  // Short words, figures and quoted openings: "of" and "2026" count neither way.
  CHECK(title_cased("\"Lantern\" Trust of 2026 Opens (Three) Libraries in Ashby"));
  // Fewer than six words to judge by: no title.
  CHECK_FALSE(title_cased("Lantern Trust Opens Three Libraries"));
  CHECK_FALSE(title_cased(""));
}

TEST_CASE("plain text: a long headline before the first sentence is a heading", "[reader][text]") {
  const std::string headline =
      "Lantern Housing marks its 500th affordable home with the opening of a riverside scheme in "
      "Ashby, the largest in its forty-year history";  // 22 words in sentence case.
  const std::string lead =
      "ASHBY, 12 January 2027 - Lantern Housing has handed over its 500th home.";
  const auto kinds = [](const Document& doc) {
    std::vector<BlockKind> out;
    for (const Block& block : doc.blocks) out.push_back(block.kind);
    return out;
  };
  using Kinds = std::vector<BlockKind>;
  const BlockKind heading = BlockKind::heading;
  const BlockKind paragraph = BlockKind::paragraph;
  // After a release label and an embargo line, and wrapped over two lines.
  CHECK(kinds(read("FOR IMMEDIATE RELEASE\n\n" + headline + "\n\n" + lead + "\n",
                   InputFormat::text)) == Kinds{heading, heading, paragraph});
  std::string wrapped = headline;
  wrapped[wrapped.find(" scheme")] = '\n';
  CHECK(kinds(read(wrapped + "\n\n" + lead + "\n", InputFormat::text)) ==
        Kinds{heading, paragraph});
  // After the first sentence the same line is a paragraph that lost its full stop.
  CHECK(kinds(read(lead + "\n\n" + headline + "\n", InputFormat::text)) ==
        Kinds{paragraph, paragraph});
  // A lead paragraph that lost its full stop opens with its dateline: it stays a paragraph.
  const std::string open_lead =
      lead.substr(0, lead.size() - 1) + " on the Weir Meadow scheme today";
  CHECK(kinds(read(open_lead + "\n\n" + lead + "\n", InputFormat::text)) ==
        Kinds{paragraph, paragraph});
  // A paragraph cut short after a sentence of its own is no headline; initials are no sentence.
  CHECK(kinds(read("The owners were H. Vale, 47, and his wife, 46. Each had been at sea for a\n\n" +
                       lead + "\n",
                   InputFormat::text)) == Kinds{paragraph, paragraph});
  CHECK(kinds(read(
            "Lantern Housing Co. hands over its 500th home to H. Vale in Ashby\n\n" + lead + "\n",
            InputFormat::text)) == Kinds{heading, paragraph});
  // Six blocks before the first sentence may be top matter, seven are not (notes, a list), nor
  // is a block past 40 words, nor a text with no sentence after it (a snippet).
  std::string top;
  for (int i = 0; i < 6; ++i) top += headline + "\n\n";
  CHECK(kinds(read(top + lead, InputFormat::text)) ==
        Kinds{heading, heading, heading, heading, heading, heading, paragraph});
  CHECK(kinds(read(top + headline + "\n\n" + lead, InputFormat::text)) ==
        Kinds{paragraph, paragraph, paragraph, paragraph, paragraph, paragraph, paragraph,
              paragraph});
  CHECK(kinds(read(headline + " " + headline + "\n\n" + lead, InputFormat::text)) ==
        Kinds{paragraph, paragraph});
  CHECK(kinds(read(headline, InputFormat::text)) == Kinds{paragraph});
  // Sentence case up to 30 words; a wire headline in title case up to 40.
  std::string thirty = headline;
  for (int i = 0; i < 8; ++i) thirty += " again";
  CHECK(kinds(read(thirty + "\n\n" + lead, InputFormat::text)) == Kinds{heading, paragraph});
  CHECK(kinds(read(thirty + " again\n\n" + lead, InputFormat::text)) ==
        Kinds{paragraph, paragraph});
  std::string title =
      "Orvella Foods Reports Record Third-Quarter Revenue of $412 Million, Raises Full-Year "
      "Outlook and Names New Chief Financial Officer";  // 18 words.
  for (int i = 0; i < 22; ++i) title += " Harbour";
  CHECK(kinds(read(title + "\n\n" + lead, InputFormat::text)) == Kinds{heading, paragraph});
  CHECK(kinds(read(title + " Harbour\n\n" + lead, InputFormat::text)) ==
        Kinds{paragraph, paragraph});
  // Below the first sentence, title case makes no heading of a line of names.
  CHECK(kinds(read(lead + "\n\nGuests included Mayor Ana Ruiz, Councillor Tomas Hale, Chief "
                          "Constable Ruth Deane, Professor Ivan Kell and Bishop Paul Moss\n",
                   InputFormat::text)) == Kinds{paragraph, paragraph});
  // A lead that ends closed, after its closers and note references, ends the top matter.
  for (const std::string end : {".[1]", ".\xE2\x80\x99", ".)", "\xE2\x80\xA6", ".[GM1]"}) {
    CHECK(kinds(read("Lantern Housing hands over its 500th home in Ashby" + end + "\n\n" +
                         headline + "\n\n" + lead,
                     InputFormat::text)) == Kinds{paragraph, paragraph, paragraph});
  }
  // A sentence that ends inside, with a question mark or before a quotation mark, is no
  // headline; an abbreviation before a name is no sentence's end.
  CHECK(kinds(read("Lantern hands over its 500th home. \xE2\x80\x9CIt is a milestone,\xE2\x80\x9D "
                   "said Ana Ruiz of the trust\n\n" +
                       lead,
                   InputFormat::text)) == Kinds{paragraph, paragraph});
  CHECK(kinds(read("Who pays for the homes of the town? Lantern asks the council and the people of "
                   "Ashby\n\n" +
                       lead,
                   InputFormat::text)) == Kinds{paragraph, paragraph});
  CHECK(kinds(read("Dr. Ana Ruiz of St. Albans joins Lantern Housing as its new chair\n\n" + lead,
                   InputFormat::text)) == Kinds{heading, paragraph});
}

TEST_CASE("plain text: a lead paragraph opens with a dateline", "[reader][text]") {
  for (const std::string_view lead :
       {"NEW YORK, Jan. 12, 2027 /Wire/ -- Lantern", "ST. ALBANS, England - Lantern",
        "LONDON (BUSINESS WIRE) -- Lantern", "NEW YORK--(BUSINESS WIRE)--Lantern",
        "LONDON \xE2\x80\x93 Lantern", "MONTR\xC3\x89" "AL, Quebec - Lantern",
        "London, 12 January 2027 - Lantern", "12 January 2027 \xE2\x80\x93 Lantern",
        "Ashby, Nov. 24, 2026 -- Lantern"}) {
    INFO(lead);
    CHECK(opens_with_dateline(lead));
  }
  CHECK_FALSE(opens_with_dateline("Lantern Housing, the largest"));
  CHECK_FALSE(opens_with_dateline("UK, US and EU ministers met"));
  CHECK_FALSE(opens_with_dateline("NASA-backed team opens a lab in Ashby"));
  // A month in a headline stands alone; a dateline's has its day or year beside it.
  CHECK_FALSE(opens_with_dateline("Ashby festival returns in May with 40 free events"));
  CHECK_FALSE(opens_with_dateline("Jan Novak named chief executive of Ashby Rail"));
  CHECK(opens_with_place("LONDON (BUSINESS WIRE) -- Lantern"));
  CHECK_FALSE(opens_with_place("London, 12 January 2027 - Lantern"));
}

TEST_CASE("plain text: words counted across spaces, tabs and line breaks", "[reader][text]") {
  CHECK_FALSE(more_words_than("", 0));
  CHECK(more_words_than("a", 0));
  CHECK_FALSE(more_words_than("  \t\r\n ", 0));
  CHECK_FALSE(more_words_than(" one\ttwo\r\nthree\n", 3));
  CHECK(more_words_than(" one\ttwo\r\nthree\nfour", 3));
  // Long words and long gaps, so that words straddle the 64-byte steps the count is tested at.
  for (std::size_t width = 1; width <= 70; width += 23) {
    std::string text;
    for (std::size_t n = 0; n < 40; ++n) text += std::string(width, 'w') + std::string(width % 5 + 1, ' ');
    INFO("width " << width);
    CHECK(more_words_than(text, 39));
    CHECK_FALSE(more_words_than(text, 40));
  }
}

TEST_CASE("plain text: CRLF and a byte-order mark keep exact spans", "[reader][text]") {
  const Document doc = read("\xEF\xBB\xBFOne line here.\r\n\r\nTwo line here.\r\n", InputFormat::text);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].span == Span{3, 17});
  CHECK(doc.blocks[1].span == Span{21, 35});
  CHECK(doc.source.locate(21).line == 3);
}

TEST_CASE("plain text: list items", "[reader][text]") {
  const Document doc = read("Key facts:\n- first fact here\n- second fact here\n", InputFormat::text);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[1].kind == BlockKind::list_item);
  CHECK(doc.blocks[2].kind == BlockKind::list_item);
}

TEST_CASE("plain text: invalid UTF-8 is a finding at its byte offset, reading goes on", "[reader][text]") {
  const Document doc = read("Caf\xE9 opens.\n\nNext paragraph.\n", InputFormat::text);
  REQUIRE(doc.reader_findings.size() == 1);
  CHECK(doc.reader_findings[0].span == Span{3, 4});
  CHECK(doc.blocks.size() == 2);
}

TEST_CASE("plain text: invalid bytes read as Windows-1252 where they can be", "[reader][text]") {
  const Document doc =
      read("\x93We\x92re open,\x94 said the caf\xE9. A cut \xE2\x80 sign.\n", InputFormat::text);
  REQUIRE(doc.reader_findings.size() == 5);
  const Finding& quote = doc.reader_findings[0];
  CHECK(quote.span == Span{0, 1});
  CHECK(quote.message ==
        "Invalid UTF-8 (0x93): '\u201C' in Windows-1252; if the file is in that encoding, convert "
        "it with iconv -f WINDOWS-1252 -t UTF-8");
  CHECK(quote.suggestions == std::vector<std::string>{"\u201C"});
  CHECK(doc.reader_findings[1].suggestions == std::vector<std::string>{"\u2019"});
  CHECK(doc.reader_findings[3].suggestions == std::vector<std::string>{"\u00E9"});
  // A UTF-8 sequence cut short is no other encoding's text.
  CHECK(doc.reader_findings[4].message ==
        "Invalid UTF-8 bytes; the file's encoding is broken here");
  CHECK(doc.reader_findings[4].suggestions.empty());
}

TEST_CASE("plain text: empty input gives no blocks", "[reader][text]") {
  CHECK(read("", InputFormat::text).blocks.empty());
  CHECK(read("\n\n  \n", InputFormat::text).blocks.empty());
}

TEST_CASE("input classification", "[reader]") {
  CHECK(classify_bytes("plain text") == Unreadable::none);
  CHECK(classify_bytes(std::string("\x7F" "ELF\x02\x01\x01\x00\x00\x00", 10)) == Unreadable::binary);
  CHECK(classify_bytes(std::string("\xFF\xFEh\0i\0", 6)) == Unreadable::utf16);
  CHECK(classify_bytes(std::string("h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", 22)) == Unreadable::utf16);
  CHECK(format_for_path("a/b.MD") == InputFormat::markdown);
  CHECK(format_for_path("a.htm") == InputFormat::html);
  CHECK_FALSE(format_for_path("a.pdf").has_value());
  CHECK_FALSE(format_for_path("dir.d/noext").has_value());
}

}  // namespace galley
