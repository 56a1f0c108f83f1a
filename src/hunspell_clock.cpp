// Hunspell 1.7.1 (Debian 12's) bounds its slow searches, of compounds and of suggestions, by
// calling clock(): at least once for every word it does not find. glibc's clock() is a system
// call (the vDSO does not answer CLOCK_PROCESS_CPUTIME_ID), and in a process with more than one
// thread it adds up the CPU time of all of them under a lock they share; on the project's 2-core
// machine it took about a tenth of the time on the 16 MB bench file (docs/performance.md). A
// program's own definition of a symbol comes first for every library it loads, so this one is
// what Hunspell calls. It reads the monotonic clock, which the vDSO answers without entering the
// kernel: the change Hunspell made itself in 2023 (hunspell/hunspell#982), after the version
// Debian 12 ships. Its limits then count time elapsed (time the thread waits for a core
// included), not the CPU time of every thread, so one thread's work no longer cuts another's
// search short (hunspell/hunspell#716). Nothing else in the process calls clock().
//
// Only where that is how symbols resolve and what clock() costs: glibc on Linux, where <ctime>
// declares clock() noexcept in C++, as this definition must match.
#include <chrono>
#include <ctime>

#if defined(__GLIBC__) && defined(__linux__)
// Counted from the first call, as glibc's count from the process's start: where clock_t is 32
// bits, microseconds since boot would wrap within the hour and turn Hunspell's limits off or on.
extern "C" std::clock_t clock() noexcept {
  using Ticks = std::chrono::duration<std::clock_t, std::ratio<1, CLOCKS_PER_SEC>>;
  static const std::chrono::steady_clock::time_point origin = std::chrono::steady_clock::now();
  return std::chrono::duration_cast<Ticks>(std::chrono::steady_clock::now() - origin).count();
}
#endif
