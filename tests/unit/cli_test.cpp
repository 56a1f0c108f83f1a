// The command line's contract: exit codes, messages naming the file, and one bad input never
// stopping the others.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "core/allocator_tuning.hpp"
#include "core/utf8.hpp"
#include "test_support.hpp"

namespace galley {

using test::run_galley;
using test::run_galley_with;
using test::Scratch;

TEST_CASE("cli: --version and usage errors", "[cli]") {
  const auto version = run_galley("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("galley 0.") != std::string::npos);
  CHECK(run_galley("check --format nonsense samples").exit_code == 2);
  CHECK(run_galley("frobnicate").exit_code == 2);
  CHECK(run_galley("check --help").exit_code == 0);
}

TEST_CASE("cli: exit codes follow --fail-on", "[cli]") {
  const Scratch scratch;
  const std::string clean = scratch.file("clean.txt", "The council met on Monday.\n");
  const std::string warning = scratch.file("warn.txt", "The council met  on Monday.\n");
  const std::string error = scratch.file("error.txt", "The the council met on Monday.\n");
  CHECK(run_galley("check " + clean).exit_code == 0);
  CHECK(run_galley("check " + warning).exit_code == 0);
  CHECK(run_galley("check --fail-on warning " + warning).exit_code == 1);
  CHECK(run_galley("check " + error).exit_code == 1);
  CHECK(run_galley("check --fail-on never " + error).exit_code == 0);
}

TEST_CASE("cli: text findings are compiler-style with the line and a caret", "[cli]") {
  const Scratch scratch;
  const std::string path = scratch.file("a.txt", "First line.\n\nThe council met  on Monday.\n");
  const auto run = run_galley("check --no-color " + path);
  CHECK(run.out.find(path + ":3:16: warning: 2 spaces where one is meant [typography.doubled-space]\n"
                     "  The council met  on Monday.\n"
                     "                 ^~\n") != std::string::npos);
}

TEST_CASE("cli: the caret counts wide characters twice and combining marks not at all", "[cli]") {
  const Scratch scratch;
  // Two CJK characters (two columns each) and an e with a combining acute (one column).
  const std::string path =
      scratch.file("wide.txt", "\xE6\x9D\xB1\xE4\xBA\xAC and Cafe\xCC\x81 said the the same.\n");
  const auto run = run_galley("check --no-color " + path);
  CHECK(run.out.find("said the the same.\n"
                     "  " +
                     std::string(19, ' ') + "^~~~~~~\n") != std::string::npos);
}

TEST_CASE("cli: a missing file is named, the others are still checked, exit 2", "[cli][bad-input]") {
  const Scratch scratch;
  const std::string good = scratch.file("good.txt", "The the council met on Monday.\n");
  const auto run = run_galley("check " + scratch.dir + "/missing.txt " + good);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("missing.txt: no such file") != std::string::npos);
  CHECK(run.out.find("good.txt:1:1: error: Repeated word") != std::string::npos);
}

TEST_CASE("cli: a directory with no documents is an input error", "[cli][bad-input]") {
  const Scratch scratch;
  scratch.file("image.png", "\x89PNG");
  const auto run = run_galley("check " + scratch.dir);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("no documents") != std::string::npos);
}

TEST_CASE("cli: an empty file is checked and clean", "[cli][bad-input]") {
  const Scratch scratch;
  const auto run = run_galley("check " + scratch.file("empty.md", ""));
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("1 document, 0 words") != std::string::npos);
}

TEST_CASE("cli: invalid UTF-8 is a finding at its byte offset and checking goes on", "[cli][bad-input]") {
  const Scratch scratch;
  const std::string path = scratch.file("latin1.txt", "Caf\xE9 opens.\n\nThe the end.\n");
  const auto run = run_galley("check --no-color " + path);
  CHECK(run.exit_code == 1);
  CHECK(run.out.find(path + ":1:4: error: Invalid UTF-8 (0xE9): '\u00E9' in Windows-1252") !=
        std::string::npos);
  CHECK(run.out.find(path + ":3:1: error: Repeated word") != std::string::npos);
}

TEST_CASE("cli: binary and UTF-16 files are skipped with a message", "[cli][bad-input]") {
  const Scratch scratch;
  const std::string binary = scratch.file("blob.txt", std::string("\x7F" "ELF\0\0\0\x01\0\0", 10));
  const std::string utf16 = scratch.file("wide.txt", std::string("\xFF\xFEh\0i\0", 6));
  const std::string good = scratch.file("good.txt", "The the end.\n");
  const auto run = run_galley("check " + binary + " " + utf16 + " " + good);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("blob.txt: binary file") != std::string::npos);
  CHECK(run.err.find("wide.txt: UTF-16 text, skipped") != std::string::npos);
  CHECK(run.out.find("good.txt:1:1: error") != std::string::npos);
}

