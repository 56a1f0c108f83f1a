// Faults delivered to a real galley process (issue #8): a full disk or a closed pipe on output,
// SIGINT and SIGTERM mid-run, inputs that cannot be read or vanish, broken files to load. Each
// test forks and execs the binary, so the kernel, not a mock, delivers the fault.
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "input/collect.hpp"
#include "test_support.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;
using test::Scratch;

/// A hang fails the test after this long instead of blocking ctest.
constexpr auto kTimeout = std::chrono::seconds(30);

/// How galley's standard streams and limits are set up in the child.
struct Launch {
  std::vector<std::string> args;         ///< After the binary's name.
  std::string out_path;                  ///< Standard output goes to this file ...
  int out_fd = -1;                       ///< ... or to this descriptor when set.
  std::string err_path;                  ///< Standard error goes to this file.
  rlim_t max_file_size = RLIM_INFINITY;  ///< RLIMIT_FSIZE, with SIGXFSZ ignored when set.
};

/// A fictional release of about `bytes` bytes with one repeated word in each paragraph.
std::string release(std::size_t bytes) {
  std::string text = "Marlow Bay Rowing Trust opens its new boathouse\n\n";
  while (text.size() < bytes) {
    text +=
        "The the trust's chair, Ottilie Brandvold, said the boathouse would open to schools "
        "on weekday mornings and to clubs in the evenings.\n\n";
  }
  return text;
}

/// Forks and execs galley as `launch` says; only async-signal-safe calls after fork.
pid_t spawn(const Launch& launch) {
  std::vector<std::string> words{GALLEY_BINARY};
  words.insert(words.end(), launch.args.begin(), launch.args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid != 0) return pid;
  // Default dispositions, so that galley's own handlers are what is tested.
  for (const int signal_number : {SIGINT, SIGTERM, SIGPIPE, SIGXFSZ}) {
    std::signal(signal_number, SIG_DFL);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  const int out = launch.out_fd >= 0
                      ? launch.out_fd
                      : open(launch.out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err = open(launch.err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0 || err < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0) {
    _exit(126);
  }
  if (launch.max_file_size != RLIM_INFINITY) {
    const rlimit limit{launch.max_file_size, launch.max_file_size};
    std::signal(SIGXFSZ, SIG_IGN);  // Kept across exec: a write past the limit fails with EFBIG.
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
  }
  if (chdir(GALLEY_SOURCE_DIR) != 0) _exit(126);
  execv(argv[0], argv.data());
  _exit(127);
}

/// The wait status of `pid`, or empty (and the child killed) when it outlives `timeout`. Calls
/// `tick` about every 5 ms while waiting.
std::optional<int> wait_for(pid_t pid, const std::function<void()>& tick = {}) {
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return status;
    if (tick) tick();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return std::nullopt;
}

/// A wait status in words, for failure messages.
std::string describe(std::optional<int> status) {
  if (!status) return "still running after the timeout (a hang), killed";
  if (WIFEXITED(*status)) return "exited with " + std::to_string(WEXITSTATUS(*status));
  if (WIFSIGNALED(*status)) return "killed by signal " + std::to_string(WTERMSIG(*status));
  return "stopped";
}

/// True while `signal_number`, sent to process `pid`, waits to be delivered (/proc's pending
/// masks: ShdPnd for the process, SigPnd for its main thread). False once its handler has run,
/// or when the process is gone.
bool signal_pending(pid_t pid, int signal_number) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  const unsigned long long bit = 1ULL << static_cast<unsigned>(signal_number - 1);
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("ShdPnd:", 0) != 0 && line.rfind("SigPnd:", 0) != 0) continue;
    if ((std::stoull(line.substr(line.find(':') + 1), nullptr, 16) & bit) != 0) return true;
  }
  return false;
}

/// The exit code of a process that exited, or -1 (killed, hung).
int exit_code(std::optional<int> status) {
  return status && WIFEXITED(*status) ? WEXITSTATUS(*status) : -1;
}

/// Runs `launch` to the end (or the timeout) and returns its wait status.
std::optional<int> run(const Launch& launch) { return wait_for(spawn(launch)); }

