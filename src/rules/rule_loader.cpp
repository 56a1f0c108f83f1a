// Rule files -> compiled rules. Reads, validates with early LoadErrors, then commits: a rule
// that reaches the RuleSet has an id, a message, a compiled expression and its examples.
#include "rules/rule_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <pugixml.hpp>

#include "core/ascii.hpp"
#include "core/data_path.hpp"
#include "core/load_error.hpp"
#include "core/source_text.hpp"
#include "rules/regex_shape.hpp"
#include "rules/rule_regex.hpp"

namespace galley {
namespace {

/// Elements each rule kind may hold; everything else is a load error.
bool allowed_child(RuleKind kind, std::string_view name) {
  static constexpr std::string_view kCommon[] = {
      "summary", "message", "rationale", "example", "unless-next-block", "unless-after-block",
      "requires"};
  if (std::find(std::begin(kCommon), std::end(kCommon), name) != std::end(kCommon)) return true;
  switch (kind) {
    case RuleKind::pattern:
      return name == "regex" || name == "suggestion";
    case RuleKind::phrase_list:
      return name == "phrase";
    case RuleKind::word_list:
      return name == "word" || name == "suggestion";
  }
  return false;
}

/// Lower-case ASCII words joined by single hyphens: "comment-anchor".
bool valid_name(std::string_view name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  if (name.find("--") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

/// The attributes an element inside a rule may carry.
std::vector<std::string_view> known_attributes(std::string_view element) {
  if (element == "example") return {"type", "suggestion"};
  if (element == "phrase") return {"replace"};
  if (element == "regex") return {"group"};
  return {};
}

class RuleFileParser {
 public:
  RuleFileParser(const std::string& path, std::string_view bytes)
      : source_(path, std::string(bytes)) {}

  std::vector<Rule> parse() {
    pugi::xml_document doc;
    const std::string_view bytes = source_.bytes();
    const pugi::xml_parse_result result = doc.load_buffer(
        bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!result) throw error_at(static_cast<std::size_t>(result.offset), result.description());
    pugi::xml_node root;
    for (const pugi::xml_node node : doc.children()) {
      if (node.type() == pugi::node_doctype)
        throw error_at(node, "DOCTYPE is not allowed in rule files");
      if (node.type() == pugi::node_element) root = node;
    }
    if (std::string_view(root.name()) != "rules")
      throw error_at(root, "the root element must be <rules>");
    read_pack(root);
    std::vector<Rule> rules;
    for (const pugi::xml_node node : root.children()) {
      if (node.type() == pugi::node_pcdata) throw error_at(node, "text outside a rule");
      if (node.type() != pugi::node_element) continue;
      rules.push_back(read_rule(node));
    }
    return rules;
  }

 private:
  SourceText source_;
  std::string category_;
  Severity severity_ = Severity::warning;

  LoadError error_at(std::size_t offset, const std::string& message) const {
    const LineColumn at = source_.locate(std::min(offset, source_.bytes().size()));
    return {source_.path(), at.line, at.column, message, std::string(source_.line_text(at.line))};
  }

  // pugixml's offset_debug() points at an element's name; the error points at its '<'.
  LoadError error_at(const pugi::xml_node node, const std::string& message) const {
    const std::ptrdiff_t offset = node ? node.offset_debug() : 0;
    std::size_t at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0));
    if (node.type() == pugi::node_element && at > 0) --at;
    if (node.type() == pugi::node_doctype) at = std::min(at, source_.bytes().rfind("<!", at));
    return error_at(at, message);
  }

  void check_attributes(const pugi::xml_node node,
                        const std::vector<std::string_view>& known) const {
    for (const pugi::xml_attribute attribute : node.attributes()) {
      const std::string_view name = attribute.name();
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        throw error_at(node,
                       "unknown attribute '" + std::string(name) + "' on <" + node.name() + ">");
      }
    }
  }