TEST_CASE("cli: stdin with --input-format", "[cli]") {
  const Scratch scratch;
  const std::string input = scratch.file("in", "Some *the the* text.\n");
  const auto run = run_galley("check --input-format markdown - < " + input);
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("-:1:7: error: Repeated word") != std::string::npos);
}

TEST_CASE("cli: the restart with malloc tuned keeps arguments and stdin and exit code", "[cli]") {
  // galley starts itself again with GLIBC_TUNABLES set (core/allocator_tuning.cpp) unless the
  // variable is set already; an empty one turns the restart off. Same report either way.
  const Scratch scratch;
  const std::string input = scratch.file("in", "A report with the the word repeated.\n");
  const std::string args = "check --format xml --input-format text -";
  const std::string pipe = "cat '" + input + "' | ";  // stdin a pipe: nothing read twice or lost
  const auto restarted = run_galley_with(pipe + "env -u GLIBC_TUNABLES -u LD_PRELOAD", args);
  const auto as_started = run_galley_with(pipe + "env GLIBC_TUNABLES=", args);
  CHECK(restarted.exit_code == 1);
  CHECK(restarted.out.find("rule=\"typography.repeated-word\"") != std::string::npos);
  CHECK(restarted.exit_code == as_started.exit_code);
  CHECK(restarted.out == as_started.out);
  CHECK(restarted.err == as_started.err);
}

TEST_CASE("cli: galley starts once more with malloc tuned unless GLIBC_TUNABLES is set", "[cli]") {
  // The dynamic loader says "transferring control" each time a program starts (LD_DEBUG=files):
  // twice with the restart, once without. A sanitizer's build never restarts.
  const auto starts = [](const std::string& environment, const std::string& launcher = "") {
    const auto run =
        run_galley_with("env " + environment + " LD_DEBUG=files " + launcher, "--version");
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("galley "));  // Not the loader's own --version.
    std::size_t count = 0;
    for (std::size_t at = run.err.find("transferring control"); at != std::string::npos;
         at = run.err.find("transferring control", at + 1)) {
      ++count;
    }
    return count;
  };
  CHECK(starts("-u GLIBC_TUNABLES -u LD_PRELOAD") == (allocator_restart_supported() ? 2U : 1U));
  CHECK(starts("-u LD_PRELOAD GLIBC_TUNABLES=") == 1U);
  CHECK(starts("-u LD_PRELOAD GLIBC_TUNABLES=glibc.malloc.hugetlb=0") == 1U);
  // Started as the dynamic loader's argument, /proc/self/exe is the loader: no restart, and
  // the run goes on as started (exec'ing the loader again once took "--version" for a program).
  const std::string loader = program_interpreter();  // The test program's, galley's too.
  if (allocator_restart_supported() && !loader.empty()) {
    CHECK(starts("-u GLIBC_TUNABLES -u LD_PRELOAD", "'" + loader + "'") == 1U);
  }
}

TEST_CASE("cli: a 50 MB single-line file is checked", "[cli][bad-input][slow]") {
  const Scratch scratch;
  std::string line;
  line.reserve(50U << 20U);
  while (line.size() < (50U << 20U)) line += "The harbour board met on Monday to approve the plan. ";
  const std::string path = scratch.file("long.txt", line);
  const std::string other = scratch.file("other.txt", "The the end.\n");
  // Over the size limit: skipped with a clear message, and the other file is still checked.
  const auto run = run_galley("check --format xml --output " + scratch.dir + "/r.xml " + path + " " + other);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("long.txt: larger than 8388608 bytes, skipped") != std::string::npos);
  const std::string xml = test::read_file_text(scratch.dir + "/r.xml");
  CHECK(xml.find("status=\"skipped\"") != std::string::npos);
  CHECK(xml.find("typography.repeated-word") != std::string::npos);
}

TEST_CASE("cli: deeply nested HTML is checked", "[cli][bad-input]") {
  const Scratch scratch;
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "<p>The the end.</p>";
  const auto run = run_galley("check " + scratch.file("deep.html", html));
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("Repeated word") != std::string::npos);
}

