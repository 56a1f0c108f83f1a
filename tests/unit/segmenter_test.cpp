#include "segment/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "segment/normalize.hpp"

namespace galley {
namespace {

std::vector<std::pair<std::string, TokenKind>> tokens_of(std::string_view text) {
  Segmenter segmenter;
  std::vector<std::pair<std::string, TokenKind>> out;
  for (const Token& token : segmenter.tokens(text)) {
    out.emplace_back(std::string(text.substr(token.span().begin, token.span().size())),
                     token.kind());
  }
  return out;
}

/// A segment of ICU's own iteration over UTF-8, the reference the converted text must match.
struct IcuSegment {
  Span span;
  int32_t status = 0;
};

/// ICU's segments of `text`, read through its UTF-8 UText.
std::vector<IcuSegment> icu_segments_of_utf8(std::string_view text, bool sentences) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      sentences ? icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status)
                : icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(utext, status);
  REQUIRE(U_SUCCESS(status));
  std::vector<IcuSegment> out;
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    out.push_back(
        {{static_cast<std::size_t>(begin), static_cast<std::size_t>(end)}, it->getRuleStatus()});
  }
  utext_close(utext);
  return out;
}

/// A random text of fragments chosen to stress the UTF-8 to UTF-16 offset mapping: ASCII,
/// two-, three- and four-byte characters, combining marks and, when `ill_formed`, ill-formed
/// bytes (a text with any is read through ICU's UTF-8 UText, unconverted).
std::string random_text(std::mt19937& random, bool ill_formed) {
  static const std::vector<std::string> well_formed = {"word",
                                                       " ",
                                                       "Mr.",
                                                       ". ",
                                                       "! ",
                                                       "3.5",
                                                       "1,000",
                                                       "e-mail",
                                                       "it's",
                                                       "it\xE2\x80\x99s",
                                                       "caf\xC3\xA9",
                                                       "\xE2\x80\x94",
                                                       "\xE2\x80\x9CQuote\xE2\x80\x9D",
                                                       "\xF0\x9F\x98\x80",
                                                       "\xF0\x9D\x90\x80"
                                                       "bc",
                                                       "e\xCC\x81",
                                                       "\xE6\x97\xA5\xE6\x9C\xAC",
                                                       "\n",
                                                       "https://example.org/a",
                                                       "#tag",
                                                       "@name",
                                                       "x@example.org",
                                                       "\xD0\x9C\xD0\xB8\xD1\x80 "};
  static const std::vector<std::string> broken = {"\xFF", "\xC3", "\xE2\x80", "\xED\xA0\x80"};
  std::uniform_int_distribution<std::size_t> pick(0, well_formed.size() - 1);
  std::uniform_int_distribution<std::size_t> pick_broken(0, broken.size() - 1);
  std::uniform_int_distribution<int> count(1, 40);
  std::uniform_int_distribution<int> percent(0, 99);
  std::string text;
  for (int n = count(random); n > 0; --n) {
    text +=
        ill_formed && percent(random) < 5 ? broken[pick_broken(random)] : well_formed[pick(random)];
  }
  return text;
}

/// Tokens as (begin, end, kind): two lists compare equal only with the same spans and kinds.
std::vector<std::tuple<std::size_t, std::size_t, TokenKind>> listed(
    const std::vector<Token>& tokens) {
  std::vector<std::tuple<std::size_t, std::size_t, TokenKind>> out;
  for (const Token& token : tokens)
    out.emplace_back(token.span().begin, token.span().end, token.kind());
  return out;
}

