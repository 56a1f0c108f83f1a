#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>

#include "core/utf8.hpp"

namespace galley::fuzz {

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

void read_and_verify(const std::uint8_t* data, std::size_t size, InputFormat format) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const Document doc = read_document(SourceText("fuzz", bytes), format);
  const std::string_view source = doc.source.bytes();
  for (const Block& block : doc.blocks) {
    require(block.span.begin <= block.span.end && block.span.end <= source.size(), "block span inside source");
    std::size_t expected = 0;
    for (const TextPiece& piece : block.pieces) {
      require(piece.text_begin == expected, "pieces cover the text in order");
      require(piece.text_end > piece.text_begin, "pieces are not empty");
      require(piece.source.end <= source.size(), "piece inside source");
      if (piece.verbatim) {
        require(source.substr(piece.source.begin, piece.source.size()) ==
                    std::string_view(block.text).substr(piece.text_begin, piece.text_end - piece.text_begin),
                "verbatim piece equals its source bytes");
      }
      expected = piece.text_end;
    }
    require(expected == block.text.size(), "pieces cover the whole text");
  }
  for (const Finding& finding : doc.reader_findings) {
    require(finding.span.end <= source.size(), "reader finding inside source");
  }
}

}  // namespace galley::fuzz
