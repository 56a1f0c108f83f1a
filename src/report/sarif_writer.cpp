// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Lines and columns are ours
// (1-based, columns in code points: the run's columnKind says so); byteOffset/byteLength give
// the exact bytes as well.
#include "report/sarif_writer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>

#include "checks/registry.hpp"
#include "report/json_text.hpp"
#include "version.hpp"

namespace galley {
namespace {

constexpr const char* kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// What SARIF says about one rule.
struct RuleDescription {
  std::string id;
  std::string summary;
  std::string rationale;
  Severity severity = Severity::warning;
  std::string help_page;  ///< Relative to the repository; empty: no helpUri.
};

/// A docs page: for registry ids starting with `key`, or for a shipped pack named `key`.
struct HelpPage {
  std::string_view key;   ///< An id prefix, or a rule pack's file name.
  std::string_view page;  ///< Relative to the repository; empty: docs/checks/<id>.md.
};

/// The docs pages of the registry's checks; the first matching key wins.
constexpr std::array<HelpPage, 7> kCheckPages{{
    {"style.unused-suppression", "docs/suppressions.md"},
    {"style.malformed-suppression", "docs/suppressions.md"},
    {"rules.packs", "docs/rules.md"},
    {"duplicate.", "docs/checks/duplicate.md"},
    {"date.", "docs/checks/date.md"},
    {"typography.", ""},
    {"spelling.", ""},
}};

/// The rule packs galley ships (by file name) and their docs pages.
constexpr std::array<HelpPage, 3> kPackPages{{
    {"editorial-markers.xml", "docs/checks/marker.md"},
    {"house-style.xml", "docs/checks/style.md"},
    {"word-choice.xml", "docs/checks/usage.md"},
}};

/// Where the docs of this galley's sources are read on the web.
std::string help_uri(std::string_view page) {
  return std::string(kHomepage) + "/blob/main/" + std::string(page);
}

std::string_view level_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "warning";
}

/// Rule files indent their prose; SARIF viewers show it as it is, so runs of white space become
/// one.
std::string one_line(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

RuleDescription describe(const std::string& id, const RuleSet* rules) {
  const std::string page = rule_help_page(id, rules);
  if (const CheckInfo* info = find_check(id)) {
    return {id, one_line(info->summary), one_line(info->rationale), info->severity, page};
  }
  if (rules != nullptr) {
    if (const Rule* rule = rules->find(id)) {
      return {id, one_line(rule->summary), one_line(rule->rationale), rule->severity, page};
    }
  }
  return {id, id, "", Severity::warning, page};
}

/// The rules the results name, sorted by id: ruleIndex points into this.
std::vector<RuleDescription> named_rules(const Report& report, const RuleSet* rules) {
  std::vector<std::string> ids;
  report.visit([&](std::size_t /*index*/, const DocumentReport& doc) {
    for (const Finding& finding : doc.findings) ids.push_back(finding.rule);
  });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<RuleDescription> described;
  for (const std::string& id : ids) described.push_back(describe(id, rules));
  return described;
}

/// A relative reference as SARIF wants it: unreserved bytes and '/' kept, the rest %-encoded.
std::string path_to_uri(std::string_view path) {
  if (path.starts_with("./")) path.remove_prefix(2);
  std::string uri = path.starts_with("/") ? "file://" : "";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      uri += c;
    } else {
      std::array<char, 4> hex{};
      std::snprintf(hex.data(), hex.size(), "%%%02X", byte);
      uri += hex.data();
    }
  }
  return uri;
}

void add_rule(JsonBuilder& json, const RuleDescription& rule) {
  json.begin_object().field("id", rule.id);
  json.key("shortDescription").begin_object().field("text", rule.summary).end_object();
  const std::string& full = rule.rationale.empty() ? rule.summary : rule.rationale;
  json.key("fullDescription").begin_object().field("text", full).end_object();
  json.key("help").begin_object().field("text", full).end_object();
  if (!rule.help_page.empty()) json.field("helpUri", help_uri(rule.help_page));
  json.key("defaultConfiguration")
      .begin_object()
      .field("level", level_of(rule.severity))
      .end_object();
  json.end_object();
}

