#include <catch2/catch.hpp>

#include "segment/normalize.hpp"
#include "segment/segmenter.hpp"

namespace galley {
namespace {

std::vector<std::pair<std::string, TokenKind>> tokens_of(std::string_view text) {
  Segmenter segmenter;
  std::vector<std::pair<std::string, TokenKind>> out;
  for (const Token& token : segmenter.tokens(text)) {
    out.emplace_back(std::string(text.substr(token.span().begin, token.span().size())), token.kind());
  }
  return out;
}

}  // namespace

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
  const auto tokens = tokens_of("See https://example.org/a-b?c=d, mail press@example.org, "
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
}

}  // namespace galley
