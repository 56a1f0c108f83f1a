// The annotated XML report: the source of truth every other format can be rendered from
// (`galley render`). Each document's bytes are reproduced in full, block by block, with the
// findings marked in place, so an editor's view needs nothing but the report.
#include "report/xml_writer.hpp"

#include <algorithm>
#include <future>
#include <optional>
#include <sstream>
#include <thread>

#include "report/annotate.hpp"
#include "report/spool.hpp"
#include "report/xml_text.hpp"

namespace galley {
namespace {

std::string finding_id(std::size_t doc_index, std::size_t finding_index) {
  return "d" + std::to_string(doc_index + 1) + "f" + std::to_string(finding_index + 1);
}

void set_position(pugi::xml_node node, const SourceText& source, Span span) {
  const LineColumn at = source.locate(span.begin);
  node.append_attribute("offset").set_value(static_cast<unsigned long long>(span.begin));
  node.append_attribute("length").set_value(static_cast<unsigned long long>(span.size()));
  node.append_attribute("line").set_value(static_cast<unsigned long long>(at.line));
  node.append_attribute("column").set_value(static_cast<unsigned long long>(at.column));
}

void add_finding(pugi::xml_node parent, const DocumentReport& doc, const Finding& finding,
                 const std::string& id) {
  pugi::xml_node node = parent.append_child("finding");
  node.append_attribute("id").set_value(id.c_str());
  node.append_attribute("rule").set_value(finding.rule.c_str());
  node.append_attribute("severity").set_value(std::string(to_string(finding.severity)).c_str());
  set_position(node, doc.source, finding.span);
  const LineColumn end = doc.source.locate(finding.span.end);
  node.append_attribute("end-line").set_value(static_cast<unsigned long long>(end.line));
  node.append_attribute("end-column").set_value(static_cast<unsigned long long>(end.column));
  node.append_child("message").text().set(xml_safe(finding.message).c_str());
  append_exact_bytes(node.append_child("text"), doc.source.slice(finding.span));
  for (const std::string& suggestion : finding.suggestions) {
    node.append_child("suggestion").text().set(xml_safe(suggestion).c_str());
  }
  for (const RelatedSpan& related : finding.related) {
    pugi::xml_node rel = node.append_child("related");
    set_position(rel, doc.source, related.span);
    if (!related.note.empty())
      rel.append_attribute("note").set_value(xml_safe(related.note).c_str());
    append_exact_bytes(rel, doc.source.slice(related.span));
  }
  if (!finding.context.empty()) {
    pugi::xml_node context = node.append_child("context");
    set_position(context, doc.source, finding.context);
    append_exact_bytes(context, doc.source.slice(finding.context));
  }
}

void add_text(pugi::xml_node parent, const DocumentReport& doc, std::size_t doc_index) {
  pugi::xml_node text = parent.append_child("text");
  pugi::xml_node container;
  const BlockRecord* container_block = nullptr;
  bool container_is_gap = false;
  for (const AnnotatedRun& run : annotate(doc)) {
    const bool is_gap = run.block == nullptr;
    if (!container || run.block != container_block || is_gap != container_is_gap ||
        run.starts_container) {
      if (is_gap) {
        container = text.append_child("gap");
      } else {
        container = text.append_child("block");
        container.append_attribute("kind").set_value(
            std::string(to_string(run.block->kind)).c_str());
        set_position(container, doc.source, run.block->span);
        if (run.continued) container.append_attribute("continued").set_value("true");
      }
      container_block = run.block;
      container_is_gap = is_gap;
    }
    const std::string_view bytes = doc.source.slice(run.span);
    if (run.findings.empty()) {
      append_exact_bytes(container, bytes);
      continue;
    }
    std::string ids;
    for (const std::size_t index : run.findings) {
      if (!ids.empty()) ids += ' ';
      ids += finding_id(doc_index, index);
    }
    pugi::xml_node mark = container.append_child("mark");
    mark.append_attribute("findings").set_value(ids.c_str());
    append_exact_bytes(mark, bytes);
  }
}

/// Puts each element child of an element-only node on its own line. The report is printed raw
/// (pugixml's indentation would add white space inside source text made only of elements).
void indent_children(pugi::xml_node node, std::size_t depth) {
  const std::string inner = "\n" + std::string(2 * (depth + 1), ' ');
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    node.insert_child_before(pugi::node_pcdata, child).set_value(inner.c_str());
  }
  node.append_child(pugi::node_pcdata).set_value(("\n" + std::string(2 * depth, ' ')).c_str());
}

void add_document(pugi::xml_node parent, const DocumentReport& doc, std::size_t doc_index) {
  pugi::xml_node node = parent.append_child("document");
  node.append_attribute("path").set_value(xml_safe(doc.path).c_str());
  node.append_attribute("status").set_value(std::string(to_string(doc.status)).c_str());
  if (doc.status != DocumentStatus::checked) {
    node.append_child("problem").text().set(xml_safe(doc.problem).c_str());
    return;
  }
  node.append_attribute("format").set_value(doc.format.c_str());
  node.append_attribute("language").set_value(doc.language.c_str());
  node.append_attribute("words").set_value(static_cast<unsigned long long>(doc.word_count));
  node.append_attribute("bytes").set_value(
      static_cast<unsigned long long>(doc.source.bytes().size()));
  for (std::size_t i = 0; i < doc.findings.size(); ++i) {
    add_finding(node, doc, doc.findings[i], finding_id(doc_index, i));
  }
  add_text(node, doc, doc_index);
  indent_children(node.child("text"), 2);
  indent_children(node, 1);
}

void add_summary(pugi::xml_node parent, const Report& report) {
  const Summary summary = report.summary();
  pugi::xml_node node = parent.append_child("summary");
  node.append_attribute("documents").set_value(static_cast<unsigned long long>(summary.documents));
  node.append_attribute("skipped").set_value(static_cast<unsigned long long>(summary.skipped));
  node.append_attribute("failed").set_value(static_cast<unsigned long long>(summary.failed));
  node.append_attribute("errors").set_value(static_cast<unsigned long long>(summary.errors));
  node.append_attribute("warnings").set_value(static_cast<unsigned long long>(summary.warnings));
  node.append_attribute("infos").set_value(static_cast<unsigned long long>(summary.infos));
  node.append_attribute("words").set_value(static_cast<unsigned long long>(summary.words));
}

/// pugixml prints into a std::ostream through this, a megabyte at a time: pugixml hands over
/// about two kilobytes a call, and a stream writes anything of a kilobyte or more at once, so a
/// long document's report took some fifteen thousand system calls.
class StreamWriter final : public pugi::xml_writer {
 public:
  explicit StreamWriter(std::ostream& out) : out_(out) { buffer_.reserve(kBuffer); }
  StreamWriter(const StreamWriter&) = delete;
  StreamWriter& operator=(const StreamWriter&) = delete;
  ~StreamWriter() override = default;

