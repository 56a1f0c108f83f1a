#include "segment/token_forms.hpp"

#include <algorithm>

namespace galley {

void number_tokens(std::string_view text, const std::vector<Token>& tokens, StringIndex& texts,
                   std::vector<std::uint32_t>& ids) {
  ids.clear();
  ids.reserve(tokens.size());
  for (const Token& token : tokens) {
    ids.push_back(texts.intern(text.substr(token.span().begin, token.span().size())));
  }
}

void merge_token_forms(TokenForms& forms, const StringIndex& other,
                       std::span<const std::pair<std::size_t, std::size_t>> blocks) {
  std::vector<std::uint32_t> renumbered(other.size());
  for (std::uint32_t id = 0; id < other.size(); ++id) {
    renumbered[id] = forms.texts.intern(other.text(id));
  }
  for (const auto& [from, to] : blocks) {
    for (std::size_t b = from; b < to; ++b) {
      for (std::uint32_t& id : forms.by_block[b]) id = renumbered[id];
    }
  }
}

std::size_t token_text_room(std::size_t bytes) {
  return std::min<std::size_t>(bytes / 8 + 16, std::size_t{1} << 16U);
}

}  // namespace galley
