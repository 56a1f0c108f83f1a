// JSON string escaping by hand: the only JSON galley writes is flat records and SARIF, and
// Debian's package set has no JSON library the project uses. Everything else is numbers.
#include "report/json_text.hpp"

#include <array>
#include <cstdio>

#include "core/utf8.hpp"

namespace galley {
namespace {

void append_unicode_escape(std::string& out, unsigned code) {
  std::array<char, 8> hex{};
  std::snprintf(hex.data(), hex.size(), "\\u%04x", code);
  out += hex.data();
}

/// The escape for an ASCII byte, or nullptr when it stands for itself.
const char* short_escape(char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    default:
      return nullptr;
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text, bool for_html) {
  out += '"';
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = utf8::sequence_length(text, pos);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++pos;
      continue;
    }
    if (length > 1) {
      const char32_t cp = utf8::decode(text, pos);
      // U+2028 and U+2029 end lines in older JavaScript parsers.
      if (cp == 0x2028 || cp == 0x2029) {
        append_unicode_escape(out, static_cast<unsigned>(cp));
      } else {
        out.append(text.substr(pos, length));
      }
      pos += length;
      continue;
    }
    const char c = text[pos++];
    const auto byte = static_cast<unsigned char>(c);
    if (const char* escape = short_escape(c)) {
      out += escape;
    } else if (byte < 0x20 || byte == 0x7F || (for_html && (c == '<' || c == '>' || c == '&'))) {
      append_unicode_escape(out, byte);
    } else {
      out += c;
    }
  }
  out += '"';
}

std::string json_string(std::string_view text, bool for_html) {
  std::string out;
  out.reserve(text.size() + 2);
  append_json_string(out, text, for_html);
  return out;
}

void JsonBuilder::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  out_ += '\n';
  out_.append(2 * empty_.size(), ' ');
}

void JsonBuilder::open(char bracket) {
  before_value();
  out_ += bracket;
  empty_.push_back(true);
}

void JsonBuilder::close(char bracket) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) {
    out_ += '\n';
    out_.append(2 * empty_.size(), ' ');
  }
  out_ += bracket;
}

JsonBuilder& JsonBuilder::begin_object() {
  open('{');
  return *this;
}

JsonBuilder& JsonBuilder::end_object() {
  close('}');
  return *this;
}

JsonBuilder& JsonBuilder::begin_array() {
  open('[');
  return *this;
}

JsonBuilder& JsonBuilder::end_array() {
  close(']');
  return *this;
}

JsonBuilder& JsonBuilder::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonBuilder& JsonBuilder::string(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

JsonBuilder& JsonBuilder::number(std::size_t value) {
  before_value();
  out_ += std::to_string(value);
  return *this;
}

JsonBuilder& JsonBuilder::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
  return *this;
}

}  // namespace galley