  void write(const void* data, size_t size) override {
    put(std::string_view(static_cast<const char*>(data), size));
  }
  /// Appends `text` to the output.
  void put(std::string_view text) {
    if (buffer_.size() + text.size() > kBuffer) flush();
    if (text.size() > kBuffer) {
      out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    } else {
      buffer_.append(text);
    }
  }
  /// Hands what is held to the stream; the caller calls it once the report is complete.
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kBuffer = std::size_t{1} << 20U;
  std::ostream& out_;
  std::string buffer_;
};

/// pugixml prints into a string through this: a chunk of documents rendered on another thread.
class StringWriter final : public pugi::xml_writer {
 public:
  void write(const void* data, size_t size) override {
    text.append(static_cast<const char*>(data), size);
  }
  std::string text;  ///< What was printed.
};

/// Prints the elements of documents [first, last) of `report` to `writer`, each built and
/// printed on its own (a spooled one reloaded just before), so that memory holds one
/// document's tree at a time.
template <typename Writer>
void print_documents(const Report& report, std::size_t first, std::size_t last, Writer& writer) {
  for (std::size_t i = first; i < last; ++i) {
    const DocumentReport* doc = &report.documents[i];
    std::optional<DocumentReport> full;
    if (doc->spooled) doc = &full.emplace(report.spool->load(*doc->spooled));
    pugi::xml_document tree;
    add_document(tree, *doc, i);
    writer.write("  ", 2);
    tree.first_child().print(writer, "", pugi::format_raw, pugi::encoding_utf8);
    writer.write("\n", 1);
  }
}

/// The end of the chunk of documents that starts at `first`: up to `kChunkDocuments` of them and
/// `kChunkBytes` of source, at least one.
std::size_t chunk_end(const Report& report, std::size_t first) {
  constexpr std::size_t kChunkDocuments = 64;
  constexpr std::size_t kChunkBytes = std::size_t{4} << 20U;
  std::size_t end = first;
  std::size_t bytes = 0;
  while (end < report.documents.size() && end - first < kChunkDocuments &&
         (end == first || bytes < kChunkBytes)) {
    bytes += report.documents[end].source.bytes().size();
    ++end;
  }
  return end;
}

}  // namespace

// The documents go in chunks, two at a time: this thread prints the first of a pair straight
// to the output while another builds the second into a string, written after it. On the
// bench's 2,250 files, building the elements is most of the report's cost, which was paid
// on one core at the end of the run. A chunk's string holds its documents' text in full, so
// chunks stop at 4 MB of source, and a report with spooled documents (a run that had to
// bound its memory) is built on this thread alone.
void write_xml(const Report& report, std::ostream& out) {
  StreamWriter writer(out);
  writer.put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  writer.put("<galley-report xmlns=\"" + std::string(kReportNamespace) + "\" version=\"" +
             kReportFormatVersion + "\" tool-version=\"" + xml_safe(report.tool_version) + "\">\n");
  {
    pugi::xml_document tree;
    add_summary(tree, report);
    writer.put("  ");
    tree.first_child().print(writer, "", pugi::format_raw, pugi::encoding_utf8);
    writer.put("\n");
  }
  const std::size_t count = report.documents.size();
  const bool spooled =
      std::any_of(report.documents.begin(), report.documents.end(),
                  [](const DocumentReport& doc) { return doc.spooled.has_value(); });
  if (spooled || std::thread::hardware_concurrency() < 2) {
    print_documents(report, 0, count, writer);
  } else {
    for (std::size_t first = 0; first < count;) {
      const std::size_t middle = chunk_end(report, first);
      const std::size_t last = chunk_end(report, middle);
      std::future<std::string> second;
      if (middle < last) {
        second = std::async(std::launch::async, [&report, middle, last] {
          StringWriter printed;
          print_documents(report, middle, last, printed);
          return std::move(printed.text);
        });
      }
      print_documents(report, first, middle, writer);
      if (second.valid()) writer.put(second.get());
      first = last;
    }
  }
  writer.put("</galley-report>\n");
  writer.flush();
}

}  // namespace galley