/// A random text of single characters from both sides of the plain-word test: ASCII letters,
/// digits, every ASCII class of UAX #29 word breaks, and the non-ASCII that joins or extends
/// (MidLetter and MidNumLet, Extend, Format, ZWJ, Hebrew letters, Katakana, regional indicators).
std::string random_edges(std::mt19937& random) {
  static const std::vector<std::string> pieces = {
      "a",
      "b",
      "Z",
      "abc",
      "0",
      "7",
      "_",
      ":",
      ".",
      "'",
      ",",
      ";",
      "\"",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\r",
      "\v",
      "\f",
      "!",
      "#",
      "$",
      "%",
      "&",
      "(",
      ")",
      "*",
      "+",
      "-",
      "/",
      "<",
      "=",
      ">",
      "?",
      "@",
      "[",
      "\\",
      "]",
      "^",
      "`",
      "{",
      "|",
      "}",
      "~",
      "\x7F",
      "\xC3\xA9",          // e acute
      "\xCC\x81",          // combining acute accent (Extend)
      "\xC2\xAD",          // soft hyphen (Format)
      "\xE2\x80\x8D",      // zero width joiner
      "\xE2\x80\x99",      // right single quotation mark (MidNumLet)
      "\xC2\xB7",          // middle dot (MidLetter)
      "\xC2\xA0",          // no-break space
      "\xD7\x90",          // Hebrew alef
      "\xE3\x82\xA2",      // Katakana a
      "\xEF\xBC\x8E",      // fullwidth full stop (MidNumLet)
      "\xF0\x9F\x87\xA6",  // regional indicator A
      "\xF0\x9F\x98\x80",  // emoji
  };
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 24);
  std::string text;
  for (int n = count(random); n > 0; --n) text += pieces[pick(random)];
  return text;
}

/// A text made of sentence pieces: words of either case, the filter's abbreviations whole
/// and in part, terminators, closing punctuation, spaces, separators and digits, ASCII and not
/// (UAX #29's ATerm, STerm, Close, Sp, Sep, SContinue, Extend and Format), up to 60 of them, so
/// that windows meet, join and run to the text's ends.
std::string random_sentences(std::mt19937& random) {
  static const std::vector<std::string> pieces = {
      "word",
      "Word",
      "WORD",
      "a",
      "I",
      "x",
      " ",
      " ",
      "  ",
      ".",
      ".",
      "!",
      "?",
      "...",
      "\xE2\x80\xA6",  // horizontal ellipsis
      ",",
      ";",
      ":",
      "-",
      "(",
      ")",
      "\"",
      "'",
      "[",
      "]",
      "\xE2\x80\x9C",  // left double quotation mark
      "\xE2\x80\x9D",  // right double quotation mark
      "\xE2\x80\x99",  // right single quotation mark
      "\xC2\xBB",      // right guillemet
      "\n",
      "\r\n",
      "\r",
      "\t",
      "\xC2\xA0",           // no-break space
      "\xC2\x85",           // next line (Sep)
      "\xE2\x80\xA8",       // line separator (Sep)
      "\xE2\x80\xA9",       // paragraph separator (Sep)
      "\xCC\x81",           // combining acute accent (Extend)
      "\xC2\xAD",           // soft hyphen (Format)
      "\xE2\x80\x8D",       // zero width joiner
      "\xEF\xBC\x8E",       // fullwidth full stop (ATerm)
      "\xE3\x80\x82",       // ideographic full stop (STerm)
      "\xD8\x9F",           // Arabic question mark (STerm)
      "\xE3\x82\xA2",       // Katakana a (OLetter)
      "\xC3\xA9t\xC3\xA9",  // lower-case word, not ASCII
      "\xC3\x89",           // capital E acute
      "\xF0\x9D\x90\x80",   // mathematical bold capital A (Upper, a surrogate pair)
      "\xF0\x9F\x98\x80",   // emoji
      "3",
      "1.5",
      "Mr.",
      "Mrs.",
      "Dr.",
      "Capt.",
      "Prof.",
      "Sgt.",
      "Sept.",
      "Approx.",  // The longest before its first dot of ICU 72's English exceptions.
      "Ph.D.",
      "Ph.",
      "Hon.B.A.",
      "Lt.Cdr.",
      "U.S.",
      "U.S.A.",
      "e.g.",
      "i.e.",
      "etc.",
      "a.m.",
      "p.m.",
      "vs.",
      "No.",
      "Jan.",
      "approx.",
      "Inc.",
  };
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 60);
  std::string text;
  for (int n = count(random); n > 0; --n) text += pieces[pick(random)];
  return text;
}

