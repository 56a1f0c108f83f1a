// The annotated XML report: the source of truth every other format can be rendered from
// (`galley render`). Each document's bytes are reproduced in full, block by block, with the
// findings marked in place, so an editor's view needs nothing but the report.
#include "report/xml_writer.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <future>
#include <optional>
#include <system_error>
#include <thread>

#include "report/annotate.hpp"
#include "report/spool.hpp"
#include "report/xml_text.hpp"

namespace galley {
namespace {

std::string finding_id(std::size_t doc_index, std::size_t finding_index) {
  return "d" + std::to_string(doc_index + 1) + "f" + std::to_string(finding_index + 1);
}

/// Elements written straight out as text, byte for byte as pugixml prints a tree of them raw
/// (format_raw): a start tag is closed by its first child, and an element without children
/// ends in "/>". A long document's tree, a node per run of text, was built only to be printed
/// (most of the report's cost, and memory the size of the document). Buffered: `out` is
/// handed a few tens of kilobytes a call.
class RawXml {
 public:
  explicit RawXml(pugi::xml_writer& out) : out_(out) { buffer_.reserve(2 * kFlushAt); }
  RawXml(const RawXml&) = delete;
  RawXml& operator=(const RawXml&) = delete;
  ~RawXml() { flush(); }

  /// Starts element `name` inside the current one.
  void open(const char* name) {
    child();
    buffer_ += '<';
    buffer_ += name;
    open_.push_back({name, false});
  }
  /// Adds an attribute to the element just opened, escaped as pugixml escapes attributes.
  void attribute(const char* name, std::string_view value) {
    buffer_ += ' ';
    buffer_ += name;
    buffer_ += "=\"";
    escape(value, true);
    buffer_ += '"';
  }
  /// Adds a number as an attribute, in decimal.
  void attribute(const char* name, std::size_t value) {
    std::array<char, 24> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
    attribute(name, std::string_view(digits.data(), static_cast<std::size_t>(end - digits.data())));
  }
  /// Adds character data, escaped; even empty, it is a child ("<message></message>").
  void text(std::string_view value) {
    child();
    escape(value, false);
  }
  /// Adds character data that needs no escaping (the indentation between elements).
  void raw(std::string_view value) {
    child();
    buffer_ += value;
  }
  /// Ends the element opened last.
  void close() {
    const Open element = open_.back();
    open_.pop_back();
    if (!element.has_children) {
      buffer_ += "/>";
    } else {
      buffer_ += "</";
      buffer_ += element.name;
      buffer_ += '>';
    }
    if (buffer_.size() >= kFlushAt) flush();
  }
  /// Hands what is buffered to the writer.
  void flush() {
    if (!buffer_.empty()) out_.write(buffer_.data(), buffer_.size());
    buffer_.clear();
  }
  /// Appends text outside any element ("  " before a document, "\n" after it).
  void outside(std::string_view value) { buffer_ += value; }
  /// Hands over `elements`, printed by another RawXml, as children of the current element,
  /// whose start tag is closed already.
  void printed(std::string_view elements) {
    assert(!open_.empty() && open_.back().has_children);
    flush();
    out_.write(elements.data(), elements.size());
  }

 private:
  static constexpr std::size_t kFlushAt = std::size_t{64} << 10U;

  struct Open {
    const char* name;
    bool has_children;
  };

  /// Closes the current element's start tag before its first child.
  void child() {
    if (open_.empty() || open_.back().has_children) return;
    open_.back().has_children = true;
    buffer_ += '>';
  }

  /// Appends `value` with what pugixml escapes: & and < everywhere, > in text, and in
  /// attribute values ", tab, LF and CR (as character references). Text is passed over eight
  /// bytes at a time where none of those is among them.
  void escape(std::string_view value, bool in_attribute) {
    std::size_t plain = 0;
    for (std::size_t i = 0; i < value.size();) {
      if (!in_attribute && none_special_eight(value, i)) {
        i += 8;
        continue;
      }
      const char* entity = entity_for(value[i], in_attribute);
      ++i;
      if (entity == nullptr) continue;
      buffer_.append(value.data() + plain, i - 1 - plain);
      buffer_ += entity;
      plain = i;
    }
    buffer_.append(value.data() + plain, value.size() - plain);
    if (buffer_.size() >= kFlushAt) flush();
  }

