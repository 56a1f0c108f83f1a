#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>

namespace galley {

/// A one-line progress bar on a terminal (stderr), redrawn at most ten times a second.
/// Safe to call from several worker threads.
class ProgressBar {
 public:
  /// Draws on `out`; `total` documents are expected.
  ProgressBar(std::ostream& out, std::size_t total) : out_(out), total_(total) {}
  /// Notes that `done` documents are finished.
  void update(std::size_t done);
  /// Clears the line, so that the report starts on a clean one.
  void clear();

 private:
  std::ostream& out_;
  std::size_t total_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

}  // namespace galley