/// Each sentence's bytes, for failure messages that show where two lists part.
std::vector<std::string> sentence_texts(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span span : spans) out.emplace_back(text.substr(span.begin, span.size()));
  return out;
}

/// Our samples and test texts, and English prose we did not write where the system has it:
/// each file's path and bytes.
std::vector<std::pair<std::string, std::string>> whole_texts() {
  std::vector<std::pair<std::string, std::string>> texts;
  for (const char* root : {"samples", "tests/corpus", "/usr/share/common-licenses"}) {
    if (!std::filesystem::is_directory(root)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      texts.emplace_back(entry.path().string(), bytes.str());
    }
  }
  return texts;
}

}  // namespace

TEST_CASE("sentences found in windows are ICU's over the whole text", "[segment]") {
  Segmenter segmenter;
  for (const std::string text :
       {"One. Two.", "Mr. Smith went. He came.", "Hon.B.A. Jones left.", "Dr.  Who? Yes!",
        "e.g. this one", "(It works.) Then", "He said \"go.\" She went.", "a.b.c. D", "3.5 is. 4",
        "End.\nNext line\r\nand more.\r\n", "No terminator at all", "   ", ". . .", "?!", "x.Y",
        "5.Y", "Ph. D. Smith", "U.S. Army units. The U.S.A. Then",
        "A sentence that runs on for a long while before it ends at last. Another follows it."}) {
    INFO(text);
    CHECK(sentence_texts(text, segmenter.sentences(text)) ==
          sentence_texts(text, segmenter.icu_sentences(text)));
  }
  std::mt19937 random(20261128);
  for (int round = 0; round < 30000; ++round) {
    const std::string text = round % 3 == 0 ? random_edges(random) : random_sentences(random);
    INFO(text);
    REQUIRE(sentence_texts(text, segmenter.sentences(text)) ==
            sentence_texts(text, segmenter.icu_sentences(text)));
  }
}

TEST_CASE("sentences found in windows are ICU's in whole texts", "[segment]") {
  // Each file whole, and each of its paragraphs (blocks) as the pipeline gives them.
  const auto texts = whole_texts();
  REQUIRE(texts.size() > 10);
  Segmenter segmenter;
  std::size_t sentences = 0;
  for (const auto& [path, text] : texts) {
    INFO(path);
    const std::vector<Span> ours = segmenter.sentences(text);
    CHECK(sentence_texts(text, ours) == sentence_texts(text, segmenter.icu_sentences(text)));
    sentences += ours.size();
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t blank = text.find("\n\n", at);
      const std::string paragraph =
          text.substr(at, blank == std::string::npos ? blank : blank - at);
      CHECK(sentence_texts(paragraph, segmenter.sentences(paragraph)) ==
            sentence_texts(paragraph, segmenter.icu_sentences(paragraph)));
      if (blank == std::string::npos) break;
      at = blank + 2;
    }
  }
  CHECK(sentences > 1000);
}

TEST_CASE("sentence spans are ICU's over the UTF-8 bytes", "[segment]") {
  std::mt19937 random(20261126);
  Segmenter segmenter;
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(random, round % 2 == 1);
    std::vector<Span> expected;
    for (const IcuSegment& segment : icu_segments_of_utf8(text, true))
      expected.push_back(segment.span);
    INFO(text);
    REQUIRE(segmenter.sentences(text) == expected);
    // Both at once, the text made ready once: the same as each alone.
    const Segments both = segmenter.segments(text, true, true);
    REQUIRE(both.sentences == expected);
    const std::vector<Token> alone = segmenter.tokens(text);
    REQUIRE(both.tokens.size() == alone.size());
    for (std::size_t i = 0; i < alone.size(); ++i) {
      REQUIRE(Span(both.tokens[i].span()) == Span(alone[i].span()));
      REQUIRE(both.tokens[i].kind() == alone[i].kind());
    }
  }
}