  /// The character reference pugixml prints for `c`, or none.
  static const char* entity_for(char c, bool in_attribute) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return in_attribute ? nullptr : "&gt;";
      case '"':
        return in_attribute ? "&quot;" : nullptr;
      case '\t':
        return in_attribute ? "&#09;" : nullptr;
      case '\n':
        return in_attribute ? "&#10;" : nullptr;
      case '\r':
        return in_attribute ? "&#13;" : nullptr;
      default:
        return nullptr;
    }
  }

  /// True when the eight bytes of `text` from `pos` are all there and none is &, < or >.
  static bool none_special_eight(std::string_view text, std::size_t pos) {
    if (pos + 8 > text.size()) return false;
    std::uint64_t eight = 0;
    std::memcpy(&eight, text.data() + pos, 8);
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    const auto has = [&](char c) {
      const std::uint64_t x = eight ^ (static_cast<std::uint64_t>(c) * kOnes);
      return ((x - kOnes) & ~x & kHigh) != 0;  // A zero byte: one equal to c.
    };
    return !has('&') && !has('<') && !has('>');
  }

  pugi::xml_writer& out_;
  std::string buffer_;
  std::vector<Open> open_;
};

/// `bytes` exactly: text, and `<byte value="hh"/>` for each byte XML cannot hold (read back by
/// read_exact_bytes).
void write_exact_bytes(RawXml& xml, std::string_view bytes) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  while (!bytes.empty()) {
    const std::size_t text = xml_text_prefix(bytes);
    if (text > 0) xml.text(bytes.substr(0, text));
    if (text == bytes.size()) break;
    const auto byte = static_cast<unsigned char>(bytes[text]);
    const std::array<char, 2> hex{kHex[byte >> 4U], kHex[byte & 0xFU]};
    xml.open("byte");
    xml.attribute("value", std::string_view(hex.data(), hex.size()));
    xml.close();
    bytes.remove_prefix(text + 1);
  }
}

void write_position(RawXml& xml, const SourceText& source, Span span) {
  const LineColumn at = source.locate(span.begin);
  xml.attribute("offset", span.begin);
  xml.attribute("length", span.size());
  xml.attribute("line", at.line);
  xml.attribute("column", at.column);
}

void write_finding(RawXml& xml, const DocumentReport& doc, const Finding& finding,
                   const std::string& id) {
  xml.open("finding");
  xml.attribute("id", id);
  xml.attribute("rule", finding.rule);
  xml.attribute("severity", to_string(finding.severity));
  write_position(xml, doc.source, finding.span);
  const LineColumn end = doc.source.locate(finding.span.end);
  xml.attribute("end-line", end.line);
  xml.attribute("end-column", end.column);
  xml.open("message");
  xml.text(xml_safe(finding.message));
  xml.close();
  xml.open("text");
  write_exact_bytes(xml, doc.source.slice(finding.span));
  xml.close();
  for (const std::string& suggestion : finding.suggestions) {
    xml.open("suggestion");
    xml.text(xml_safe(suggestion));
    xml.close();
  }
  for (const RelatedSpan& related : finding.related) {
    xml.open("related");
    write_position(xml, doc.source, related.span);
    if (!related.note.empty()) xml.attribute("note", xml_safe(related.note));
    write_exact_bytes(xml, doc.source.slice(related.span));
    xml.close();
  }
  if (!finding.context.empty()) {
    xml.open("context");
    write_position(xml, doc.source, finding.context);
    write_exact_bytes(xml, doc.source.slice(finding.context));
    xml.close();
  }
  xml.close();
}

/// True when run `r` of `runs` opens a block or gap element whatever came before it: the
/// element before it, if any, is closed there.
bool opens_element(const std::vector<AnnotatedRun>& runs, std::size_t r) {
  if (r == 0 || runs[r].starts_container) return true;
  return runs[r].block != runs[r - 1].block;  // A gap's block is null, a block's is not.
}

