// The review page an editor opens in a browser. One file, no network: the style and the script
// are inline (html_page.cpp). Each document's bytes are shown in full, cut into runs by
// annotate() exactly as the XML report marks them; every byte taken from a document is escaped,
// and the script moves nodes around (cloneNode, textContent) but never parses markup.
#include "report/html_writer.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "report/annotate.hpp"
#include "report/html_page.hpp"

namespace galley {
namespace {

/// A document as the page shows it: its findings, then one pseudo-finding per related span, so
/// that annotate() cuts the text at related spans as well.
struct PageDocument {
  DocumentReport doc;
  std::size_t real = 0;  ///< Findings before the pseudo ones.
  std::vector<std::pair<std::size_t, std::size_t>>
      related;  ///< Pseudo -> (finding, related index).
};

PageDocument page_document(const DocumentReport& original) {
  PageDocument page{original, original.findings.size(), {}};
  for (std::size_t i = 0; i < original.findings.size(); ++i) {
    for (std::size_t r = 0; r < original.findings[i].related.size(); ++r) {
      Finding pseudo;
      pseudo.span = original.findings[i].related[r].span;
      pseudo.severity = Severity::info;
      page.doc.findings.push_back(std::move(pseudo));
      page.related.emplace_back(i, r);
    }
  }
  return page;
}

std::string finding_id(std::size_t doc, std::size_t finding) {
  return "d" + std::to_string(doc + 1) + "f" + std::to_string(finding + 1);
}

std::string related_id(std::size_t doc, std::size_t finding, std::size_t related) {
  return finding_id(doc, finding) + "r" + std::to_string(related + 1);
}

std::string_view severity_class(Severity severity) {
  return severity == Severity::error     ? "sev-error"
         : severity == Severity::warning ? "sev-warning"
                                         : "sev-info";
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

/// One highlighted run: the anchors of findings and related spans that begin here, then a
/// `mark` (findings) or `span.rel` (only related spans) naming the findings in data-f.
void append_run(std::string& out, const PageDocument& page, std::size_t d, const AnnotatedRun& run,
                std::vector<bool>& anchored) {
  std::vector<std::size_t> ids;  // Real finding indexes this run belongs to.
  bool has_real = false;
  Severity top = Severity::info;
  for (const std::size_t i : run.findings) {
    const bool real = i < page.real;
    const std::size_t owner = real ? i : page.related[i - page.real].first;
    if (!anchored[i]) {
      anchored[i] = true;
      const std::string id =
          real ? finding_id(d, i) : related_id(d, owner, page.related[i - page.real].second);
      out += "<span class=\"anchor\" id=\"" + id + "\"></span>";
    }
    if (real)
      top = has_real ? std::max(top, page.doc.findings[i].severity) : page.doc.findings[i].severity;
    has_real = has_real || real;
    if (std::find(ids.begin(), ids.end(), owner) == ids.end()) ids.push_back(owner);
  }
  std::string names;
  std::string cards;
  for (const std::size_t owner : ids) {
    names += (names.empty() ? "" : " ") + finding_id(d, owner);
    cards += (cards.empty() ? "card-" : " card-") + finding_id(d, owner);
  }
  std::string classes = has_real ? "f " + std::string(severity_class(top)) : "rel";
  if (has_real && run.findings.size() > ids.size()) classes += " rel";
  if (run.span.empty()) classes += " empty";
  out += has_real ? "<mark" : "<span";
  out += " class=\"" + classes + "\" data-f=\"" + names + "\" tabindex=\"0\" aria-describedby=\"" +
         cards + "\">";
  append_source_html(out, page.doc.source.slice(run.span));
  out += has_real ? "</mark>" : "</span>";
}

/// The document's text: blocks and gaps as spans, findings marked in place.
std::string text_html(const PageDocument& page, std::size_t d) {
  std::string out = "<div class=\"source\">";
  std::vector<bool> anchored(page.doc.findings.size(), false);
  const BlockRecord* container = nullptr;
  bool open = false;
  for (const AnnotatedRun& run : annotate(page.doc)) {
    if (!open || run.block != container || run.starts_container) {
      if (open) out += "</span>";
      out += run.block == nullptr
                 ? "<span class=\"gap\">"
                 : "<span class=\"blk k-" + std::string(to_string(run.block->kind)) + "\">";
      container = run.block;
      open = true;
    }
    if (run.findings.empty()) {
      append_source_html(out, page.doc.source.slice(run.span));
    } else {
      append_run(out, page, d, run, anchored);
    }
  }
  if (open) out += "</span>";
  return out + "</div>\n";
}

std::string position_text(const SourceText& source, Span span) {
  const LineColumn at = source.locate(span.begin);
  return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

/// The details of one finding, hidden; the script shows copies of it.
std::string card_html(const DocumentReport& doc, std::size_t d, std::size_t i) {
  const Finding& finding = doc.findings[i];
  const std::string id = finding_id(d, i);
  std::string out = "<div class=\"card " + std::string(severity_class(finding.severity)) +
                    "\" id=\"card-" + id + "\">";
  out += "<p class=\"card-head\"><span class=\"sev\">" + std::string(to_string(finding.severity)) +
         "</span> <code>" + html_escape(finding.rule) + "</code> <a class=\"pos\" href=\"#" + id +
         "\">" + position_text(doc.source, finding.span) + "</a></p>";
  out += "<p class=\"msg\">" + html_escape(finding.message) + "</p>";
  for (std::size_t s = 0; s < finding.suggestions.size(); ++s) {
    out += std::string("<p class=\"sugg\">") + (s == 0 ? "Suggestion: " : "Or: ");
    out += finding.suggestions[s].empty() ? "<em>delete it</em>"
                                          : "<q>" + html_escape(finding.suggestions[s]) + "</q>";
    out += "</p>";
  }
  for (std::size_t r = 0; r < finding.related.size(); ++r) {
    const RelatedSpan& related = finding.related[r];
    out += "<p class=\"related\">" + html_escape(related.note.empty() ? "Related" : related.note) +
           ": <a href=\"#" + related_id(d, i, r) + "\">" + position_text(doc.source, related.span) +
           "</a> <q>" + html_escape(doc.source.slice(related.span)) + "</q></p>";
  }
  return out + "</div>";
}

/// The side list of one document: by severity, then rule, then position.
std::string nav_html(const DocumentReport& doc, std::size_t d) {
  std::string out = "<section class=\"nav-doc\"><h2><a href=\"#d" + std::to_string(d + 1) + "\">" +
                    html_escape(doc.path) + "</a></h2>";
  if (doc.findings.empty()) return out + "<p class=\"none\">No findings</p></section>\n";
  for (const Severity severity : {Severity::error, Severity::warning, Severity::info}) {
    std::map<std::string, std::vector<std::size_t>> by_rule;
    for (std::size_t i = 0; i < doc.findings.size(); ++i) {
      if (doc.findings[i].severity == severity) by_rule[doc.findings[i].rule].push_back(i);
    }
    for (const auto& [rule, indexes] : by_rule) {
      out += "<div class=\"group " + std::string(severity_class(severity)) +
             "\"><h3><span class=\"dot\"></span>" + html_escape(rule) + " <span class=\"n\">" +
             std::to_string(indexes.size()) + "</span></h3><ol>";
      for (const std::size_t i : indexes) {
        const LineColumn at = doc.source.locate(doc.findings[i].span.begin);
        out += "<li><a href=\"#" + finding_id(d, i) + "\" title=\"" +
               html_escape(doc.findings[i].message) + "\"><span class=\"pos\">" +
               std::to_string(at.line) + ":" + std::to_string(at.column) + "</span> " +
               html_escape(doc.findings[i].message) + "</a></li>";
      }
      out += "</ol></div>";
    }
  }
  return out + "</section>\n";
}

std::string counts_line(const DocumentReport& doc) {
  std::array<std::size_t, 3> counts{};  // By Severity's value: info, warning, error.
  for (const Finding& finding : doc.findings) ++counts[static_cast<std::size_t>(finding.severity)];
  return plural(counts[2], "error", "errors") + " · " + plural(counts[1], "warning", "warnings") +
         " · " + std::to_string(counts[0]) + " info";
}

std::string document_html(const DocumentReport& doc, std::size_t d) {
  std::string out = "<article class=\"doc\" id=\"d" + std::to_string(d + 1) + "\"><header><h2>" +
                    html_escape(doc.path) + "</h2>";
  if (doc.status != DocumentStatus::checked) {
    return out + "<p class=\"problem\">" + std::string(to_string(doc.status)) + ": " +
           html_escape(doc.problem) + "</p></header></article>\n";
  }
  out += "<p class=\"meta\">" + html_escape(doc.format) + " · " + html_escape(doc.language) +
         " · " + plural(doc.word_count, "word", "words") + " · " + counts_line(doc) +
         "</p></header>\n";
  out += text_html(page_document(doc), d);
  out += "<div class=\"cards\" hidden>";
  for (std::size_t i = 0; i < doc.findings.size(); ++i) out += card_html(doc, d, i);
  return out + "</div></article>\n";
}

std::string header_html(const Report& report) {
  const Summary summary = report.summary();
  std::string out =
      "<header class=\"top\"><div class=\"title\"><h1>galley review</h1><p class=\"meta\">" +
      plural(summary.documents, "document", "documents") + " · " +
      plural(summary.words, "word", "words");
  if (summary.skipped + summary.failed > 0) {
    out += " · " + plural(summary.skipped + summary.failed, "input", "inputs") + " not checked";
  }
  out += " · galley " + html_escape(report.tool_version) + "</p></div><ul class=\"counts\">";
  out += "<li class=\"sev-error\"><b>" + std::to_string(summary.errors) + "</b> " +
         (summary.errors == 1 ? "error" : "errors") + "</li>";
  out += "<li class=\"sev-warning\"><b>" + std::to_string(summary.warnings) + "</b> " +
         (summary.warnings == 1 ? "warning" : "warnings") + "</li>";
  out += "<li class=\"sev-info\"><b>" + std::to_string(summary.infos) + "</b> info</li>";
  return out + "</ul></header>\n";
}

}  // namespace

void write_html(const Report& report, std::ostream& out) {
  out << kHtmlHead << header_html(report)
      << "<div class=\"layout\">\n<nav class=\"side\" aria-label=\"Findings\">\n";
  report.visit([&](std::size_t d, const DocumentReport& doc) {
    if (doc.status == DocumentStatus::checked) out << nav_html(doc, d);
  });
  out << "</nav>\n<main>\n";
  report.visit([&](std::size_t d, const DocumentReport& doc) { out << document_html(doc, d); });
  out << "</main>\n</div>\n" << kHtmlTail;
}

}  // namespace galley
