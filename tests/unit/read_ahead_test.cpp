// ReadAhead: a batch's inputs read in order on a thread of their own, handed to the workers
// that check them, each exactly as read_file reads it.
#include "read_ahead.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace galley {
namespace {

using test::Scratch;

/// The text of the `i`th file the tests write: each different, of a length that varies.
std::string text_of(std::size_t i) {
  return "Document " + std::to_string(i) + ": " + std::string(i % 97, 'x') + "\n";
}

}  // namespace

TEST_CASE("read ahead: every input reaches the worker that takes it, byte for byte",
          "[read-ahead]") {
  const Scratch scratch;
  std::vector<InputFile> inputs;
  // More than ReadAhead::kMaxDocuments, so that the thread waits for room and is woken.
  constexpr std::size_t kFiles = 3 * ReadAhead::kMaxDocuments + 5;
  for (std::size_t i = 0; i < kFiles; ++i) {
    inputs.push_back({scratch.file("doc" + std::to_string(i) + ".txt", text_of(i)), {}});
  }
  ReadAhead reader(inputs, 1000);
  std::vector<InputBytes> taken(kFiles);
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i = next++; i < kFiles; i = next++) taken[i] = reader.take(i);
  };
  {
    std::jthread first(worker);
    std::jthread second(worker);
  }
  for (std::size_t i = 0; i < kFiles; ++i) {
    INFO("input " << i);
    REQUIRE(taken[i].bytes);
    CHECK(*taken[i].bytes == text_of(i));
    CHECK(taken[i].error.empty());
  }
}

TEST_CASE("read ahead: an input that cannot be read gives read_file's error, the next are read",
          "[read-ahead]") {
  const Scratch scratch;
  const std::vector<InputFile> inputs = {{scratch.dir + "/missing.txt", {}},
                                         {scratch.dir, {}},
                                         {scratch.file("after.txt", "After."), {}}};
  ReadAhead reader(inputs, 1000);
  const InputBytes missing = reader.take(0);
  CHECK_FALSE(missing.bytes);
  CHECK(missing.error == "no such file");
  const InputBytes directory = reader.take(1);
  CHECK_FALSE(directory.bytes);
  CHECK(directory.error == "is a directory");
  const InputBytes after = reader.take(2);
  REQUIRE(after.bytes);
  CHECK(*after.bytes == "After.");
}

TEST_CASE("read ahead: no more than the limit and one byte more is read of a large input",
          "[read-ahead]") {
  const Scratch scratch;
  const std::string large(ReadAhead::kMaxBytes + 10, 'a');
  const std::vector<InputFile> inputs = {{scratch.file("large.txt", large), {}},
                                         {scratch.file("larger.txt", large + "b"), {}},
                                         {scratch.file("small.txt", "Small."), {}}};
  SECTION("a limit below the size") {
    ReadAhead reader(inputs, 100);
    for (std::size_t i = 0; i < 2; ++i) {
      const InputBytes read = reader.take(i);
      REQUIRE(read.bytes);
      CHECK(read.bytes->size() == 101);
    }
    CHECK(reader.take(2).bytes == std::optional<std::string>("Small."));
  }
  SECTION("documents each larger than the bytes read ahead at most are read whole, in turn") {
    ReadAhead reader(inputs, large.size() + 10);
    CHECK(reader.take(0).bytes == large);
    CHECK(reader.take(1).bytes == large + "b");
    CHECK(reader.take(2).bytes == std::optional<std::string>("Small."));
  }
}

TEST_CASE("read ahead: a FIFO is opened by the worker that takes it, never by the thread",
          "[read-ahead]") {
  // Were the thread to open the FIFO, its writer's open would return, and what it wrote be lost
  // when the thread closed it unread; were the thread to read it, the file after it would wait
  // for the writer too. The writer opens as a writer does, waiting for a reader.
  const Scratch scratch;
  const std::string fifo = scratch.dir + "/pipe.txt";
  REQUIRE(mkfifo(fifo.c_str(), 0644) == 0);
  const std::vector<InputFile> inputs = {{fifo, {}}, {scratch.file("file.txt", "A file."), {}}};
  std::atomic<bool> writer_opened{false};
  std::atomic<bool> written{false};
  const std::string text = "Through the pipe.";
  std::jthread writer([&] {
    const int fd = ::open(fifo.c_str(), O_WRONLY | O_CLOEXEC);  // Waits for a reader.
    writer_opened = true;
    if (fd < 0) return;
    written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
  });
  // Should the test fail before a reader opens the FIFO, a reader opened here lets the writer
  // end (its text going into the pipe, this end still open), so that joining it does not wait
  // for ever.
  struct ReleasesWriter {
    const std::string& path;
    std::jthread& writer;
    ~ReleasesWriter() {
      if (!writer.joinable()) return;
      const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
      writer.join();
      if (fd >= 0) ::close(fd);
    }
  } const release{fifo, writer};
  ReadAhead reader(inputs, 1000);
  CHECK(reader.take(1).bytes == std::optional<std::string>("A file."));
  // The thread is past the FIFO; give a wrongly woken writer time to show.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK_FALSE(writer_opened);
  CHECK(reader.take(0).bytes == text);  // Opened here, so the writer goes on.
  writer.join();
  CHECK(written);
}

TEST_CASE("read ahead: an input claimed and never taken does not stall the next ones",
          "[read-ahead]") {
  // A worker that claims an index and stops (SIGINT, a failure) leaves its input read and not
  // taken. With it over the bytes ahead, the thread waits for room no take frees; the take of
  // the next input must still have it.
  const Scratch scratch;
  const std::string large(ReadAhead::kMaxBytes + 10, 'a');
  const std::vector<InputFile> inputs = {{scratch.file("large.txt", large), {}},
                                         {scratch.file("next.txt", "Next."), {}}};
  ReadAhead reader(inputs, large.size() + 10);
  std::future<InputBytes> next = std::async(std::launch::async, [&] { return reader.take(1); });
  const bool in_time = next.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  if (!in_time) static_cast<void>(reader.take(0));  // Makes room, so that the test ends.
  REQUIRE(in_time);
  CHECK(next.get().bytes == std::optional<std::string>("Next."));
}

TEST_CASE("read ahead: a run that stops taking (a failure, SIGINT) ends without waiting",
          "[read-ahead]") {
  const Scratch scratch;
  std::vector<InputFile> inputs;
  for (std::size_t i = 0; i < 2 * ReadAhead::kMaxDocuments; ++i) {
    inputs.push_back({scratch.file("doc" + std::to_string(i) + ".txt", text_of(i)), {}});
  }
  auto reader = std::make_unique<ReadAhead>(inputs, 1000);
  CHECK(reader->take(0).bytes == text_of(0));
  CHECK(reader->take(1).bytes == text_of(1));
  reader.reset();  // Joins the thread, which waits for room: a hang here fails by timeout.
  SUCCEED("the thread stopped");
}

}  // namespace galley
