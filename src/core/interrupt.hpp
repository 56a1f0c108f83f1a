#pragma once

namespace galley {

/// Installs handlers so that SIGINT and SIGTERM ask the run to stop (instead of killing it while
/// a report is half written), and so that a closed output pipe is an error on write, not a signal.
void install_interrupt_handlers();

/// True once SIGINT or SIGTERM has arrived. Workers stop taking new documents.
bool interrupt_requested();

/// The signal that arrived (0 when none): the exit status is 128 + this.
int interrupt_signal();

}  // namespace galley