TEST_CASE("word and number tokens are ICU's words over the UTF-8 bytes", "[segment]") {
  std::mt19937 random(20261127);
  Segmenter segmenter;
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(random, round % 2 == 1);
    INFO(text);
    const std::vector<Token> tokens = segmenter.tokens(text);
    std::set<std::pair<std::size_t, std::size_t>> icu_words;
    for (const IcuSegment& segment : icu_segments_of_utf8(text, false)) {
      if (segment.status >= UBRK_WORD_NUMBER)
        icu_words.insert({segment.span.begin, segment.span.end});
    }
    std::set<std::pair<std::size_t, std::size_t>> ours;
    for (const Token& token : tokens) {
      if (token.kind() == TokenKind::word || token.kind() == TokenKind::number) {
        ours.insert({token.span().begin, token.span().end});
      }
    }
    // Ours are ICU's, less the ones inside URLs, addresses, handles and hashtags.
    for (const auto& word : ours) CHECK(icu_words.count(word) == 1);
    std::size_t inside_nonwords = 0;
    for (const auto& [begin, end] : icu_words) {
      for (const Token& token : tokens) {
        const bool nonword = token.kind() != TokenKind::word && token.kind() != TokenKind::number;
        if (nonword && token.span().begin < end && begin < token.span().end) {
          ++inside_nonwords;
          break;
        }
      }
    }
    CHECK(ours.size() + inside_nonwords == icu_words.size());
  }
}

TEST_CASE("words keep straight and curly apostrophes", "[segment]") {
  const auto tokens = tokens_of("Don't stop: the council\xE2\x80\x99s plan.");
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].first == "Don't");
  CHECK(tokens[3].first == "council\xE2\x80\x99s");
}

TEST_CASE("hyphenated words are split into their parts; numbers are numbers", "[segment]") {
  const auto tokens = tokens_of("A well-known 3.5 per cent rise in 2026.");
  REQUIRE(tokens.size() == 9);
  CHECK(tokens[1].first == "well");
  CHECK(tokens[2].first == "known");
  CHECK(tokens[3] == std::make_pair(std::string("3.5"), TokenKind::number));
  CHECK(tokens[8] == std::make_pair(std::string("2026"), TokenKind::number));
}

TEST_CASE("URLs, e-mail addresses, handles and hashtags are non-words", "[segment]") {
  const auto tokens = tokens_of(
      "See https://example.org/a-b?c=d, mail press@example.org, "
      "follow @porthaven_hq #HarbourDay or www.example.org/x.");
  std::vector<std::pair<std::string, TokenKind>> nonwords;
  for (const auto& token : tokens) {
    if (token.second != TokenKind::word) nonwords.push_back(token);
  }
  REQUIRE(nonwords.size() == 5);
  CHECK(nonwords[0] == std::make_pair(std::string("https://example.org/a-b?c=d"), TokenKind::url));
  CHECK(nonwords[1] == std::make_pair(std::string("press@example.org"), TokenKind::email));
  CHECK(nonwords[2] == std::make_pair(std::string("@porthaven_hq"), TokenKind::handle));
  CHECK(nonwords[3] == std::make_pair(std::string("#HarbourDay"), TokenKind::hashtag));
  CHECK(nonwords[4] == std::make_pair(std::string("www.example.org/x"), TokenKind::url));
}

TEST_CASE("bare domains are URLs", "[segment]") {
  const auto tokens = tokens_of("Visit porthaven.org today.");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[1].second == TokenKind::url);
}

