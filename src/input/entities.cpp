#include "input/entities.hpp"

#include <gumbo.h>

#include <cctype>
#include <map>

#include "core/utf8.hpp"

namespace galley {
namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// The text gumbo decodes `candidate` to, as the content of a body.
std::string gumbo_decode(std::string_view candidate) {
  const std::string html = "<body>" + std::string(candidate);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  std::string decoded;
  const GumboNode* body = nullptr;
  const GumboVector& roots = output->root->v.element.children;
  for (unsigned i = 0; i < roots.length; ++i) {
    const auto* node = static_cast<const GumboNode*>(roots.data[i]);
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY) body = node;
  }
  if (body != nullptr && body->v.element.children.length > 0) {
    const auto* text = static_cast<const GumboNode*>(body->v.element.children.data[0]);
    if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_WHITESPACE) {
      decoded = text->v.text.text;
    }
  }
  gumbo_destroy_output(&options, output);
  return decoded;
}

}  // namespace

std::size_t entity_candidate_length(std::string_view text) {
  if (text.size() < 2 || text[0] != '&') return 0;
  std::size_t pos = 1;
  if (text[pos] == '#') {
    ++pos;
    const bool hex = pos < text.size() && (text[pos] == 'x' || text[pos] == 'X');
    if (hex) ++pos;
    const std::size_t digits_begin = pos;
    while (pos < text.size() && pos - digits_begin < 8 &&
           (hex ? std::isxdigit(static_cast<unsigned char>(text[pos])) != 0
                : std::isdigit(static_cast<unsigned char>(text[pos])) != 0)) {
      ++pos;
    }
    if (pos == digits_begin) return 0;
  } else {
    while (pos < text.size() && pos < 40 && is_alnum(text[pos])) ++pos;
    if (pos == 1) return 0;
  }
  if (pos < text.size() && text[pos] == ';') ++pos;
  return pos;
}

std::string decode_entity(std::string_view candidate, std::size_t& consumed) {
  thread_local std::map<std::string, std::pair<std::string, std::size_t>, std::less<>> cache;
  if (const auto hit = cache.find(candidate); hit != cache.end()) {
    consumed = hit->second.second;
    return hit->second.first;
  }
  std::string decoded = gumbo_decode(candidate);
  // Gumbo leaves unconsumed trailing bytes as they were: the common suffix is not the reference.
  std::size_t tail = 0;
  while (tail < candidate.size() - 1 && tail < decoded.size() &&
         candidate[candidate.size() - 1 - tail] == decoded[decoded.size() - 1 - tail]) {
    ++tail;
  }
  if (decoded == candidate) {
    consumed = 0;
  } else {
    consumed = candidate.size() - tail;
    decoded.resize(decoded.size() - tail);
  }
  if (cache.size() < 4096) cache.emplace(std::string(candidate), std::make_pair(decoded, consumed));
  return decoded;
}

void append_character_data(Block& block, std::string_view original, std::size_t source_begin,
                           bool collapse_space) {
  std::size_t pos = 0;
  std::size_t run_begin = 0;
  const auto flush = [&](std::size_t until) {
    block.append_verbatim(original.substr(run_begin, until - run_begin), source_begin + run_begin);
  };
  while (pos < original.size()) {
    const char c = original[pos];
    if (collapse_space && is_space(c)) {
      std::size_t end = pos;
      while (end < original.size() && is_space(original[end])) ++end;
      // A run after a space already in the text (e.g. around a removed element) adds nothing.
      const bool after_space = pos == run_begin && !block.text.empty() && block.text.back() == ' ';
      if (end - pos > 1 || c != ' ' || after_space) {
        flush(pos);
        if (!after_space) block.append_mapped(" ", {source_begin + pos, source_begin + end});
        run_begin = end;
      }
      pos = end;
      continue;
    }
    if (c == '&') {
      const std::size_t length = entity_candidate_length(original.substr(pos));
      std::size_t consumed = 0;
      const std::string decoded = length > 0 ? decode_entity(original.substr(pos, length), consumed) : "";
      if (consumed > 0) {
        flush(pos);
        block.append_mapped(decoded, {source_begin + pos, source_begin + pos + consumed});
        pos += consumed;
        run_begin = pos;
        continue;
      }
    }
    ++pos;
  }
  flush(original.size());
}

}  // namespace galley
