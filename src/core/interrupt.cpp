#include "core/interrupt.hpp"

#include <atomic>
#include <csignal>

namespace galley {
namespace {

// Lock-free, so it may be written from a signal handler.
std::atomic<int> received_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

// The first signal asks for a clean stop; a second one ends the process at once.
extern "C" void on_signal(int signal_number) {
  if (received_signal.exchange(signal_number) != 0) {
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
  }
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = &on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

bool interrupt_requested() { return received_signal.load() != 0; }

int interrupt_signal() { return received_signal.load(); }

}  // namespace galley
