#include "rules/rule.hpp"

#include <cctype>

#include "core/ascii.hpp"

namespace galley {
namespace {

constexpr std::string_view kOpen = "\xC2\xAB";   // «
constexpr std::string_view kClose = "\xC2\xBB";  // »

}  // namespace

const Rule* RuleSet::find(std::string_view id) const {
  for (const Rule& rule : rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

UnmarkedExample unmark_example(std::string_view text) {
  UnmarkedExample out;
  const std::size_t open = text.find(kOpen);
  const std::size_t close =
      open == std::string_view::npos ? std::string_view::npos : text.find(kClose, open);
  if (close == std::string_view::npos) {
    out.text = std::string(text);
    return out;
  }
  out.text = std::string(text.substr(0, open));
  out.text += text.substr(open + kOpen.size(), close - open - kOpen.size());
  out.text += text.substr(close + kClose.size());
  out.marked = {open, close - kOpen.size()};
  out.has_mark = true;
  return out;
}

std::vector<std::string> required_words(const std::vector<RuleEntry>& entries) {
  std::vector<std::string> out;
  for (const RuleEntry& entry : entries) {
    std::string best;
    std::string word;
    bool ascii = true;  // A word with other letters may match in another case: never chosen.
    for (const char c : entry.text + " ") {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x80 || std::isalnum(byte) != 0) {
        ascii = ascii && byte < 0x80;
        word += c;
        continue;
      }
      if (ascii && word.size() > best.size()) best = word;
      word.clear();
      ascii = true;
    }
    if (best.empty()) return {};
    out.push_back(ascii_lower(best));
  }
  return out;
}

std::string_view to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::pattern:
      return "pattern";
    case RuleKind::phrase_list:
      return "phrase-list";
    case RuleKind::word_list:
      return "word-list";
  }
  return "pattern";
}

}  // namespace galley
