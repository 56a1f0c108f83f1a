// The spool of finished documents (issue #8): a run that spools every document must report
// byte for byte what the same run reports from memory, in every format, batch findings and
// inline suppressions included.
#include "report/spool.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <sstream>

#include "checks/rule_pack_check.hpp"
#include "core/interrupt.hpp"
#include "core/load_error.hpp"
#include "pipeline.hpp"
#include "report/baseline.hpp"
#include "report/writers.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

constexpr std::size_t kNoSpooling = std::numeric_limits<std::size_t>::max();

const std::string kCaption =
    "Photo: Councillor Priti Rahman with Market Street traders outside the clock tower.\n";
const std::string kDirective = "<!-- galley-disable-next-block duplicate.cross-document -->\n";

/// A batch with a cross-document duplicate, a suppressed one, an unused suppression, findings of
/// the rule packs, an unreadable input and a binary one.
std::vector<InputFile> write_batch(const std::string& dir) {
  test::write_file(dir + "/week-1.md", "Market Street will close to traffic in September.\n\n" +
                                           kCaption +
                                           "\nThe the council met  on Monday (at noon.\n");
  test::write_file(dir + "/week-2.md", "Ardlow's new libary opens on Monday.\n\n" + kCaption);
  test::write_file(dir + "/week-3.md", "The library has a cafe.\n\n" + kDirective + kCaption);
  test::write_file(dir + "/week-4.md",
                   "The library has a cafe.\n\n" + kDirective + "\nThe cafe opens at 9.\n");
  test::write_file(dir + "/binary.txt", std::string("\x01\x02\0\0\x03 binary", 12));
  std::vector<InputFile> inputs;
  for (const char* name :
       {"week-1.md", "week-2.md", "missing.txt", "week-3.md", "binary.txt", "week-4.md"}) {
    inputs.push_back({dir + "/" + name, std::nullopt});
  }
  return inputs;
}

Report run_with_budget(const std::vector<InputFile>& inputs, const Settings& settings,
                       std::size_t budget, const ProgressCallback& progress = {}) {
  Report report = run_pipeline(inputs, settings, progress, std::make_shared<DocumentSpool>(budget));
  report.seconds = 0;  // The text summary prints it.
  return report;
}

std::string render(const Report& report, const std::string& format, const Settings& settings) {
  std::ostringstream out;
  write_report(report, format, out, {false, pack_rules(settings)});
  return out.str();
}

std::size_t count_rule(const Report& report, std::string_view rule) {
  std::size_t n = 0;
  report.visit([&](std::size_t /*index*/, const DocumentReport& doc) {
    n += static_cast<std::size_t>(std::count_if(doc.findings.begin(), doc.findings.end(),
                                                [&](const Finding& f) { return f.rule == rule; }));
  });
  return n;
}

/// `report` with every document reloaded into memory.
Report in_memory(const Report& report) {
  Report copy;
  copy.tool_version = report.tool_version;
  copy.seconds = report.seconds;
  copy.interrupted = report.interrupted;
  copy.baseline_hidden = report.baseline_hidden;
  report.visit(
      [&](std::size_t /*index*/, const DocumentReport& doc) { copy.documents.push_back(doc); });
  return copy;
}

}  // namespace

