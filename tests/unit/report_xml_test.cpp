// The XML report reproduces every byte of each document, marks each finding over exactly its
// bytes, and stays well-formed whatever the input holds.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <thread>

#include "pipeline.hpp"
#include "report/annotate.hpp"
#include "report/spool.hpp"
#include "report/xml_text.hpp"
#include "report/xml_writer.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

std::string xml_of(const std::vector<InputFile>& inputs) {
  Settings settings;
  settings.jobs = 1;
  const Report report = run_pipeline(inputs, settings);
  std::ostringstream out;
  write_xml(report, out);
  return out.str();
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_buffer(
      xml.data(), xml.size(), (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_eol);
  INFO(result.description() << " at " << result.offset);
  REQUIRE(result);
  return doc;
}

/// The XML report of `inputs` run on `jobs` workers, after checking that the same run with
/// every document spooled (its report built on one thread) gives the same bytes.
std::string kept_matching_spooled(const std::vector<InputFile>& inputs, unsigned jobs) {
  Settings settings;
  settings.jobs = jobs;
  std::ostringstream kept;
  write_xml(run_pipeline(inputs, settings), kept);
  std::ostringstream spooled;
  write_xml(run_pipeline(inputs, settings, {}, std::make_shared<DocumentSpool>(0)), spooled);
  CHECK(spooled.str() == kept.str());
  return kept.str();
}

/// Walks a document's text element: checks that it reproduces `source` and that every mark covers
/// the bytes its findings name.
void check_reproduction(pugi::xml_node document, const std::string& source) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> findings;
  for (pugi::xml_node finding : document.children("finding")) {
    const std::size_t offset = finding.attribute("offset").as_ullong();
    const std::size_t length = finding.attribute("length").as_ullong();
    REQUIRE(offset + length <= source.size());
    CHECK(read_exact_bytes(finding.child("text")) == source.substr(offset, length));
    findings[finding.attribute("id").value()] = {offset, offset + length};
  }
  std::string rebuilt;
  for (pugi::xml_node part : document.child("text").children()) {
    if (part.type() != pugi::node_element) continue;
    for (pugi::xml_node child : part.children()) {
      if (child.type() == pugi::node_element && std::string_view(child.name()) == "mark") {
        std::istringstream ids(child.attribute("findings").value());
        for (std::string id; ids >> id;) {
          REQUIRE(findings.count(id) == 1);
          CHECK(findings[id].first <= rebuilt.size());
        }
        const std::string bytes = read_exact_bytes(child);
        std::istringstream again(child.attribute("findings").value());
        for (std::string id; again >> id;)
          CHECK(rebuilt.size() + bytes.size() <= findings[id].second);
        rebuilt += bytes;
      } else if (child.type() == pugi::node_element) {
        rebuilt += static_cast<char>(std::stoi(child.attribute("value").value(), nullptr, 16));
      } else {
        rebuilt += child.value();
      }
    }
  }
  CHECK(rebuilt == source);
}

/// What the report writer printed when it built a pugixml tree of each document (before
/// 2026-11-27), kept as the reference the streaming writer must match byte for byte.
namespace tree_reference {

/// `bytes` as text nodes and `<byte value="hh"/>` elements, as the tree writer appended them.
void append_exact_bytes(pugi::xml_node parent, std::string_view bytes) {
  while (!bytes.empty()) {
    const std::size_t text = xml_text_prefix(bytes);
    if (text > 0) parent.append_child(pugi::node_pcdata).set_value(bytes.data(), text);
    if (text == bytes.size()) break;
    std::array<char, 4> hex{};
    std::snprintf(hex.data(), hex.size(), "%02x", static_cast<unsigned char>(bytes[text]));
    parent.append_child("byte").append_attribute("value").set_value(hex.data());
    bytes.remove_prefix(text + 1);
  }
}

std::string id_of(std::size_t doc, std::size_t finding) {
  return "d" + std::to_string(doc + 1) + "f" + std::to_string(finding + 1);
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
      ids += id_of(doc_index, index);
    }
    pugi::xml_node mark = container.append_child("mark");
    mark.append_attribute("findings").set_value(ids.c_str());
    append_exact_bytes(mark, bytes);
  }
}