  Severity read_severity(const pugi::xml_node node, Severity fallback) const {
    const pugi::xml_attribute attribute = node.attribute("severity");
    if (!attribute) return fallback;
    const std::optional<Severity> severity = parse_severity(attribute.value());
    if (!severity) throw error_at(node, "severity must be info, warning or error");
    return *severity;
  }

  bool read_bool(const pugi::xml_node node, const char* name, bool fallback) const {
    const pugi::xml_attribute attribute = node.attribute(name);
    if (!attribute) return fallback;
    const std::string_view value = attribute.value();
    if (value != "true" && value != "false") {
      throw error_at(node, std::string(name) + " must be true or false");
    }
    return value == "true";
  }

  void read_pack(const pugi::xml_node root) {
    check_attributes(
        root, {"category", "severity", "version", "xmlns:xsi", "xsi:noNamespaceSchemaLocation"});
    category_ = root.attribute("category").value();
    if (!valid_name(category_)) throw error_at(root, "<rules> needs a category such as \"marker\"");
    const pugi::xml_attribute version = root.attribute("version");
    if (version && std::string_view(version.value()) != "1")
      throw error_at(root, "unknown version");
    severity_ = read_severity(root, Severity::warning);
  }

  Rule read_rule(const pugi::xml_node node) {
    const std::string_view element = node.name();
    Rule rule;
    if (element == "pattern") {
      rule.kind = RuleKind::pattern;
    } else if (element == "phrase-list") {
      rule.kind = RuleKind::phrase_list;
    } else if (element == "word-list") {
      rule.kind = RuleKind::word_list;
    } else {
      throw error_at(node, "unknown element <" + std::string(element) + ">");
    }
    check_attributes(node, {"id", "severity", "scope", "case-sensitive", "word-boundaries"});
    const std::string name = node.attribute("id").value();
    if (!valid_name(name))
      throw error_at(node, "a rule needs an id of lower-case words and hyphens");
    rule.id = category_ + "." + name;
    rule.category = category_;
    rule.severity = read_severity(node, severity_);
    const LineColumn at = source_.locate(element_offset(node));
    rule.origin = {source_.path(), at.line, at.column, std::string(source_.line_text(at.line))};
    read_scope(node, rule);
    read_children(node, rule);
    compile(node, rule);
    check_examples(node, rule);
    return rule;
  }

  std::size_t element_offset(const pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    return offset > 0 ? static_cast<std::size_t>(offset - 1) : 0;
  }

  void read_scope(const pugi::xml_node node, Rule& rule) const {
    const std::string_view scope = node.attribute("scope").as_string("prose");
    if (scope != "prose" && scope != "source")
      throw error_at(node, "scope must be prose or source");
    if (scope == "source" && rule.kind != RuleKind::pattern) {
      throw error_at(node, "only pattern rules can have scope=\"source\"");
    }
    rule.scope = scope == "source" ? RuleScope::source : RuleScope::prose;
  }

  std::string single_text(const pugi::xml_node node, const char* name, bool required) const {
    const pugi::xml_node child = node.child(name);
    if (!child && required)
      throw error_at(node, "<" + std::string(node.name()) + "> needs <" + name + ">");
    if (child && child.next_sibling(name))
      throw error_at(child.next_sibling(name), std::string("a second <") + name + ">");
    return child.child_value();
  }

  void read_children(const pugi::xml_node node, Rule& rule) const {
    for (const pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata) throw error_at(child, "text outside an element");
      if (child.type() != pugi::node_element) continue;
      if (!allowed_child(rule.kind, child.name())) {
        throw error_at(
            child, "unknown element <" + std::string(child.name()) + "> in <" + node.name() + ">");
      }
      check_attributes(child, known_attributes(child.name()));
      read_child(child, rule);
    }
    rule.summary = single_text(node, "summary", true);
    rule.message = single_text(node, "message", true);
    rule.rationale = single_text(node, "rationale", false);
    read_required(node, rule);
  }