void add_region(JsonBuilder& json, const SourceText& source, Span span, bool snippet) {
  const LineColumn at = source.locate(span.begin);
  const LineColumn end = source.locate(span.end);
  json.begin_object()
      .field("startLine", at.line)
      .field("startColumn", at.column)
      .field("endLine", end.line)
      .field("endColumn", end.column)
      .field("byteOffset", span.begin)
      .field("byteLength", span.size());
  if (snippet) json.key("snippet").begin_object().field("text", source.slice(span)).end_object();
  json.end_object();
}

void add_location(JsonBuilder& json, const DocumentReport& doc, Span span, Span context) {
  json.key("physicalLocation").begin_object();
  json.key("artifactLocation").begin_object().field("uri", path_to_uri(doc.path)).end_object();
  json.key("region");
  add_region(json, doc.source, span, true);
  if (!context.empty() && context.contains(span)) {
    json.key("contextRegion");
    add_region(json, doc.source, context, true);
  }
  json.end_object();
}

std::string describe_fix(const std::string& suggestion) {
  return suggestion.empty() ? "Delete it" : "Replace with '" + suggestion + "'";
}

void add_fixes(JsonBuilder& json, const DocumentReport& doc, const Finding& finding) {
  json.key("fixes").begin_array();
  const std::vector<std::string>& suggestions = finding.suggestions;
  for (auto it = suggestions.begin(); it != suggestions.end(); ++it) {
    if (std::find(suggestions.begin(), it, *it) != it) continue;  // SARIF wants fixes unique.
    const std::string& suggestion = *it;
    json.begin_object();
    json.key("description").begin_object().field("text", describe_fix(suggestion)).end_object();
    json.key("artifactChanges").begin_array().begin_object();
    json.key("artifactLocation").begin_object().field("uri", path_to_uri(doc.path)).end_object();
    json.key("replacements").begin_array().begin_object().key("deletedRegion");
    add_region(json, doc.source, finding.span, false);
    json.key("insertedContent").begin_object().field("text", suggestion).end_object();
    json.end_object().end_array().end_object().end_array().end_object();
  }
  json.end_array();
}

void add_related(JsonBuilder& json, const DocumentReport& doc, const Finding& finding) {
  json.key("relatedLocations").begin_array();
  for (std::size_t i = 0; i < finding.related.size(); ++i) {
    const RelatedSpan& related = finding.related[i];
    json.begin_object().field("id", i + 1);
    add_location(json, doc, related.span, {});
    json.key("message").begin_object().field("text",
                                             related.note.empty() ? "related" : related.note);
    json.end_object().end_object();
  }
  json.end_array();
}

std::string message_text(const Finding& finding) {
  if (finding.suggestions.empty()) return finding.message;
  const std::string& best = finding.suggestions.front();
  return finding.message +
         (best.empty() ? "; suggestion: delete it" : "; suggestion: '" + best + "'");
}

void add_result(JsonBuilder& json, const DocumentReport& doc, const Finding& finding,
                std::size_t rule_index, const std::string& fingerprint) {
  json.begin_object().field("ruleId", finding.rule).field("ruleIndex", rule_index);
  json.field("level", level_of(finding.severity));
  json.key("message").begin_object().field("text", message_text(finding)).end_object();
  json.key("locations").begin_array().begin_object();
  add_location(json, doc, finding.span, finding.context);
  json.end_object().end_array();
  if (!finding.related.empty()) add_related(json, doc, finding);
  json.key("partialFingerprints")
      .begin_object()
      .field("galleyFindingHash/v1", fingerprint)
      .end_object();
  if (!finding.suggestions.empty()) add_fixes(json, doc, finding);
  json.end_object();
}

