#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "input/collect.hpp"

namespace galley {

/// The bytes of one input, or why they could not be read: read_file's answer.
struct InputBytes {
  std::optional<std::string> bytes;  ///< Null when the input could not be read.
  std::string error;                 ///< Why not, when `bytes` is null.
};

/// Reads `input` now, up to `limit` bytes and one more (read_file), on the calling thread.
InputBytes read_input_bytes(const InputFile& input, std::size_t limit);

/// Reads a batch's inputs in order on a thread of its own, a few documents ahead of the workers
/// that check them: a file that is not in the page cache then waits for the disk on this
/// thread, not on a worker with its core idle (the bench's 2,250 release-sized files took
/// 0.9-1.0 s uncached against 0.6 s cached, where `cat | aspell` took the same either way).
/// Inputs that are no regular file (standard input, a pipe, a terminal) are left to take(),
/// which reads them when asked, as a worker did before: one may wait on its writer, and the
/// thread does not even open one (a FIFO opened and closed unread loses what its writer sends).
/// A take() that waits for an input not read yet lets the thread read past the bounds up to it,
/// so that an index a worker claimed and never took (SIGINT, a failure) cannot stall the others.
class ReadAhead {
 public:
  /// Documents read ahead and not yet taken, at most.
  static constexpr std::size_t kMaxDocuments = 64;
  /// Bytes read ahead and not yet taken, at most, unless one document alone is larger.
  static constexpr std::size_t kMaxBytes = std::size_t{8} << 20U;

  /// Starts reading `inputs` (which must outlive this), each up to `limit` bytes and one more.
  ReadAhead(const std::vector<InputFile>& inputs, std::size_t limit);
  /// Stops reading and waits for the thread: at most the read under way finishes.
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  /// The bytes of input `index`, waiting for the thread to read them if it has not yet, or
  /// read now when it left them (no regular file) or stopped before them (SIGINT, SIGTERM).
  /// Each index is taken once; the inputs are read in order, so take them about in order.
  InputBytes take(std::size_t index);

 private:
  /// One input read ahead: its bytes, or none when take() is to read it.
  struct Slot {
    InputBytes input;
    bool read = false;  ///< False for an input that is no regular file.
  };

  /// The thread's loop: reads each input in turn while there is room ahead.
  void run(const std::stop_token& stop);
  /// Input `index`, read if it is a regular file (an error, allocation included, leaves it to
  /// take(), on a thread that reports it).
  [[nodiscard]] Slot read_ahead(std::size_t index) const;
  /// True when the documents read and not taken leave room for one more; the caller holds
  /// `mutex_`.
  [[nodiscard]] bool within_bounds() const;

  const std::vector<InputFile>& inputs_;
  std::size_t limit_;
  std::mutex mutex_;                   ///< Guards what follows, up to the thread.
  std::condition_variable_any room_;   ///< Signalled when a take() makes room ahead.
  std::condition_variable read_;       ///< Signalled when a document is read, and at the end.
  std::map<std::size_t, Slot> ready_;  ///< Read and not yet taken, by index.
  std::size_t bytes_ahead_ = 0;        ///< The bytes of `ready_`.
  bool thread_waiting_ = false;        ///< The thread waits for room.
  std::size_t waited_up_to_ = 0;       ///< One past the last input a take() waited for unread.
  bool finished_ = false;              ///< The thread reads no more.
  std::jthread thread_;                ///< Last: started once the rest is made.
};

}  // namespace galley
