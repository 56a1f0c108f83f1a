// The typography checks that scan a block for their marks eight bytes at a time (next_in):
// marks at a block's first and last bytes, and blocks shorter than one step.
#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace galley {
namespace {

/// The spans of `rule`'s findings on plain text `text` (one block, so source offsets).
std::vector<Span> spans_of(const std::string& rule, const std::string& text) {
  std::vector<Span> spans;
  for (const Finding& f : test::check_document(test::read(text, InputFormat::text))) {
    if (f.rule == rule) spans.push_back(f.span);
  }
  return spans;
}

}  // namespace

TEST_CASE("typography: marks at a block's edges and in blocks shorter than eight bytes",
          "[typography]") {
  const std::string after = "typography.missing-space-after-punctuation";
  // A mark needs two letters after it: the third last byte is the last place it counts.
  CHECK(spans_of(after, "The board met today,at") == std::vector<Span>{{19, 20}});
  CHECK(spans_of(after, "The board met today,a").empty());
  CHECK(spans_of(after, "The board met today,").empty());
  CHECK(spans_of(after, "ab,cd") == std::vector<Span>{{2, 3}});
  CHECK(spans_of(after, "b,cd").empty());
  CHECK(spans_of(after, ",").empty());

  const std::string before = "typography.space-before-punctuation";
  CHECK(spans_of(before, "It rained all day .") == std::vector<Span>{{17, 18}});
  CHECK(spans_of(before, "Wet ,") == std::vector<Span>{{3, 4}});
  CHECK(spans_of(before, "a ;") == std::vector<Span>{{1, 2}});
  CHECK(spans_of(before, ", a").empty());  // Nothing before the first byte.

  const std::string brackets = "typography.unbalanced-brackets";
  CHECK(spans_of(brackets, "The plan (draft") == std::vector<Span>{{9, 10}});
  CHECK(spans_of(brackets, "Plan (") == std::vector<Span>{{5, 6}});
  CHECK(spans_of(brackets, "(a)").empty());
  CHECK(spans_of(brackets, "[a") == std::vector<Span>{{0, 1}});
}

}  // namespace galley
