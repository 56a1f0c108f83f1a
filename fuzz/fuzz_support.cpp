#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>

#include "core/source_text.hpp"
#include "core/utf8.hpp"

namespace galley::fuzz {

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

void require_inside(const LoadError& error, std::string_view bytes) {
  require(!error.path().empty(), "a load error names its file");
  (void)error.describe();
  if (error.line() == 0) return;
  const SourceText source("fuzz", std::string(bytes));
  require(error.line() <= source.line_count(), "a load error's line is inside the file");
  // Counted over the raw line: an XML error may point at the CR or LF that ends it.
  const std::size_t start = source.line_start(error.line());
  const std::size_t end =
      error.line() < source.line_count() ? source.line_start(error.line() + 1) : bytes.size();
  const std::size_t columns = utf8::count_code_points(bytes.substr(start, end - start));
  require(error.column() >= 1 && error.column() <= columns + 1,
          "a load error's column is on its line");
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