  void read_child(const pugi::xml_node child, Rule& rule) const {
    const std::string_view name = child.name();
    if (name == "suggestion") {
      rule.suggestions.emplace_back(child.child_value());
    } else if (name == "phrase" || name == "word") {
      RuleEntry entry{child.child_value(), {}};
      if (entry.text.empty()) throw error_at(child, "an empty <" + std::string(name) + ">");
      if (const pugi::xml_attribute replace = child.attribute("replace"))
        entry.replace = split_alternatives(replace.value());
      rule.entries.push_back(std::move(entry));
    } else if (name == "example") {
      rule.examples.push_back(read_example(child));
    }
  }

  // Literals one of which must be in a text for the rule to run there: a cheap pre-check that
  // spares ICU most blocks. Lists derive theirs from their entries.
  void read_required(const pugi::xml_node node, Rule& rule) const {
    if (!node.child("requires")) {
      if (rule.kind != RuleKind::pattern) rule.required = required_words(rule.entries);
      return;
    }
    for (const std::string& literal : split_alternatives(single_text(node, "requires", true))) {
      if (literal.empty()) throw error_at(node.child("requires"), "an empty literal in <requires>");
      rule.required.push_back(ascii_lower(literal));
    }
  }

  static std::vector<std::string> split_alternatives(std::string_view value) {
    std::vector<std::string> out;
    for (std::size_t start = 0;;) {
      const std::size_t bar = value.find('|', start);
      out.emplace_back(value.substr(start, bar - start));
      if (bar == std::string_view::npos) return out;
      start = bar + 1;
    }
  }

  RuleExample read_example(const pugi::xml_node node) const {
    const std::string_view type = node.attribute("type").value();
    if (type != "incorrect" && type != "correct")
      throw error_at(node, "an example's type must be incorrect or correct");
    RuleExample example;
    example.text = node.child_value();
    example.incorrect = type == "incorrect";
    if (const pugi::xml_attribute suggestion = node.attribute("suggestion")) {
      example.has_suggestion = true;
      example.suggestion = suggestion.value();
    }
    const bool marked = unmark_example(example.text).has_mark;
    if (example.incorrect && !marked)
      throw error_at(node, "an incorrect example must mark its span with «...»");
    if (!example.incorrect && (marked || example.has_suggestion))
      throw error_at(node, "a correct example marks nothing");
    return example;
  }

  /// The expression `expression`, node's child `name`, compiled by `compiler` (compile_regex,
  /// or checked_regex for a rule's own, which may compile at its first use); a failure is
  /// reported at its place in the file.
  template <typename Compile>
  auto compile_child(const pugi::xml_node node, const char* name, const std::string& expression,
                     RegexOptions options, Compile compiler) const {
    RegexError error;
    auto pattern = compiler(expression, options, error);
    if (pattern) return pattern;
    throw_regex_error(node, name, error);
  }

  /// Reports `error`, an expression's, at its place in the file: the expression's child
  /// `name` of `node`.
  [[noreturn]] void throw_regex_error(const pugi::xml_node node, const char* name,
                                      const RegexError& error) const {
    const pugi::xml_node child = node.child(name);
    const pugi::xml_node text = child.first_child();
    if (!text) throw error_at(child, error.message);
    // Points into the expression: its first byte, then the error's byte offset within it, as
    // the file counts lines and columns (ICU's lines are not the file's: it breaks at a CR).
    const auto start = static_cast<std::size_t>(std::max<std::ptrdiff_t>(text.offset_debug(), 0));
    const LineColumn at = source_.locate(std::min(start + error.offset, source_.bytes().size()));
    throw_at(at.line, at.column, error.message);
  }

  [[noreturn]] SharedPattern throw_at(std::size_t line, std::size_t column,
                                      const std::string& message) const {
    throw LoadError(source_.path(), line, column, message, std::string(source_.line_text(line)));
  }