TEST_CASE("cli: --output writes the XML report atomically", "[cli]") {
  const Scratch scratch;
  const std::string path = scratch.file("a.txt", "The the end.\n");
  const auto run = run_galley("check --format xml --output " + scratch.dir + "/report.xml " + path);
  CHECK(run.exit_code == 1);
  const std::string xml = test::read_file_text(scratch.dir + "/report.xml");
  CHECK(xml.find("<galley-report") != std::string::npos);
  CHECK(xml.find("</galley-report>") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(scratch.dir + "/report.xml.tmp"));
}

TEST_CASE("cli: rules and explain", "[cli]") {
  const auto rules = run_galley("rules");
  CHECK(rules.exit_code == 0);
  CHECK(rules.out.find("typography.repeated-word") != std::string::npos);
  const auto explain = run_galley("explain typography.repeated-word");
  CHECK(explain.exit_code == 0);
  CHECK(explain.out.find("had had") != std::string::npos);
  CHECK(run_galley("explain no.such-rule").exit_code == 2);
}

TEST_CASE("cli: --max-bytes is honoured both ways", "[cli][bad-input]") {
  const Scratch scratch;
  std::string text;
  while (text.size() < 3000) text += "The council met on Monday and agreed the budget.\n";
  const std::string big = scratch.file("big.txt", text + "The the end.\n");
  const auto skipped = run_galley("check --max-bytes 2000 " + big);
  CHECK(skipped.err.find("big.txt: larger than 2000 bytes, skipped") != std::string::npos);
  const auto checked = run_galley("check --max-bytes 100000 " + big);
  CHECK(checked.exit_code == 1);
  CHECK(checked.out.find("Repeated word") != std::string::npos);
}

TEST_CASE("cli: a finding on a very long line prints an excerpt with the caret under it", "[cli]") {
  const Scratch scratch;
  std::string line;
  while (line.size() < 20000) line += "caf\xC3\xA9 board meets ";
  line += "the the vote ";
  while (line.size() < 40000) line += "caf\xC3\xA9 board meets ";
  const std::string path = scratch.file("long.txt", line + "\n");
  const auto run = run_galley("check --disable spelling " + path);
  CHECK(run.exit_code == 1);
  std::istringstream out(run.out);
  std::string header;
  std::string shown;
  std::string caret;
  while (std::getline(out, header) && header.find("[typography.repeated-word]") == std::string::npos) {
  }
  REQUIRE(std::getline(out, shown));
  REQUIRE(std::getline(out, caret));
  CHECK(shown.size() < 600);
  CHECK(shown.rfind("  ...", 0) == 0);
  CHECK(shown.substr(shown.size() - 3) == "...");
  // The carets sit under "the the": count code points, not bytes.
  const std::size_t at = shown.find("the the");
  REQUIRE(at != std::string::npos);
  CHECK(utf8::count_code_points(caret.substr(0, caret.find('^'))) ==
        utf8::count_code_points(shown.substr(0, at)));
  CHECK(caret.substr(caret.find('^')) == "^~~~~~~");
}

// The cheap size cases of issue #8 (the big ones are bench/size): a paragraph of 100,000 words
// and a batch of 2,000 files are checked whole, with exact positions for what was planted.
TEST_CASE("cli: a paragraph of 100 thousand words and 2 thousand files are checked whole", "[cli][size]") {
  const Scratch scratch;
  const std::string sentence = "The harbour board met on Tuesday and approved the budget. ";
  std::string paragraph;
  while (paragraph.size() < 600000) paragraph += sentence;  // About 100,000 words.
  const std::size_t column = paragraph.size() + 1;
  paragraph += "The the end.\n";
  const auto one = run_galley("check --format text " + scratch.file("paragraph.txt", paragraph));
  CHECK(one.exit_code == 1);
  CHECK(one.out.find("paragraph.txt:1:" + std::to_string(column) +
                     ": error: Repeated word") != std::string::npos);
  std::filesystem::create_directories(scratch.dir + "/many");
  for (int i = 0; i < 2000; ++i) {
    const std::string text = "Release " + std::to_string(i) + " of the harbour board.\n\n" +
                             (i == 1234 ? "The the vote was close.\n" : "The vote was close.\n");
    test::write_file(scratch.dir + "/many/r" + std::to_string(i) + ".txt", text);
  }
  const auto many = run_galley("check --format text --disable duplicate " + scratch.dir + "/many");
  CHECK(many.exit_code == 1);
  CHECK(many.out.find("r1234.txt:3:1: error: Repeated word") != std::string::npos);
  CHECK(many.out.find("2000 documents") != std::string::npos);
}

}  // namespace galley