void indent_children(pugi::xml_node node, std::size_t depth) {
  const std::string inner = "\n" + std::string(2 * (depth + 1), ' ');
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    node.insert_child_before(pugi::node_pcdata, child).set_value(inner.c_str());
  }
  node.append_child(pugi::node_pcdata).set_value(("\n" + std::string(2 * depth, ' ')).c_str());
}

/// The document's element as pugixml printed it, with the writer's indentation and newline.
std::string printed(const DocumentReport& doc, std::size_t doc_index) {
  pugi::xml_document tree;
  pugi::xml_node node = tree.append_child("document");
  node.append_attribute("path").set_value(xml_safe(doc.path).c_str());
  node.append_attribute("status").set_value(std::string(to_string(doc.status)).c_str());
  if (doc.status != DocumentStatus::checked) {
    node.append_child("problem").text().set(xml_safe(doc.problem).c_str());
  } else {
    node.append_attribute("format").set_value(doc.format.c_str());
    node.append_attribute("language").set_value(doc.language.c_str());
    node.append_attribute("words").set_value(static_cast<unsigned long long>(doc.word_count));
    node.append_attribute("bytes").set_value(
        static_cast<unsigned long long>(doc.source.bytes().size()));
    for (std::size_t i = 0; i < doc.findings.size(); ++i) {
      add_finding(node, doc, doc.findings[i], id_of(doc_index, i));
    }
    add_text(node, doc, doc_index);
    indent_children(node.child("text"), 2);
    indent_children(node, 1);
  }
  std::ostringstream out;
  tree.first_child().print(out, "", pugi::format_raw, pugi::encoding_utf8);
  return "  " + out.str() + "\n";
}

}  // namespace tree_reference

/// A document with what a report can hold at its edges: ill-formed bytes and controls in the
/// source, a block inside another (the outer one continued), a finding of no bytes, empty
/// messages and suggestions, a related span with a note that needs escaping.
DocumentReport edge_document() {
  DocumentReport doc;
  doc.path = "dir/a&b <c> \"d\" 'e'\tf.txt";
  doc.format = "text";
  doc.language = "en-GB";
  doc.word_count = 12;
  doc.source =
      SourceText(doc.path, std::string("Title & <intro>\n\nBody \xFF text\x01 with \"quotes\"\r\n"
                                       "caf\xC3\xA9 ]]> end\n\nlast line"));
  doc.blocks = {{BlockKind::heading, {0, 15}},
                {BlockKind::paragraph, {17, 60}},
                {BlockKind::caption, {30, 40}},
                {BlockKind::paragraph, {70, 79}}};
  Finding a;
  a.rule = "typography.test";
  a.severity = Severity::error;
  a.message = "A message with & < > \" ' and \xFF";
  a.span = {6, 7};
  a.suggestions = {"and", "", "&amp;"};
  a.context = {0, 15};
  Finding empty;
  empty.rule = "style.empty";
  empty.severity = Severity::info;
  empty.span = {35, 35};
  Finding related;
  related.rule = "duplicate.sentence";
  related.message = "copy";
  related.span = {17, 40};
  related.related = {{{70, 79}, "first copy: \"x\" & <y>\ttab\nline\rreturn"}, {{0, 4}, ""}};
  related.context = {17, 60};
  doc.findings = {a, related, empty};
  std::sort(doc.findings.begin(), doc.findings.end(), finding_before);
  return doc;
}

}  // namespace