  void compile(const pugi::xml_node node, Rule& rule) const {
    const bool lists = rule.kind != RuleKind::pattern;
    RegexOptions options{read_bool(node, "case-sensitive", !lists),
                         read_bool(node, "word-boundaries", lists)};
    rule.word_bounded = options.word_bounded;
    if (lists) {
      if (rule.entries.empty()) throw error_at(node, "a list rule needs at least one entry");
      rule.pattern =
          compile_child(node, "phrase", phrase_alternation(rule.entries), options, checked_regex);
    } else {
      rule.pattern =
          compile_child(node, "regex", single_text(node, "regex", true), options, checked_regex);
      rule.group = node.child("regex").attribute("group").as_int(0);
      if (rule.group < 0 || rule.group > rule.pattern.groups())
        throw error_at(node.child("regex"), "no such capture group");
    }
    // Each worker's runner used to work this out for itself: about 20 ms a runner (closeOver).
    if (!lists && !rule.required.empty()) {
      rule.shape = std::make_shared<const RegexShape>(
          regex_shape(rule.pattern.source(), rule.pattern.flags(), rule.required));
    }
    const RegexOptions plain{true, false};
    if (node.child("unless-next-block")) {
      rule.unless_next_block =
          compile_child(node, "unless-next-block", single_text(node, "unless-next-block", true),
                        plain, compile_regex);
    }
    if (node.child("unless-after-block")) {
      rule.unless_after_block =
          compile_child(node, "unless-after-block", single_text(node, "unless-after-block", true),
                        plain, compile_regex);
    }
  }

  void check_examples(const pugi::xml_node node, const Rule& rule) const {
    const auto incorrect = std::count_if(rule.examples.begin(), rule.examples.end(),
                                         [](const RuleExample& e) { return e.incorrect; });
    if (incorrect == 0) throw error_at(node, "rule '" + rule.id + "' needs an incorrect example");
    if (incorrect == static_cast<std::ptrdiff_t>(rule.examples.size())) {
      throw error_at(node, "rule '" + rule.id + "' needs a correct example");
    }
  }
};

}  // namespace

std::vector<Rule> parse_rule_file(const std::string& path, std::string_view bytes) {
  return RuleFileParser(path, bytes).parse();
}

std::vector<Rule> load_rule_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path, "cannot read this rule file");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_rule_file(path, bytes);
}

void add_rules(RuleSet& set, const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      if (entry.is_regular_file(error) && entry.path().extension() == ".xml")
        files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) add_rules(set, file);
    return;
  }
  for (Rule& rule : load_rule_file(path)) {
    if (const Rule* other = set.find(rule.id)) {
      throw LoadError(path, rule.origin.line, rule.origin.column,
                      "duplicate rule id '" + rule.id + "' (first defined in " +
                          other->origin.path + ":" + std::to_string(other->origin.line) + ")",
                      rule.origin.source_line);
    }
    set.rules.push_back(std::move(rule));
  }
}

std::string builtin_rules_dir() {
  for (const std::string& dir : data_directories()) {
    std::error_code error;
    const std::filesystem::path rules = std::filesystem::path(dir) / "rules";
    if (std::filesystem::is_directory(rules, error)) return rules.string();
  }
  return {};
}

RuleSet load_rule_set(bool builtin, const std::vector<std::string>& paths) {
  RuleSet set;
  if (builtin) {
    const std::string dir = builtin_rules_dir();
    if (!dir.empty()) add_rules(set, dir);
  }
  for (const std::string& path : paths) add_rules(set, path);
  return set;
}

std::shared_ptr<const RuleSet> shared_rule_set(bool builtin,
                                               const std::vector<std::string>& paths) {
  static std::mutex mutex;
  static std::map<std::pair<bool, std::vector<std::string>>, std::shared_ptr<const RuleSet>> cache;
  const std::lock_guard lock(mutex);
  auto& slot = cache[{builtin, paths}];
  if (!slot) slot = std::make_shared<const RuleSet>(load_rule_set(builtin, paths));
  return slot;
}

}  // namespace galley
