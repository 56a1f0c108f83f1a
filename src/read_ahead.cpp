#include "read_ahead.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <utility>

#include "core/interrupt.hpp"

namespace galley {
namespace {

/// True when `path` names a regular file (a symbolic link to one included).
bool names_regular_file(const std::string& path) {
  struct stat info {};
  return path != "-" && ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace

ReadAhead::ReadAhead(const std::vector<InputFile>& inputs, std::size_t limit)
    : inputs_(inputs), limit_(limit), thread_([this](const std::stop_token& stop) { run(stop); }) {}

ReadAhead::~ReadAhead() {
  thread_.request_stop();  // Wakes the thread should it wait for room (condition_variable_any).
  thread_.join();
}

bool ReadAhead::within_bounds() const {
  return ready_.empty() || (ready_.size() < kMaxDocuments && bytes_ahead_ < kMaxBytes);
}

ReadAhead::Slot ReadAhead::read_ahead(std::size_t index) const {
  Slot slot;
  const InputFile& input = inputs_[index];
  // The directory walk stat()ed its files already; a path given by the user is asked here.
  if (!input.regular && !names_regular_file(input.path)) return slot;
  try {
    slot.input.bytes = read_regular_file(input.path, slot.input.error, limit_);
    slot.read = slot.input.bytes.has_value() || !slot.input.error.empty();
  } catch (...) {
    slot = Slot();  // take() reads it again, where a failure is the worker's to report.
  }
  return slot;
}

void ReadAhead::run(const std::stop_token& stop) {
  try {
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      {
        std::unique_lock lock(mutex_);
        thread_waiting_ = true;
        room_.wait(lock, stop, [this, i] { return within_bounds() || i < waited_up_to_; });
        thread_waiting_ = false;
      }
      if (stop.stop_requested() || interrupt_requested()) break;
      Slot slot = read_ahead(i);
      {
        const std::lock_guard lock(mutex_);
        const std::size_t bytes = slot.input.bytes ? slot.input.bytes->size() : 0;
        ready_.emplace(i, std::move(slot));
        bytes_ahead_ += bytes;
      }
      read_.notify_all();
    }
  } catch (...) {
    // Only memory can run out here (ready_'s node): take() reads what the thread did not.
  }
  {
    const std::lock_guard lock(mutex_);
    finished_ = true;
  }
  read_.notify_all();
}

InputBytes ReadAhead::take(std::size_t index) {
  std::unique_lock lock(mutex_);
  if (!finished_ && !ready_.contains(index)) {
    waited_up_to_ = std::max(waited_up_to_, index + 1);
    const bool wake = thread_waiting_;
    lock.unlock();
    if (wake) room_.notify_one();
    lock.lock();
    read_.wait(lock, [&] { return finished_ || ready_.contains(index); });
  }
  const auto it = ready_.find(index);
  if (it == ready_.end()) {  // The thread stopped before it.
    lock.unlock();
    return read_input_bytes(inputs_[index], limit_);
  }
  Slot slot = std::move(it->second);
  ready_.erase(it);
  if (slot.input.bytes) bytes_ahead_ -= slot.input.bytes->size();
  // The thread is woken when half the room is free, not for each document taken: a wake-up is
  // a system call or two, and a release takes tens of microseconds to check.
  const bool wake = thread_waiting_ && ready_.size() <= kMaxDocuments / 2 && within_bounds();
  lock.unlock();
  if (wake) room_.notify_one();
  if (!slot.read) return read_input_bytes(inputs_[index], limit_);
  return std::move(slot.input);
}

InputBytes read_input_bytes(const InputFile& input, std::size_t limit) {
  InputBytes read;
  read.bytes = read_file(input.path, read.error, limit);
  return read;
}

}  // namespace galley