/// Runs [first, last) of `runs` (opens_element at `first`, and at `last` unless it is the end),
/// each block or gap element on a line that `inner` (a newline and spaces) starts.
void write_runs(RawXml& xml, const DocumentReport& doc, std::size_t doc_index,
                const std::vector<AnnotatedRun>& runs, std::size_t first, std::size_t last,
                std::string_view inner) {
  bool in_container = false;
  for (std::size_t r = first; r < last; ++r) {
    const AnnotatedRun& run = runs[r];
    if (!in_container || opens_element(runs, r)) {
      if (in_container) xml.close();
      xml.raw(inner);
      if (run.block == nullptr) {
        xml.open("gap");
      } else {
        xml.open("block");
        xml.attribute("kind", to_string(run.block->kind));
        write_position(xml, doc.source, run.block->span);
        if (run.continued) xml.attribute("continued", "true");
      }
      in_container = true;
    }
    const std::string_view bytes = doc.source.slice(run.span);
    if (run.findings.empty()) {
      write_exact_bytes(xml, bytes);
      continue;
    }
    std::string ids;
    for (const std::size_t index : run.findings) {
      if (!ids.empty()) ids += ' ';
      ids += finding_id(doc_index, index);
    }
    xml.open("mark");
    xml.attribute("findings", ids);
    write_exact_bytes(xml, bytes);
    xml.close();
  }
  if (in_container) xml.close();
}

/// True when a document is long enough for its text to be printed on two threads (below 2 MB
/// a thread cost more than it saved).
bool worth_halving(const DocumentReport& doc) {
  constexpr std::size_t kHalvedBytes = std::size_t{2} << 20U;
  return doc.source.bytes().size() >= kHalvedBytes && std::thread::hardware_concurrency() >= 2;
}

/// The first run of the second half of `runs` by source bytes where an element opens, or
/// runs.size().
std::size_t second_half(const DocumentReport& doc, const std::vector<AnnotatedRun>& runs) {
  const std::size_t middle = doc.source.bytes().size() / 2;
  std::size_t r = 1;
  while (r < runs.size() && (runs[r].span.begin < middle || !opens_element(runs, r))) ++r;
  return std::min(r, runs.size());
}

/// pugixml and RawXml print into a string through this, on another thread: a chunk of
/// documents, or the second half of a long document's text.
class StringWriter final : public pugi::xml_writer {
 public:
  void write(const void* data, size_t size) override {
    text.append(static_cast<const char*>(data), size);
  }
  std::string text;  ///< What was printed.
};

/// A document's <text> element: its bytes, block by block and gap by gap, findings marked, each
/// block or gap on a line that `inner` (a newline and spaces) starts. A long document's element
/// is printed on two threads (`halve`): another thread cuts the source into runs while this one
/// prints the findings, then prints the second half of the runs while this one prints the
/// first. Each half opens and closes its own elements, so the bytes are those one thread prints;
/// on one core, the report of a 16 MB document took a tenth of the run.
class TextElement {
 public:
  /// Starts the other thread's part when `halve` and the thread can be had.
  TextElement(const DocumentReport& doc, std::size_t doc_index, std::string inner, bool halve)
      : doc_(doc), doc_index_(doc_index), inner_(std::move(inner)) {
    if (!halve) return;
    cut_ = runs_cut_.get_future();
    try {
      second_half_ = std::async(std::launch::async, [this] { return print_second_half(); });
    } catch (const std::system_error&) {
      // No thread to be had: write() prints the whole element on this one.
    }
  }
  TextElement(const TextElement&) = delete;  // The other thread holds `this`.
  TextElement& operator=(const TextElement&) = delete;
  TextElement(TextElement&&) = delete;
  TextElement& operator=(TextElement&&) = delete;
  ~TextElement() = default;

  /// Prints the element; `indent` ends the line before its end tag.
  void write(RawXml& xml, std::string_view indent) {
    xml.open("text");
    if (second_half_.valid()) {
      cut_.get();
      write_runs(xml, doc_, doc_index_, runs_, 0, split_, inner_);
      xml.printed(second_half_.get());
    } else {
      runs_ = annotate(doc_);
      write_runs(xml, doc_, doc_index_, runs_, 0, runs_.size(), inner_);
    }
    xml.raw(indent);
    xml.close();
  }

