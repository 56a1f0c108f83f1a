#pragma once

#include <string>

namespace galley {

/// Starts this program again, same arguments, with glibc's malloc tuned to back its heap with
/// transparent huge pages (GLIBC_TUNABLES), which glibc reads only when a process starts.
/// Returns without a restart where that cannot or should not be done: not glibc on Linux, a
/// sanitizer's allocator, GLIBC_TUNABLES already set (by the user, or by this restart; an empty
/// value turns the restart off) or LD_PRELOAD set (valgrind's or another allocator's library),
/// set-user-ID, started through the dynamic loader, or the exec failing.
void restart_with_tuned_allocator(char** argv);

/// The dynamic loader this program names (its PT_INTERP), or empty: a static program, or not
/// glibc on Linux.
std::string program_interpreter();

/// False where restart_with_tuned_allocator() never restarts: not glibc on Linux, or a
/// sanitizer's allocator in this build.
bool allocator_restart_supported();

}  // namespace galley