TEST_CASE("sentences are byte spans that cover the text", "[segment]") {
  Segmenter segmenter;
  const std::string text = "Mr. Brook said so. The vote passed! Did it?";
  const std::vector<Span> sentences = segmenter.sentences(text);
  REQUIRE(sentences.size() == 3);
  CHECK(text.substr(sentences[0].begin, sentences[0].size()) == "Mr. Brook said so. ");
  CHECK(sentences.back().end == text.size());
}

TEST_CASE("comparison is NFC- and case-aware", "[segment]") {
  CHECK(same_word("Caf\xC3\xA9", "cafe\xCC\x81"));
  CHECK(same_word("THE", "the"));
  CHECK_FALSE(same_word("the", "then"));
  CHECK(same_word("tHe", "ThE"));
  CHECK_FALSE(same_word("the", "thy"));
  CHECK_FALSE(same_word("a1", "A2"));
  CHECK(same_word("STRASSE",
                  "stra\xC3\x9F"
                  "e"));  // One side ASCII: full case folding.
  // An ASCII first letter composed with a mark after it matches the composed letter.
  CHECK(same_word("E\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9"));
  CHECK_FALSE(same_word("et\xC3\xA9", "\xC3\xA9t\xC3\xA9"));
  // Whatever the first bytes, the answer is that of the folded, composed forms.
  const std::vector<std::string> words{"the",
                                       "The",
                                       "THE",
                                       "then",
                                       "a",
                                       "A",
                                       "caf\xC3\xA9",
                                       "CAFE\xCC\x81",
                                       "cafe",
                                       "safe",
                                       "\xC3\xA9t\xC3\xA9",
                                       "e\xCC\x81t\xC3\xA9",
                                       "ete",
                                       "\xC3\x89T\xC3\x89",
                                       "<\xCC\xB8",
                                       "\xE2\x89\xAE",
                                       "=\xCC\xB8",
                                       "1",
                                       "-"};
  for (const std::string& x : words) {
    for (const std::string& y : words) {
      INFO(x << " / " << y);
      CHECK(same_word(x, y) == (fold_key(x) == fold_key(y)));
    }
  }
}

}  // namespace galley

namespace galley {

TEST_CASE("plain words taken without ICU are ICU's own tokens", "[segment]") {
  Segmenter segmenter;
  for (const std::string text : {"plain words only",
                                 "Mr. Smith",
                                 "e.g. this",
                                 "don't",
                                 "it\xE2\x80\x99s",
                                 "a.b",
                                 "a:b",
                                 "a.5",
                                 "5.a",
                                 ".a",
                                 "a.",
                                 "a'",
                                 "'a",
                                 "a_b",
                                 "a1",
                                 "1a",
                                 "a\xCC\x81",
                                 "\xC3\xA9"
                                 "a",
                                 "a\xC2\xAD"
                                 "b",
                                 "(a) [b] {c}",
                                 "\"quoted\" words",
                                 "x.y.z",
                                 "U.S.A.",
                                 "a  b",
                                 "a\tb\nc",
                                 "a,b;c"}) {
    INFO(text);
    CHECK(listed(segmenter.tokens(text)) == listed(segmenter.icu_tokens(text)));
  }
  std::mt19937 random(20261127);
  for (int round = 0; round < 20000; ++round) {
    const std::string text = random_edges(random);
    INFO(text);
    REQUIRE(listed(segmenter.tokens(text)) == listed(segmenter.icu_tokens(text)));
  }
}

TEST_CASE("plain words taken without ICU are ICU's own tokens in whole texts", "[segment]") {
  const auto texts = whole_texts();
  REQUIRE(texts.size() > 10);
  Segmenter segmenter;
  std::size_t tokens = 0;
  for (const auto& [path, text] : texts) {
    INFO(path);
    const std::vector<Token> ours = segmenter.tokens(text);
    CHECK(listed(ours) == listed(segmenter.icu_tokens(text)));
    tokens += ours.size();
  }
  CHECK(tokens > 10000);
}

}  // namespace galley