TEST_CASE("spool: every format is byte-identical with every document spooled", "[spool][batch]") {
  const std::string dir = test::temp_dir();
  const std::vector<InputFile> inputs = write_batch(dir);
  for (const unsigned jobs : {1U, 2U}) {
    Settings settings;
    settings.jobs = jobs;
    const Report kept = run_with_budget(inputs, settings, kNoSpooling);
    const Report spooled = run_with_budget(inputs, settings, 0);
    CHECK(kept.spool->stored() == 0);
    // Four checked documents; those with batch findings are stored a second time.
    CHECK(spooled.spool->stored() >= 4);
    CHECK(spooled.documents[0].spooled.has_value());
    CHECK(spooled.documents[0].findings.empty());
    CHECK_FALSE(spooled.documents[2].spooled.has_value());  // Unreadable: nothing to spool.
    // The batch is not vacuous: one duplicate reported, one suppressed, one directive unused.
    CHECK(count_rule(kept, "duplicate.cross-document") == 1);
    CHECK(count_rule(kept, "style.unused-suppression") == 1);
    CHECK(count_rule(spooled, "duplicate.cross-document") == 1);
    CHECK(kept.summary().warnings + kept.summary().errors > 0);
    for (const std::string& format : report_formats()) {
      INFO("format " << format << ", jobs " << jobs);
      CHECK(render(spooled, format, settings) == render(kept, format, settings));
    }
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("spool: a baseline hides the same findings of spooled documents", "[spool][baseline]") {
  const std::string dir = test::temp_dir();
  const std::vector<InputFile> inputs = write_batch(dir);
  Settings settings;
  Report kept = run_with_budget(inputs, settings, kNoSpooling);
  Report spooled = run_with_budget(inputs, settings, 0);
  const Baseline from_kept(kept);
  const Baseline from_spooled(spooled);
  CHECK(from_spooled.size() == from_kept.size());
  // The second document's findings are new: remove them from the baseline's source report.
  Report older = in_memory(kept);
  older.documents[1].findings.clear();
  const Baseline baseline(older);
  kept.baseline_hidden = baseline.filter(kept);
  spooled.baseline_hidden = baseline.filter(spooled);
  CHECK(*spooled.baseline_hidden == *kept.baseline_hidden);
  CHECK(*kept.baseline_hidden == baseline.size());
  CHECK(spooled.summary().warnings + spooled.summary().errors > 0);
  for (const std::string& format : report_formats()) {
    INFO("format " << format);
    CHECK(render(spooled, format, settings) == render(kept, format, settings));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("spool: a spool that cannot be made is a load error naming TMPDIR", "[spool]") {
  const std::string dir = test::temp_dir();
  const std::vector<InputFile> inputs = write_batch(dir);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old == nullptr ? "" : old;
  ::setenv("TMPDIR", (dir + "/no-such-directory").c_str(), 1);
  Settings settings;
  std::string path;
  std::string message;
  try {
    (void)run_with_budget(inputs, settings, 0);
  } catch (const LoadError& error) {
    path = error.path();
    message = error.what();
  }
  if (old == nullptr) {
    ::unsetenv("TMPDIR");
  } else {
    ::setenv("TMPDIR", saved.c_str(), 1);
  }
  CHECK(path == dir + "/no-such-directory");
  CHECK(message.find("TMPDIR") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("spool: the last document a run expects stays in memory whatever the budget",
          "[spool]") {
  // The report is written as soon as the last document is done: spooling it would only mean
  // writing it out and reading it straight back.
  DocumentReport checked;
  checked.status = DocumentStatus::checked;
  checked.path = "a.md";
  checked.source = SourceText("a.md", std::string("Text.\n"));
  DocumentReport failed;
  failed.status = DocumentStatus::failed;
  failed.path = "missing.md";
  DocumentSpool spool(0);
  spool.expect(3);
  DocumentReport first = checked;
  spool.retain(first);
  CHECK(first.spooled.has_value());
  spool.retain(failed);  // Counted, though never spooled.
  DocumentReport last = checked;
  spool.retain(last);
  CHECK_FALSE(last.spooled.has_value());
  CHECK(last.source.bytes() == "Text.\n");
  CHECK(spool.stored() == 1);
  DocumentSpool unannounced(0);  // A spool told nothing spools every checked document.
  DocumentReport only = checked;
  unannounced.retain(only);
  CHECK(only.spooled.has_value());
}

TEST_CASE("spool: a document reloads exactly as it was stored", "[spool]") {
  DocumentReport doc;
  doc.path = "a.md";
  doc.format = "markdown";
  doc.language = "en-GB";
  doc.word_count = 3;
  doc.source = SourceText("a.md", std::string("The the end.\n\0x", 15));
  doc.blocks.push_back({BlockKind::heading, {0, 12}});
  Finding finding;
  finding.rule = "typography.repeated-word";
  finding.severity = Severity::error;
  finding.message = "Repeated word";
  finding.span = {0, 7};
  finding.suggestions = {"The", ""};
  finding.related = {{{4, 7}, "second"}};
  finding.context = {0, 12};
  doc.findings = {finding, Finding{}};
  DocumentSpool spool(0);
  DocumentReport stub = doc;
  spool.retain(stub);
  REQUIRE(stub.spooled.has_value());
  CHECK(stub.spooled->by_severity == std::array<std::uint32_t, 3>{0, 1, 1});
  CHECK(stub.path.empty());
  CHECK(stub.format == "markdown");
  CHECK(stub.source.bytes().empty());
  const DocumentReport back = spool.load(*stub.spooled);
  CHECK(back.path == doc.path);
  CHECK(back.format == doc.format);
  CHECK(back.language == doc.language);
  CHECK(back.word_count == doc.word_count);
  CHECK(back.source.path() == "a.md");
  CHECK(back.source.bytes() == doc.source.bytes());
  CHECK(back.source.line_count() == doc.source.line_count());
  REQUIRE(back.blocks.size() == 1);
  CHECK(back.blocks[0].kind == BlockKind::heading);
  CHECK(back.blocks[0].span == Span{0, 12});
  REQUIRE(back.findings.size() == 2);
  CHECK(back.findings[0].rule == finding.rule);
  CHECK(back.findings[0].severity == Severity::error);
  CHECK(back.findings[0].message == finding.message);
  CHECK(back.findings[0].span == finding.span);
  CHECK(back.findings[0].suggestions == finding.suggestions);
  REQUIRE(back.findings[0].related.size() == 1);
  CHECK(back.findings[0].related[0].span == Span{4, 7});
  CHECK(back.findings[0].related[0].note == "second");
  CHECK(back.findings[0].context == finding.context);
  CHECK_FALSE(back.spooled.has_value());
}

namespace {

/// An interrupted run with every document spooled, rendered in each format against the same
/// report reloaded into memory: 0 when all is well, else which part failed.
int interrupted_run_renders_alike() {
  const std::string dir = test::temp_dir();
  const std::vector<InputFile> inputs = write_batch(dir);
  Settings settings;
  settings.jobs = 1;
  install_interrupt_handlers();
  const Report spooled = run_with_budget(inputs, settings, 0, [](std::size_t done, std::size_t) {
    if (done == 2) std::raise(SIGINT);
  });
  if (!spooled.interrupted) return 1;
  if (!spooled.documents[1].spooled) return 2;
  if (!spooled.documents[3].path.empty() || spooled.documents[3].spooled) return 3;  // Not reached.
  const Report kept = in_memory(spooled);
  int failed = 0;
  for (std::size_t f = 0; f < report_formats().size(); ++f) {
    const std::string& format = report_formats()[f];
    if (render(spooled, format, settings) != render(kept, format, settings)) {
      failed = 10 + static_cast<int>(f);
    }
  }
  std::filesystem::remove_all(dir);
  return failed;
}

}  // namespace

// The interrupt flag cannot be cleared, so the run happens in a child process: the tests after
// this one (when the binary runs them all) must not start interrupted.
TEST_CASE("spool: an interrupted run renders its spooled documents as from memory",
          "[spool][interrupt]") {
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) ::_exit(interrupted_run_renders_alike());
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  INFO("1: not interrupted, 2: not spooled, 3: ran on, 10 + i: format i differs");
  CHECK(WEXITSTATUS(status) == 0);
}

}  // namespace galley
