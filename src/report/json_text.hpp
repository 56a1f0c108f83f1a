#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

/// Appends `text` to `out` as a JSON string literal, quotes included: `"` and `\` escaped,
/// control characters as \u00XX, each byte of invalid UTF-8 replaced by U+FFFD. With
/// `for_html`, `<`, `>` and `&` are escaped as well, so the literal is safe inside a script.
void append_json_string(std::string& out, std::string_view text, bool for_html = false);

/// `text` as a JSON string literal (see append_json_string).
std::string json_string(std::string_view text, bool for_html = false);

/// Builds one JSON value, indented two spaces a level: enough for SARIF, in document order.
class JsonBuilder {
 public:
  /// Opens an object `{`.
  JsonBuilder& begin_object();
  /// Closes the innermost object.
  JsonBuilder& end_object();
  /// Opens an array `[`.
  JsonBuilder& begin_array();
  /// Closes the innermost array.
  JsonBuilder& end_array();
  /// The name of the next member of the current object.
  JsonBuilder& key(std::string_view name);
  /// A string value.
  JsonBuilder& string(std::string_view text);
  /// A whole-number value.
  JsonBuilder& number(std::size_t value);
  /// true or false.
  JsonBuilder& boolean(bool value);
  /// A member with a string value.
  JsonBuilder& field(std::string_view name, std::string_view text) {
    return key(name).string(text);
  }
  /// A member with a number value.
  JsonBuilder& field(std::string_view name, std::size_t value) { return key(name).number(value); }
  /// The text so far (since the last flush()).
  [[nodiscard]] const std::string& str() const { return out_; }
  /// Writes the text so far to `out` and forgets it; what follows continues the same value, so
  /// a long array goes out piece by piece instead of being held whole.
  void flush(std::ostream& out) {
    out << out_;
    out_.clear();
  }

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);

  std::string out_;
  std::vector<bool> empty_;  ///< Per open container: nothing written in it yet.
  bool after_key_ = false;
};

}  // namespace galley