/// Watches `dir` for the first file opened in it: galley has listed its inputs and started
/// reading them (inputs are collected before any is read).
class FirstOpen {
 public:
  explicit FirstOpen(const std::string& dir) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    REQUIRE(fd_ >= 0);
    REQUIRE(inotify_add_watch(fd_, dir.c_str(), IN_OPEN) >= 0);
  }
  FirstOpen(const FirstOpen&) = delete;
  FirstOpen& operator=(const FirstOpen&) = delete;
  ~FirstOpen() { close(fd_); }

  /// Whether a file (not the directory itself) has been opened since the last call.
  bool seen() {
    alignas(inotify_event) char buffer[4096];
    bool opened = false;
    for (ssize_t n = 0; (n = read(fd_, buffer, sizeof buffer)) > 0;) {
      for (ssize_t at = 0; at < n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
        if ((event->mask & IN_ISDIR) == 0 && event->len > 0) opened = true;
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      }
    }
    return opened;
  }

 private:
  int fd_;
};

/// `count` releases named 000.txt, 001.txt, ... in `dir`, each with findings.
void many_releases(const std::string& dir, int count) {
  for (int i = 0; i < count; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "%03d.txt", i);
    test::write_file(dir + "/" + name, release(3000));
  }
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("faults: a full disk on --output leaves no report, no .tmp, an old report intact",
          "[cli][faults]") {
  const Scratch scratch;
  const std::string doc = scratch.file("boathouse.txt", release(20000));
  const std::string target = scratch.dir + "/report.xml";
  const std::string err = scratch.dir + "/err";
  Launch launch{
      {"check", "--format", "xml", "--output", target, doc}, scratch.dir + "/out", -1, err};
  // Without a limit the report is larger than the limit below.
  REQUIRE(exit_code(run(launch)) == 1);
  const std::string complete = test::read_file_text(target);
  REQUIRE(complete.size() > 16000);
  REQUIRE(contains(complete, "</galley-report>"));

  launch.max_file_size = 4096;
  SECTION("no report before: none after") {
    fs::remove(target);
    const std::optional<int> status = run(launch);
    INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
    CHECK(exit_code(status) == 2);
    CHECK(contains(test::read_file_text(err), target + ": error: writing the report failed"));
    CHECK_FALSE(fs::exists(target));
  }
  SECTION("a complete report before: the same bytes after") {
    const std::optional<int> status = run(launch);
    INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
    CHECK(exit_code(status) == 2);
    CHECK(contains(test::read_file_text(err), target + ": error: writing the report failed"));
    const std::string after = test::read_file_text(target);
    INFO("the report at the target has " << after.size() << " bytes, was " << complete.size());
    CHECK(after.size() == complete.size());
    CHECK((after == complete));  // Not printed: 20 KB either side.
  }
  CHECK_FALSE(fs::exists(target + ".tmp"));
}

TEST_CASE("faults: a full disk on standard output is an error, not a crash", "[cli][faults]") {
  const Scratch scratch;
  const std::string doc = scratch.file("boathouse.txt", release(20000));
  const std::string err = scratch.dir + "/err";
  SECTION("standard output is /dev/full") {
    const std::optional<int> status =
        run({{"check", "--format", "xml", doc}, "/dev/full", -1, err});
    INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
    CHECK(exit_code(status) == 2);
    CHECK(contains(test::read_file_text(err), "<stdout>: error: cannot write the report"));
  }
  SECTION("--output names a device: written through, never renamed over") {
    const std::string device = scratch.dir + "/full";
    fs::create_symlink("/dev/full", device);  // A rename would replace the link, not the device.
    const std::optional<int> status =
        run({{"check", "--format", "xml", "-o", device, doc}, scratch.dir + "/out", -1, err});
    INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
    CHECK(exit_code(status) == 2);
    CHECK(contains(test::read_file_text(err), device + ": error: writing the report failed"));
    CHECK(fs::is_symlink(device));
    CHECK_FALSE(fs::exists(device + ".tmp"));
  }
}

