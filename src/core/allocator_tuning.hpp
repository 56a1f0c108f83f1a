#pragma once

namespace galley {

/// Starts this program again, same arguments, with glibc's malloc tuned to back its heap with
/// transparent huge pages (GLIBC_TUNABLES), which glibc reads only when a process starts.
/// Returns without a restart where that cannot or should not be done: not glibc on Linux, a
/// sanitizer's allocator, GLIBC_TUNABLES already set (by the user, or by this restart) or
/// LD_PRELOAD set (valgrind's or another allocator's library), or the exec failing.
void restart_with_tuned_allocator(char** argv);

}  // namespace galley
