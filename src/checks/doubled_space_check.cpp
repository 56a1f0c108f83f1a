#include "checks/doubled_space_check.hpp"

#include "checks/registry.hpp"

namespace galley {
namespace {

constexpr std::string_view kId = "typography.doubled-space";

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

}  // namespace

std::unique_ptr<Check> DoubledSpaceCheck::make(const Settings& /*settings*/) {
  return std::make_unique<DoubledSpaceCheck>();
}

// Only runs of U+0020 between two visible characters on one line: indentation and alignment at
// line ends are layout, and HTML readers have already collapsed white space as a browser would.
void DoubledSpaceCheck::check(const AnalyzedDocument& doc, std::vector<Finding>& out) {
  const CheckInfo& info = *find_check(kId);
  for (const Block& block : doc.doc.blocks) {
    const std::string_view text = block.text;
    std::size_t pos = 0;
    while ((pos = text.find("  ", pos)) != std::string_view::npos) {
      std::size_t end = pos;
      while (end < text.size() && text[end] == ' ') ++end;
      const bool inside_line = pos > 0 && !is_line_break(text[pos - 1]) && text[pos - 1] != '\t' &&
                               end < text.size() && !is_line_break(text[end]) && text[end] != '\t';
      if (inside_line) {
        out.push_back(make_finding(info, block.to_source({pos, end}),
                                   std::to_string(end - pos) + " spaces where one is meant", {" "}));
      }
      pos = end;
    }
  }
}

}  // namespace galley
