// .galley.xml -> ConfigFile. Reads, validates with early LoadErrors pointing at the element (or
// the value) at fault, then commits, as the rule loader does. No DTD: a DOCTYPE is an error, and
// pugixml expands no entities but the five predefined ones and character references.
#include "config/config.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <pugixml.hpp>

#include "core/load_error.hpp"

namespace galley {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kWhitespace = " \t\r\n";

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(kWhitespace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kWhitespace) + 1 - first);
}

class ConfigParser {
 public:
  ConfigParser(const std::string& path, std::string_view bytes) {
    config_.source = SourceText(path, std::string(bytes));
    const fs::path dir = fs::path(path).parent_path();
    config_.dir = dir.empty() ? "." : dir.string();
  }

  ConfigFile parse() {
    pugi::xml_document doc;
    const std::string_view bytes = config_.source.bytes();
    const pugi::xml_parse_result result = doc.load_buffer(
        bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!result) throw error_at(static_cast<std::size_t>(result.offset), result.description());
    pugi::xml_node root;
    for (const pugi::xml_node node : doc.children()) {
      if (node.type() == pugi::node_doctype)
        throw error_at(node, "DOCTYPE is not allowed in a config file");
      if (node.type() == pugi::node_element) root = node;
    }
    if (std::string_view(root.name()) != "galley-config") {
      throw error_at(root, "the root element must be <galley-config>");
    }
    read_root_attributes(root);
    for (const pugi::xml_node node : root.children()) {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        const std::string_view text = node.value();
        if (trim(text).empty()) continue;
        const auto at =
            static_cast<std::size_t>(node.offset_debug()) + text.find_first_not_of(kWhitespace);
        throw error_at(at, "text outside an element");
      }
      if (node.type() == pugi::node_element) read_setting(node);
    }
    return std::move(config_);
  }

 private:
  ConfigFile config_;

  LoadError error_at(std::size_t offset, const std::string& message) const {
    const SourceText& source = config_.source;
    const LineColumn at = source.locate(std::min(offset, source.bytes().size()));
    return {source.path(), at.line, at.column, message, std::string(source.line_text(at.line))};
  }

  LoadError error_at(const pugi::xml_node node, const std::string& message) const {
    if (node.type() == pugi::node_doctype) {
      const std::size_t name =
          static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0));
      return error_at(std::min(name, config_.source.bytes().rfind("<!", name)), message);
    }
    return error_at(element_offset(node), message);
  }

  // pugixml's offset_debug() points at an element's name; we point at its '<'.
  static std::size_t element_offset(const pugi::xml_node node) {
    const std::ptrdiff_t offset = node ? node.offset_debug() : 0;
    if (offset <= 0) return 0;
    return static_cast<std::size_t>(node.type() == pugi::node_element ? offset - 1 : offset);
  }

  /// Where the value of attribute `name` starts in the element's start tag (the '<' if not found).
  std::size_t attribute_offset(const pugi::xml_node node, std::string_view name) const {
    const std::string_view bytes = config_.source.bytes();
    const std::size_t start = element_offset(node);
    const std::size_t tag_end = std::min(bytes.find('>', start), bytes.size());
    const std::string_view tag = bytes.substr(start, tag_end - start);
    for (std::size_t at = tag.find(name); at != std::string_view::npos;
         at = tag.find(name, at + 1)) {
      const bool starts_word = at > 0 && kWhitespace.find(tag[at - 1]) != std::string_view::npos;
      std::size_t pos = tag.find_first_not_of(kWhitespace, at + name.size());
      if (!starts_word || pos == std::string_view::npos || tag[pos] != '=') continue;
      pos = tag.find_first_not_of(kWhitespace, pos + 1);
      if (pos != std::string_view::npos && (tag[pos] == '"' || tag[pos] == '\''))
        return start + pos + 1;
    }
    return start;
  }

  void read_root_attributes(const pugi::xml_node root) const {
    for (const pugi::xml_attribute attribute : root.attributes()) {
      if (std::string_view(attribute.name()) != "xmlns") {
        throw error_at(
            root, "unknown attribute '" + std::string(attribute.name()) + "' on <galley-config>");
      }
      if (attribute.value() != kConfigNamespace) {
        throw error_at(attribute_offset(root, "xmlns"),
                       "the namespace must be " + std::string(kConfigNamespace));
      }
    }
  }

  void read_setting(const pugi::xml_node node) {
    const std::string_view name = node.name();
    if (name == "language") return read_language(node);
    if (name == "fail-on") return read_fail_on(node);
    if (name == "rule") return read_rule(node);
    if (name == "dictionary") return read_path(node, config_.dictionaries);
    if (name == "rules") return read_path(node, config_.rule_paths);
    if (name == "ignore") return read_ignore(node);
    throw error_at(node, "unknown element <" + std::string(name) +
                             "> (language, dictionary, rules, rule, ignore, fail-on)");
  }

  /// The element's text, trimmed, and the offset of its first byte; elements inside are errors.
  std::pair<std::string, std::size_t> text_of(const pugi::xml_node node) const {
    check_attributes(node, {});
    std::string text;
    std::size_t offset = element_offset(node);
    for (const pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_element) {
        throw error_at(child, "<" + std::string(node.name()) + "> holds text only");
      }
      if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
      const std::string_view value = child.value();
      if (text.empty() && !trim(value).empty()) {
        offset =
            static_cast<std::size_t>(child.offset_debug()) + value.find_first_not_of(kWhitespace);
      }
      text += value;
    }
    return {std::string(trim(text)), offset};
  }

  void check_attributes(const pugi::xml_node node,
                        std::initializer_list<std::string_view> known) const {
    for (const pugi::xml_attribute attribute : node.attributes()) {
      if (std::find(known.begin(), known.end(), attribute.name()) == known.end()) {
        throw error_at(node, "unknown attribute '" + std::string(attribute.name()) + "' on <" +
                                 node.name() + ">");
      }
    }
  }

  /// A leaf element's required attribute; an element inside or a missing or empty value is an
  /// error.
  std::string required(const pugi::xml_node node, const char* name,
                       std::initializer_list<std::string_view> known) const {
    check_attributes(node, known);
    if (const pugi::xml_node child = node.find_child([](pugi::xml_node c) {
          return c.type() == pugi::node_element || !trim(c.value()).empty();
        })) {
      throw error_at(child, "<" + std::string(node.name()) + "> takes no content");
    }
    const pugi::xml_attribute attribute = node.attribute(name);
    if (!attribute)
      throw error_at(node, "<" + std::string(node.name()) + "> needs a " + name + " attribute");
    if (trim(attribute.value()).empty())
      throw error_at(attribute_offset(node, name), std::string(name) + " is empty");
    return attribute.value();
  }

  template <typename T>
  void once(const std::optional<Configured<T>>& slot, const pugi::xml_node node) const {
    if (!slot) return;
    const LineColumn first = config_.source.locate(slot->offset);
    throw error_at(node, "<" + std::string(node.name()) + "> given twice (first on line " +
                             std::to_string(first.line) + ")");
  }

  void read_language(const pugi::xml_node node) {
    once(config_.language, node);
    const auto [value, offset] = text_of(node);
    if (value != "auto" && value != "en-US" && value != "en-GB") {
      throw error_at(offset, "language must be auto, en-US or en-GB, not '" + value + "'");
    }
    config_.language = Configured<std::string>{value, element_offset(node)};
  }

  void read_fail_on(const pugi::xml_node node) {
    once(config_.fail_on, node);
    const auto [value, offset] = text_of(node);
    const std::optional<Severity> severity = parse_severity(value);
    if (!severity && value != "never") {
      throw error_at(offset, "fail-on must be error, warning, info or never, not '" + value + "'");
    }
    config_.fail_on = Configured<std::optional<Severity>>{severity, element_offset(node)};
  }

  void read_rule(const pugi::xml_node node) {
    const std::string id = required(node, "id", {"id", "severity"});
    for (const Configured<RuleSetting>& other : config_.rules) {
      if (other.value.id == id) {
        throw error_at(node, "rule '" + id + "' given twice (first on line " +
                                 std::to_string(config_.source.locate(other.offset).line) + ")");
      }
    }
    const std::string level = required(node, "severity", {"id", "severity"});
    const std::optional<Severity> severity = parse_severity(level);
    if (!severity && level != "off") {
      throw error_at(attribute_offset(node, "severity"),
                     "severity must be off, info, warning or error, not '" + level + "'");
    }
    config_.rules.push_back({{id, severity}, element_offset(node)});
  }

  void read_path(const pugi::xml_node node, std::vector<Configured<std::string>>& out) {
    const std::string path = required(node, "path", {"path"});
    out.push_back(
        {(fs::path(config_.dir) / path).lexically_normal().string(), element_offset(node)});
  }

  void read_ignore(const pugi::xml_node node) {
    const std::string glob = required(node, "glob", {"glob"});
    const std::string padded = "/" + glob + "/";
    if (glob.front() == '/' || padded.find("/../") != std::string::npos ||
        padded.find("/./") != std::string::npos) {
      throw error_at(attribute_offset(node, "glob"),
                     "a glob is relative to the config file's directory, without '/', '.' or '..' "
                     "at the start of a segment: '" +
                         glob + "'");
    }
    config_.ignore.push_back({glob, element_offset(node)});
  }
};

}  // namespace

