// Fuzzes the segmenter's shortcuts past ICU: for any bytes, the tokens it finds are those of
// ICU's own boundaries (Segmenter::icu_tokens), spans and kinds alike, and the sentences it finds
// through windows are those of ICU's iteration over the whole text (Segmenter::icu_sentences).
#include <string_view>

#include "fuzz_support.hpp"
#include "segment/segmenter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static galley::Segmenter segmenter;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<galley::Token> ours = segmenter.tokens(text);
  const std::vector<galley::Token> icu = segmenter.icu_tokens(text);
  galley::fuzz::require(ours.size() == icu.size(), "as many tokens as ICU's boundaries give");
  for (std::size_t i = 0; i < ours.size(); ++i) {
    galley::fuzz::require(ours[i].span().begin == icu[i].span().begin &&
                              ours[i].span().end == icu[i].span().end &&
                              ours[i].kind() == icu[i].kind(),
                          "each token as ICU's boundaries give it");
  }
  const std::vector<galley::Span> sentences = segmenter.sentences(text);
  galley::fuzz::require(sentences == segmenter.icu_sentences(text),
                        "the sentences ICU gives over the whole text");
  return 0;
}