TEST_CASE("report: every sample is reproduced byte for byte with exact marks", "[report][xml]") {
  std::vector<InputFile> inputs;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(GALLEY_SOURCE_DIR) + "/samples")) {
    inputs.push_back({entry.path().string(), std::nullopt});
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  REQUIRE(inputs.size() >= 6);
  const pugi::xml_document xml = parse(xml_of(inputs));
  std::size_t documents = 0;
  std::size_t findings = 0;
  for (pugi::xml_node document : xml.child("galley-report").children("document")) {
    INFO(document.attribute("path").value());
    check_reproduction(document, test::read_file_text(document.attribute("path").value()));
    findings += static_cast<std::size_t>(
        std::distance(document.children("finding").begin(), document.children("finding").end()));
    ++documents;
  }
  CHECK(documents == inputs.size());
  CHECK(findings > 0);
}

TEST_CASE("report: well-formed with NUL, controls, invalid UTF-8, a CDATA end and CRLF",
          "[report][xml]") {
  const std::string dir = test::temp_dir();
  const std::string path = dir + "/hostile.txt";
  // No hand-counted length: ASan found one (46) running past the literal's 41 bytes.
  const std::string bytes = std::string("Bad \x01 byte ]]> and \xFF\xFE here <b>&amp;\r\nNUL ") +
                            std::string(1, '\0') + " end\xE2\x80\x8B word.\n";
  test::write_file(path, bytes);
  // The NUL makes the file look binary: read it as text through the reader instead.
  Document doc = read_document(SourceText(path, bytes), InputFormat::text);
  Settings settings;
  CheckSet checks(settings);
  Report report;
  report.tool_version = "test";
  report.documents.push_back(checks.check(std::move(doc), path));
  std::ostringstream out;
  write_xml(report, out);
  const pugi::xml_document xml = parse(out.str());
  pugi::xml_node document = xml.child("galley-report").child("document");
  check_reproduction(document, bytes);
  CHECK(document.child("finding"));
  std::filesystem::remove_all(dir);
}

// Past 64 documents an unspooled report's elements are built on two threads, in chunks; a
// spooled one's on one thread: the two must agree byte for byte, in order, with their ids.
TEST_CASE("xml report: a large batch comes out in input order, spooled or not", "[xml][spool]") {
  const test::Scratch dir;
  std::vector<InputFile> inputs;
  for (std::size_t n = 0; n < 300; ++n) {
    const std::string id = std::to_string(n);
    inputs.push_back(
        {dir.file("note-" + id + ".txt", "Notice " + id + ": the the hall opens at " + id + ".\n"),
         std::nullopt});
  }
  const pugi::xml_document xml = parse(kept_matching_spooled(inputs, 2));
  std::size_t n = 0;
  for (pugi::xml_node document : xml.child("galley-report").children("document")) {
    REQUIRE(n < inputs.size());
    INFO("document " << n);
    CHECK(document.attribute("path").value() == inputs[n].path);
    const pugi::xml_node finding = document.child("finding");
    REQUIRE(finding);
    CHECK(std::string(finding.attribute("id").value()) == "d" + std::to_string(n + 1) + "f1");
    ++n;
  }
  CHECK(n == inputs.size());
}

}  // namespace galley

