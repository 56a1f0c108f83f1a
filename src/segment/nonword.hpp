#pragma once

#include <string_view>
#include <vector>

#include "segment/segmenter.hpp"

namespace galley {

/// URLs, e-mail addresses, @handles and #hashtags in `text`, in order and not overlapping.
std::vector<Token> find_nonwords(std::string_view text);

/// `word` for an ICU word, or `url` for a bare domain such as "example.org".
TokenKind classify_word(std::string_view word);

}  // namespace galley