std::string ConfigFile::origin(std::size_t offset) const {
  return path() + ":" + std::to_string(source.locate(offset).line);
}

ConfigFile parse_config(const std::string& path, std::string_view bytes) {
  return ConfigParser(path, bytes).parse();
}

ConfigFile load_config(const std::string& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) throw LoadError(path, "is a directory, not a config file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path, "cannot read this config file");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_config(path, bytes);
}

std::string find_config(const std::string& dir) {
  std::error_code error;
  const fs::path cwd = fs::current_path(error);
  fs::path at = fs::absolute(dir, error).lexically_normal();
  if (!at.has_filename() && at != at.root_path()) at = at.parent_path();  // "a/b/" -> "a/b"
  for (;;) {
    const fs::path candidate = at / kConfigFileName;
    if (fs::is_regular_file(candidate, error)) {
      const fs::path relative = candidate.lexically_relative(cwd);
      const bool under_cwd = !cwd.empty() && !relative.empty() && *relative.begin() != "..";
      return under_cwd ? relative.string() : candidate.string();
    }
    if (at == at.parent_path()) return {};
    at = at.parent_path();
  }
}

std::string search_start(const std::string& input_path) {
  if (input_path == "-") return ".";
  const fs::path dir = fs::path(input_path).parent_path();
  return dir.empty() ? "." : dir.string();
}

}  // namespace galley