namespace galley {

TEST_CASE("xml report: each document printed as pugixml printed its tree", "[report][xml]") {
  Report report;
  report.documents.push_back(edge_document());
  DocumentReport empty = edge_document();
  empty.source = SourceText("empty.txt", "");
  empty.blocks.clear();
  empty.findings.clear();
  report.documents.push_back(std::move(empty));
  DocumentReport failed;
  failed.path = "missing <file>.txt";
  failed.status = DocumentStatus::failed;
  failed.problem = "cannot read: \"No such file\" & more\x02";
  report.documents.push_back(failed);
  for (const std::string& sample :
       {std::string("samples/clean-release.html"), std::string("samples/harbour-authority.txt")}) {
    Settings settings;
    settings.jobs = 1;
    Report one = run_pipeline({InputFile{sample, std::nullopt}}, settings);
    report.documents.push_back(std::move(one.documents.front()));
  }
  std::ostringstream out;
  write_xml(report, out);
  std::string expected;
  for (std::size_t i = 0; i < report.documents.size(); ++i)
    expected += tree_reference::printed(report.documents[i], i);
  const std::string written = out.str();
  const std::size_t first = written.find("  <document");
  const std::size_t last = written.rfind("</galley-report>");
  REQUIRE(first != std::string::npos);
  REQUIRE(last != std::string::npos);
  CHECK(written.substr(first, last - first) == expected);
  // The edge document holds what it is meant to exercise.
  CHECK(expected.find("continued=\"true\"") != std::string::npos);
  CHECK(expected.find("<byte value=\"ff\"/>") != std::string::npos);
  CHECK(expected.find("<suggestion></suggestion>") != std::string::npos);
  CHECK(expected.find("&#09;") != std::string::npos);
  CHECK(expected.find("\"/>") != std::string::npos);
}

}  // namespace galley

namespace galley {

TEST_CASE("xml report: a long document printed in two halves as in one", "[report][xml]") {
  // The edge document over and over, past the size whose second half another thread prints,
  // with one finding across the middle of many blocks: the halves must join where an element
  // opens, and the bytes be the tree writer's. An even number of copies and 40 bytes after them
  // put the middle byte 20 bytes into a copy, inside its paragraph (17 to 60), where a finding
  // starts: a run that opens no element, which a split at the first run of the second half
  // would cut inside the paragraph's element.
  const DocumentReport edge = edge_document();
  const std::string unit = std::string(edge.source.bytes()) + "\n\n";
  const std::size_t copies = ((std::size_t{2} << 20U) / unit.size() + 64) / 2 * 2;
  const auto shifted = [](Span span, std::size_t by) {
    return Span{span.begin + by, span.end + by};
  };
  DocumentReport doc;
  doc.path = "long.txt";
  doc.format = "text";
  doc.language = "en-GB";
  doc.word_count = 12 * copies;
  std::string bytes;
  for (std::size_t c = 0; c < copies; ++c) {
    const std::size_t offset = bytes.size();
    bytes += unit;
    for (const BlockRecord& block : edge.blocks)
      doc.blocks.push_back({block.kind, shifted(block.span, offset)});
    for (Finding finding : edge.findings) {
      finding.span = shifted(finding.span, offset);
      finding.context = shifted(finding.context, offset);
      for (RelatedSpan& related : finding.related) related.span = shifted(related.span, offset);
      doc.findings.push_back(std::move(finding));
    }
  }
  bytes += std::string(40, '-');
  const std::size_t middle = bytes.size() / 2;
  REQUIRE(middle % unit.size() == 20);
  Finding across;
  across.rule = "duplicate.paragraph";
  across.message = "across the middle";
  across.span = {middle - 5 * unit.size(), middle + 5 * unit.size()};
  across.context = across.span;
  doc.findings.push_back(across);
  Finding at_middle;
  at_middle.rule = "typography.test";
  at_middle.message = "from the middle byte";
  at_middle.span = {middle, middle + 4};
  doc.findings.push_back(at_middle);
  std::sort(doc.findings.begin(), doc.findings.end(), finding_before);
  doc.source = SourceText(doc.path, bytes);
  REQUIRE(doc.source.bytes().size() >= std::size_t{2} << 20U);
  Report report;
  report.documents.push_back(doc);
  std::ostringstream out;
  write_xml(report, out);
  const std::string written = out.str();
  const std::size_t first = written.find("  <document");
  const std::size_t last = written.rfind("</galley-report>");
  REQUIRE(first != std::string::npos);
  REQUIRE(last != std::string::npos);
  CHECK(written.substr(first, last - first) == tree_reference::printed(doc, 0));
  if (std::thread::hardware_concurrency() < 2) WARN("one core: the halves were not exercised");
}

}  // namespace galley