TEST_CASE("faults: a closed pipe on standard output ends the run promptly with exit 2",
          "[cli][faults]") {
  const Scratch scratch;
  // The XML report holds the text, so it is far larger than a 64 KiB pipe buffer.
  const std::string doc = scratch.file("boathouse.txt", release(200000));
  const std::string err = scratch.dir + "/err";
  int ends[2];
  REQUIRE(pipe2(ends, O_CLOEXEC) == 0);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = spawn({{"check", "--format", "xml", doc}, "", ends[1], err});
  close(ends[1]);
  SECTION("closed after the first bytes (like | head -c 100)") {
    pollfd ready{ends[0], POLLIN, 0};
    REQUIRE(poll(&ready, 1, 20000) == 1);
    char first[100];
    CHECK(read(ends[0], first, sizeof first) > 0);
  }
  SECTION("closed before anything is written") {}
  close(ends[0]);
  const std::optional<int> status = wait_for(pid);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO("galley " << describe(status) << " after " << seconds
                 << " s; stderr: " << test::read_file_text(err));
  CHECK(exit_code(status) == 2);  // Not killed by SIGPIPE, not hung.
  CHECK(contains(test::read_file_text(err), "<stdout>: error: cannot write the report"));
  CHECK(seconds < 10);
}

TEST_CASE("faults: SIGTERM or SIGINT mid-run: exit 128+N, said so, no report", "[cli][faults]") {
  const Scratch scratch;
  const std::string inputs = scratch.dir + "/releases";
  fs::create_directory(inputs);
  // With one job, 400 releases take over a second; the signal comes at the first one read.
  many_releases(inputs, 400);
  const std::string target = scratch.dir + "/report.xml";
  const std::string out = scratch.dir + "/out";
  const std::string err = scratch.dir + "/err";
  for (const int signal_number : {SIGTERM, SIGINT}) {
    INFO("signal " << signal_number);
    FirstOpen first_open(inputs);
    const pid_t pid =
        spawn({{"check", "--jobs", "1", "--format", "xml", "-o", target, inputs}, out, -1, err});
    bool sent = false;
    const std::optional<int> status = wait_for(pid, [&] {
      if (!sent && first_open.seen()) sent = kill(pid, signal_number) == 0;
    });
    INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
    REQUIRE(sent);
    if (exit_code(status) == 0 || exit_code(status) == 1) {
      FAIL("the run finished before the signal took effect: make the input larger");
    }
    CHECK(exit_code(status) == 128 + signal_number);
    CHECK(contains(
        test::read_file_text(err),
        "galley: interrupted by signal " + std::to_string(signal_number) + "; no report written"));
    CHECK_FALSE(fs::exists(target));
    CHECK_FALSE(fs::exists(target + ".tmp"));
    CHECK(test::read_file_text(out).empty());
  }
}

TEST_CASE("faults: a second signal ends at once a run that is still stopping", "[cli][faults]") {
  // The first signal asks for a clean stop, which waits for the document being checked (seconds
  // for this one); an impatient second one must end the process then and there.
  const Scratch scratch;
  const std::string inputs = scratch.dir + "/releases";
  fs::create_directory(inputs);
  test::write_file(inputs + "/long.txt", release(4'000'000));
  const std::string target = scratch.dir + "/report.xml";
  const std::string err = scratch.dir + "/err";
  FirstOpen first_open(inputs);
  const pid_t pid = spawn({{"check", "--max-bytes", "8000000", "--format", "xml", "-o", target,
                            inputs},
                           scratch.dir + "/out",
                           -1,
                           err});
  // Two kinds of signal: two of one kind sent before galley runs again would count as one. The
  // second goes once the first has been delivered, not after a fixed wait: a stop that took
  // less than that wait (the run got faster) left no run to end, and the test failed.
  bool first = false;
  bool second = false;
  const std::optional<int> status = wait_for(pid, [&] {
    if (!first && first_open.seen()) {
      first = kill(pid, SIGTERM) == 0;
    } else if (first && !second && !signal_pending(pid, SIGTERM)) {
      second = kill(pid, SIGINT) == 0;
    }
  });
  INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
  REQUIRE(second);
  REQUIRE(status);
  CHECK(WIFSIGNALED(*status));
  CHECK(WTERMSIG(*status) == SIGINT);
  CHECK_FALSE(fs::exists(target));
}