 private:
  /// The other thread's part: the runs and the split, then the second half printed.
  std::string print_second_half() {
    try {
      runs_ = annotate(doc_);
      split_ = second_half(doc_, runs_);
    } catch (...) {
      runs_cut_.set_exception(std::current_exception());  // Else write() would wait forever.
      throw;
    }
    runs_cut_.set_value();
    StringWriter printed;
    if (split_ < runs_.size()) {
      // Room for the whole half at once (markup is under a hundred bytes a run, escapes rarely
      // add a fifth): grown by doubling, the string was copied at each size and its pages
      // touched anew, 19 MB of fresh pages for 14 MB of big.txt's half. Pages reserved and
      // not written are never touched.
      const std::size_t bytes = doc_.source.bytes().size() - runs_[split_].span.begin;
      printed.text.reserve(bytes + bytes / 4 + 128 * (runs_.size() - split_));
    }
    {
      RawXml half(printed);
      write_runs(half, doc_, doc_index_, runs_, split_, runs_.size(), inner_);
    }
    return std::move(printed.text);
  }

  const DocumentReport& doc_;       ///< The document printed.
  std::size_t doc_index_;           ///< Its number in the report, for the findings' ids.
  std::string inner_;               ///< What starts each block's or gap's line.
  std::vector<AnnotatedRun> runs_;  ///< The source cut at every block and finding boundary.
  std::size_t split_ = 0;           ///< The first run of the second half.
  std::promise<void> runs_cut_;     ///< Set once runs_ and split_ are.
  std::future<void> cut_;           ///< runs_cut_'s, waited for by write().
  /// Declared last, so destroyed first: its destructor waits for the thread using the above.
  std::future<std::string> second_half_;
};

/// One document's element, each child on a line of its own (the report is printed raw: an
/// indenting printer would add white space inside source text made only of elements); its text
/// on two threads if `may_halve` and it is long.
void write_document(RawXml& xml, const DocumentReport& doc, std::size_t doc_index, bool may_halve) {
  xml.open("document");
  xml.attribute("path", xml_safe(doc.path));
  xml.attribute("status", to_string(doc.status));
  if (doc.status != DocumentStatus::checked) {
    xml.open("problem");
    xml.text(xml_safe(doc.problem));
    xml.close();
    xml.close();
    return;
  }
  xml.attribute("format", doc.format);
  xml.attribute("language", doc.language);
  xml.attribute("words", doc.word_count);
  xml.attribute("bytes", doc.source.bytes().size());
  constexpr std::string_view kChild = "\n    ";
  TextElement text(doc, doc_index, std::string(kChild) + "  ", may_halve && worth_halving(doc));
  for (std::size_t i = 0; i < doc.findings.size(); ++i) {
    xml.raw(kChild);
    write_finding(xml, doc, doc.findings[i], finding_id(doc_index, i));
  }
  xml.raw(kChild);
  text.write(xml, kChild);
  xml.raw("\n  ");
  xml.close();
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

/// Prints the elements of documents [first, last) of `report` to `writer`, each built and
/// printed on its own (a spooled one reloaded just before), so that memory holds one
/// document's tree at a time; a long one's text on two threads if `may_halve`.
template <typename Writer>
void print_documents(const Report& report, std::size_t first, std::size_t last, Writer& writer,
                     bool may_halve) {
  for (std::size_t i = first; i < last; ++i) {
    const DocumentReport* doc = &report.documents[i];
    std::optional<DocumentReport> full;
    if (doc->spooled) doc = &full.emplace(report.spool->load(*doc->spooled));
    RawXml xml(writer);
    xml.outside("  ");
    write_document(xml, *doc, i, may_halve);
    xml.outside("\n");
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
// bound its memory) is built on this thread alone. A long document's text is printed in two
// halves on two threads, unless it is the other thread's chunk (two threads are busy already)
// or the report is spooled (the second half is held in a string).
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
    print_documents(report, 0, count, writer, false);
  } else {
    for (std::size_t first = 0; first < count;) {
      const std::size_t middle = chunk_end(report, first);
      const std::size_t last = chunk_end(report, middle);
      std::future<std::string> second;
      if (middle < last) {
        second = std::async(std::launch::async, [&report, middle, last] {
          StringWriter printed;
          print_documents(report, middle, last, printed, false);
          return std::move(printed.text);
        });
      }
      print_documents(report, first, middle, writer, true);
      if (second.valid()) writer.put(second.get());
      first = last;
    }
  }
  writer.put("</galley-report>\n");
  writer.flush();
}

}  // namespace galley