/// The results, written to `out` a document at a time: a batch's SARIF is never held whole.
void add_results(JsonBuilder& json, const Report& report, const std::vector<RuleDescription>& rules,
                 std::ostream& out) {
  json.key("results").begin_array();
  report.visit([&](std::size_t /*index*/, const DocumentReport& doc) {
    std::map<std::string, std::size_t> seen;  // Equal hashes in one file are told apart by order.
    for (const Finding& finding : doc.findings) {
      const std::string hash = finding_fingerprint(doc, finding);
      const std::string fingerprint = hash + ":" + std::to_string(++seen[hash]);
      const auto rule = std::lower_bound(
          rules.begin(), rules.end(), finding.rule,
          [](const RuleDescription& r, const std::string& id) { return r.id < id; });
      add_result(json, doc, finding, static_cast<std::size_t>(rule - rules.begin()), fingerprint);
    }
    json.flush(out);
  });
  json.end_array();
}

/// Inputs that could not be checked, as tool execution notifications.
void add_invocation(JsonBuilder& json, const Report& report) {
  json.key("invocations").begin_array().begin_object().key("executionSuccessful").boolean(true);
  json.key("toolExecutionNotifications").begin_array();
  // Unchecked documents are never spooled: their path and problem are at hand.
  for (const DocumentReport& doc : report.documents) {
    if (doc.status == DocumentStatus::checked) continue;
    json.begin_object().field("level", doc.status == DocumentStatus::failed ? "error" : "note");
    json.key("message").begin_object().field("text", doc.path + ": " + doc.problem).end_object();
    json.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
    json.key("artifactLocation").begin_object().field("uri", path_to_uri(doc.path)).end_object();
    json.end_object().end_object().end_array().end_object();
  }
  json.end_array().end_object().end_array();
}

}  // namespace

std::string rule_help_page(const std::string& id, const RuleSet* rules) {
  if (find_check(id) != nullptr) {
    for (const HelpPage& entry : kCheckPages) {
      if (!id.starts_with(entry.key)) continue;
      return entry.page.empty() ? "docs/checks/" + id + ".md" : std::string(entry.page);
    }
    return {};
  }
  const Rule* rule = rules == nullptr ? nullptr : rules->find(id);
  if (rule == nullptr) return {};
  const std::string file = std::filesystem::path(rule->origin.path).filename().string();
  for (const HelpPage& entry : kPackPages) {
    if (file == entry.key) return std::string(entry.page);
  }
  return {};  // A rule pack of the user's: galley has no page for it.
}

std::string finding_fingerprint(const DocumentReport& doc, const Finding& finding) {
  // FNV-1a, 64 bits: stable across platforms and runs, and enough to tell findings apart.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  const auto feed = [&hash](std::string_view bytes) {
    for (const char c : bytes) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xFFU;  // A separator no UTF-8 text contains.
    hash *= 0x100000001b3ULL;
  };
  feed(finding.rule);
  feed(doc.source.slice(finding.span));
  feed(doc.source.slice(finding.context));
  std::array<char, 17> hex{};
  std::snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(hash));
  return hex.data();
}

void write_sarif(const Report& report, std::ostream& out, const RuleSet* rules) {
  const std::vector<RuleDescription> described = named_rules(report, rules);
  JsonBuilder json;
  json.begin_object().field("$schema", kSchemaUri).field("version", "2.1.0");
  json.key("runs").begin_array().begin_object();
  json.key("tool").begin_object().key("driver").begin_object();
  json.field("name", "galley").field("version", report.tool_version);
  json.field("semanticVersion", report.tool_version);
  json.field("informationUri", kHomepage);
  json.key("rules").begin_array();
  for (const RuleDescription& rule : described) add_rule(json, rule);
  json.end_array().end_object().end_object();
  add_invocation(json, report);
  json.field("columnKind", "unicodeCodePoints");
  add_results(json, report, described, out);
  json.end_object().end_array().end_object();
  json.flush(out);
  out << '\n';
}

}  // namespace galley