TEST_CASE("faults: inputs that cannot be read as files are named, the others checked, exit 2",
          "[cli][faults][bad-input]") {
  const Scratch scratch;
  const std::string good = scratch.file("good.txt", release(500));
  const std::string fifo = scratch.dir + "/waiting.txt";
  REQUIRE(mkfifo(fifo.c_str(), 0644) == 0);
  const std::string dangling = scratch.dir + "/dangling.txt";
  fs::create_symlink(scratch.dir + "/nowhere.txt", dangling);
  const std::string out = scratch.dir + "/out";
  const std::string err = scratch.dir + "/err";
  SECTION("named on the command line: a FIFO with no writer and a dangling link") {
    // A FIFO is read as it comes, like `<(cmd)`; with nobody writing to it, it is empty (and
    // its open must not wait for a writer: that hung).
    const std::optional<int> status =
        run({{"check", "--no-color", fifo, dangling, good}, out, -1, err});
    const std::string errors = test::read_file_text(err);
    INFO("galley " << describe(status) << "; stderr: " << errors);
    CHECK(exit_code(status) == 2);
    CHECK_FALSE(contains(errors, fifo));
    CHECK(contains(errors, "galley: " + dangling + ": no such file"));
    CHECK(contains(test::read_file_text(out), good + ":3:1: error: Repeated word"));
  }
  SECTION("inside a directory: skipped, like other non-documents") {
    const std::optional<int> status = run({{"check", "--no-color", scratch.dir}, out, -1, err});
    INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
    CHECK(exit_code(status) == 1);
    CHECK(contains(test::read_file_text(out), good + ":3:1: error: Repeated word"));
  }
  if (geteuid() != 0) {  // Root reads a file whatever its mode says.
    SECTION("no read permission") {
      const std::string locked = scratch.file("locked.txt", release(500));
      fs::permissions(locked, fs::perms::none);
      const std::optional<int> status = run({{"check", "--no-color", locked, good}, out, -1, err});
      INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
      CHECK(exit_code(status) == 2);
      CHECK(contains(test::read_file_text(err), locked + ": cannot open: Permission denied"));
      CHECK(contains(test::read_file_text(out), good + ":3:1: error: Repeated word"));
    }
  }
}

