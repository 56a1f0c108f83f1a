#include "read_ahead.hpp"

#include <utility>

#include "core/interrupt.hpp"

namespace galley {

ReadAhead::ReadAhead(const std::vector<InputFile>& inputs, std::size_t limit)
    : inputs_(inputs), limit_(limit), thread_([this](const std::stop_token& stop) { run(stop); }) {}

ReadAhead::~ReadAhead() {
  thread_.request_stop();  // Wakes the thread should it wait for room (condition_variable_any).
  thread_.join();
}

bool ReadAhead::room_ahead() const {
  return ready_.empty() || (ready_.size() < kMaxDocuments && bytes_ahead_ < kMaxBytes);
}

void ReadAhead::run(const std::stop_token& stop) {
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    {
      std::unique_lock lock(mutex_);
      thread_waiting_ = true;
      room_.wait(lock, stop, [this] { return room_ahead(); });
      thread_waiting_ = false;
    }
    if (stop.stop_requested() || interrupt_requested()) break;
    Slot slot;
    slot.input.bytes = read_regular_file(inputs_[i].path, slot.input.error, limit_);
    slot.read = slot.input.bytes.has_value() || !slot.input.error.empty();
    {
      const std::lock_guard lock(mutex_);
      if (slot.input.bytes) bytes_ahead_ += slot.input.bytes->size();
      ready_.emplace(i, std::move(slot));
    }
    read_.notify_all();
  }
  {
    const std::lock_guard lock(mutex_);
    finished_ = true;
  }
  read_.notify_all();
}

InputBytes ReadAhead::take(std::size_t index) {
  std::unique_lock lock(mutex_);
  read_.wait(lock, [&] { return finished_ || ready_.contains(index); });
  const auto it = ready_.find(index);
  if (it == ready_.end()) {  // The thread stopped before it.
    lock.unlock();
    return read_now(index);
  }
  Slot slot = std::move(it->second);
  ready_.erase(it);
  if (slot.input.bytes) bytes_ahead_ -= slot.input.bytes->size();
  // The thread is woken when half the room is free, not for each document taken: a wake-up is
  // a system call or two, and a release takes tens of microseconds to check.
  const bool wake = thread_waiting_ && ready_.size() <= kMaxDocuments / 2 && room_ahead();
  lock.unlock();
  if (wake) room_.notify_one();
  if (!slot.read) return read_now(index);
  return std::move(slot.input);
}

InputBytes ReadAhead::read_now(std::size_t index) const {
  InputBytes input;
  input.bytes = read_file(inputs_[index].path, input.error, limit_);
  return input;
}

}  // namespace galley