TEST_CASE("faults: a pipe named as an input is read as it comes, as galley check <(cmd) gives it",
          "[cli][faults]") {
  const Scratch scratch;
  std::array<int, 2> ends{};
  REQUIRE(pipe(ends.data()) == 0);         // Not close-on-exec: galley inherits the read end.
  const std::string text = release(2000);  // Within the pipe's buffer: written before the run.
  REQUIRE(write(ends[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  close(ends[1]);  // The writer is done: galley reads the text, then the end.
  const std::string path = "/dev/fd/" + std::to_string(ends[0]);
  const std::string out = scratch.dir + "/out";
  const std::string err = scratch.dir + "/err";
  const std::optional<int> status = run({{"check", "--no-color", path}, out, -1, err});
  close(ends[0]);
  INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
  CHECK(exit_code(status) == 1);
  CHECK(contains(test::read_file_text(out), path + ":3:1: error: Repeated word"));
}

TEST_CASE("faults: SIGTERM while a pipe keeps galley waiting ends the run", "[cli][faults]") {
  // The writer holds its end open and writes nothing: without the stop, galley would wait for
  // ever (the read is retried on EINTR unless a stop was asked).
  const Scratch scratch;
  std::array<int, 2> ends{};
  REQUIRE(pipe2(ends.data(), O_CLOEXEC) == 0);
  REQUIRE(fcntl(ends[0], F_SETFD, 0) == 0);  // Only the read end goes to galley.
  const std::string path = "/dev/fd/" + std::to_string(ends[0]);
  const std::string target = scratch.dir + "/report.xml";
  const std::string err = scratch.dir + "/err";
  const pid_t pid =
      spawn({{"check", "--format", "xml", "-o", target, path}, scratch.dir + "/out", -1, err});
  close(ends[0]);
  const auto start = std::chrono::steady_clock::now();
  bool sent = false;
  const std::optional<int> status = wait_for(pid, [&] {
    if (!sent && std::chrono::steady_clock::now() - start > std::chrono::milliseconds(300)) {
      sent = kill(pid, SIGTERM) == 0;
    }
  });
  close(ends[1]);
  INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
  CHECK(exit_code(status) == 128 + SIGTERM);
  CHECK(contains(test::read_file_text(err), "interrupted by signal"));
  CHECK_FALSE(fs::exists(target));
}

TEST_CASE("faults: a regular file is read at its size, and no further than a limit", "[faults]") {
  // The report keeps the bytes until the document is written or spooled: no spare capacity.
  // (That the read never grows the string on the way, which doubled the peak, is measured, not
  // tested: a 200 MB file peaked at 513 MB when it did, 220 MB now.)
  const Scratch scratch;
  const std::string path = scratch.file("large.txt", std::string(std::size_t{1} << 20U, 'a'));
  std::string error;
  const std::optional<std::string> whole = read_file(path, error);
  REQUIRE(whole);
  CHECK(whole->size() == std::size_t{1} << 20U);
  CHECK(whole->capacity() < whole->size() + 4096);
  const std::optional<std::string> cut = read_file(path, error, 1000);
  REQUIRE(cut);
  CHECK(cut->size() == 1001);  // One byte past the limit: enough to know it is over.
}

TEST_CASE("faults: a socket named as an input is named as one, the others checked",
          "[cli][faults][bad-input]") {
  const Scratch scratch;
  const std::string good = scratch.file("good.txt", release(500));
  const std::string socket_path = scratch.dir + "/socket.txt";
  const int listener = socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(socket_path.size() < sizeof address.sun_path);
  socket_path.copy(address.sun_path, socket_path.size());
  REQUIRE(bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  const std::string out = scratch.dir + "/out";
  const std::string err = scratch.dir + "/err";
  const std::optional<int> status = run({{"check", "--no-color", socket_path, good}, out, -1, err});
  close(listener);
  INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
  CHECK(exit_code(status) == 2);
  CHECK(contains(test::read_file_text(err), socket_path + ": a socket"));
  CHECK(contains(test::read_file_text(out), good + ":3:1: error: Repeated word"));
}

TEST_CASE("faults: an endless device is read no further than the size limit", "[cli][faults]") {
  // /dev/zero named by mistake: galley reads --max-bytes and one byte more, skips it and ends.
  const Scratch scratch;
  const std::string out = scratch.dir + "/out";
  const std::string err = scratch.dir + "/err";
  const std::optional<int> status =
      run({{"check", "--no-color", "--max-bytes", "100000", "/dev/zero"}, out, -1, err});
  INFO("galley " << describe(status) << "; stderr: " << test::read_file_text(err));
  CHECK(exit_code(status) == 0);
  CHECK(contains(test::read_file_text(err), "/dev/zero: larger than 100000 bytes, skipped"));
}

TEST_CASE("faults: a file that vanishes between listing and reading is named, exit 2",
          "[cli][faults][bad-input]") {
  const Scratch scratch;
  const std::string inputs = scratch.dir + "/releases";
  fs::create_directory(inputs);
  many_releases(inputs, 200);
  const std::string out = scratch.dir + "/out";
  const std::string err = scratch.dir + "/err";
  // galley lists a directory before it reads any file in it, and with one job reads in name
  // order: once the first file is opened, the last is listed but not yet read.
  FirstOpen first_open(inputs);
  const pid_t pid = spawn({{"check", "--jobs", "1", "--no-color", inputs}, out, -1, err});
  bool removed = false;
  const std::optional<int> status = wait_for(pid, [&] {
    if (!removed && first_open.seen()) removed = fs::remove(inputs + "/199.txt");
  });
  const std::string errors = test::read_file_text(err);
  INFO("galley " << describe(status) << "; stderr: " << errors);
  REQUIRE(removed);
  CHECK(exit_code(status) == 2);
  CHECK(contains(errors, "galley: " + inputs + "/199.txt: no such file"));
  const std::string report = test::read_file_text(out);
  CHECK(contains(report, inputs + "/000.txt:3:1: error: Repeated word"));
  CHECK(contains(report, inputs + "/198.txt:3:1: error: Repeated word"));
}

TEST_CASE("faults: the other variety's dictionary unreadable: the run goes on without it",
          "[cli][faults]") {
  // An en-US document with a word only en_GB's dictionary has: with en_GB found first through
  // DICPATH and refused, the word is judged by en_US alone (a typo), and nothing else changes.
  const Scratch scratch;
  const std::string doc = scratch.file(
      "sensors.txt", "The acquirements of the new laboratory were listed in the annual report.\n");
  const std::string dicts = scratch.dir + "/dicts";
  fs::create_directory(dicts);
  test::write_file(dicts + "/en_GB.aff", "SET ISO8859-1\nTRY esianrtolcdugmphbyfvkwz\n");
  test::write_file(dicts + "/en_GB.dic", "1\nlaboratory\n");
  REQUIRE(setenv("DICPATH", dicts.c_str(), 1) == 0);
  const test::RunResult without = test::run_galley("check --format json '" + doc + "'");
  unsetenv("DICPATH");
  INFO(without.err);
  CHECK(without.exit_code == 1);
  CHECK(without.err.empty());
  CHECK(contains(without.out, "\"rule\":\"spelling.misspelling\""));
  CHECK(contains(without.out, "\"text\":\"acquirements\""));
  // With it, the word is an unknown word, and the run passes.
  const test::RunResult with = test::run_galley("check --format json '" + doc + "'");
  CHECK(with.exit_code == 0);
  CHECK(contains(with.out, "en-GB's dictionary has it"));
}

TEST_CASE("faults: a broken rule file, config or dictionary: located on stderr, exit 2",
          "[cli][faults]") {
  const Scratch scratch;
  const std::string doc = scratch.file("boathouse.txt", release(500));
  SECTION("a rule file that is not well-formed XML") {
    const std::string rules =
        scratch.file("house.xml", "<rules>\n  <rule id=\"harbour\">\n    <pattern>x</rule>\n");
    const test::RunResult result = test::run_galley("check --rules '" + rules + "' '" + doc + "'");
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, rules + ":3:"));
  }
  SECTION("a config that is not well-formed XML") {
    const std::string config =
        scratch.file("team.xml", "<galley-config>\n  <fail-on>warning</fail-on>\n  <lang\n");
    const test::RunResult result =
        test::run_galley("check --config '" + config + "' '" + doc + "'");
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, config + ":3:"));
  }
  SECTION("a Hunspell dictionary that galley cannot read (not UTF-8), found through DICPATH") {
    // DICPATH's directories come before the system's: this one is found first, and refused.
    const std::string dicts = scratch.dir + "/dicts";
    fs::create_directory(dicts);
    test::write_file(dicts + "/en_US.aff", "SET ISO8859-1\nTRY esianrtolcdugmphbyfvkwz\n");
    test::write_file(dicts + "/en_US.dic", "1\nboathouse\n");
    REQUIRE(setenv("DICPATH", dicts.c_str(), 1) == 0);
    const test::RunResult result = test::run_galley("check '" + doc + "'");
    unsetenv("DICPATH");
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err,
                   dicts + "/en_US.aff: error: galley needs a UTF-8 Hunspell dictionary"));
  }
  SECTION("a --dictionary that does not exist") {
    const std::string missing = scratch.dir + "/newsroom.dic";
    const test::RunResult result =
        test::run_galley("check --dictionary '" + missing + "' '" + doc + "'");
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, missing + ": error: cannot read this dictionary"));
  }
}

}  // namespace galley
