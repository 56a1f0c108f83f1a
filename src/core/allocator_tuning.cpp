// Why a restart: page faults. galley's memory is mostly touched once (a document's blocks,
// tokens and tables), and every first touch of a 4 KB page is a fault; on a virtual machine like
// the project's, where a fault costs about 20 us, they were a quarter of the time on a 16 MB
// file and nearly half of it on one release (docs/performance.md, "Page faults"). glibc's malloc
// can ask for transparent huge pages (2 MB, a fault each) and grow its heap in large steps, but
// takes those settings from GLIBC_TUNABLES at start-up only, before main; no mallopt() sets them.
#include "core/allocator_tuning.hpp"

#include <array>
#include <cstdlib>
#include <unistd.h>

#if defined(__GLIBC__) && defined(__linux__)
#include <link.h>
#include <sys/auxv.h>
#endif

namespace galley {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kOwnAllocator = true;  // The sanitizer replaces malloc.
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
constexpr bool kOwnAllocator = true;
#else
constexpr bool kOwnAllocator = false;
#endif
#else
constexpr bool kOwnAllocator = false;
#endif

// Huge pages where the kernel grants them on request ("madvise" mode), and the heap grown 64 MB
// at a time (reserved, not touched: untouched pages cost no memory), so that its growth is in
// whole huge pages rather than the default 128 KB steps, which rarely make one. A fixed top pad
// turns off glibc's sliding mmap threshold, so the threshold is set to that slide's ceiling
// (32 MB): blocks below it come from the heap, as they would once the threshold had slid up.
constexpr const char* kTunables =
    "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864:glibc.malloc.mmap_threshold=33554432";

}  // namespace

std::string program_interpreter() {
  std::string path;
#if defined(__GLIBC__) && defined(__linux__)
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t /*size*/, void* data) -> int {
        for (std::size_t i = 0; i < info->dlpi_phnum; ++i) {
          if (info->dlpi_phdr[i].p_type != PT_INTERP) continue;
          *static_cast<std::string*>(data) =
              reinterpret_cast<const char*>(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr);
        }
        return 1;  // The first object is the program itself.
      },
      &path);
#endif
  return path;
}

bool allocator_restart_supported() {
#if defined(__GLIBC__) && defined(__linux__)
  return !kOwnAllocator;
#else
  return false;
#endif
}

void restart_with_tuned_allocator(char** argv) {
#if defined(__GLIBC__) && defined(__linux__)
  if (!allocator_restart_supported() || std::getenv("GLIBC_TUNABLES") != nullptr ||
      std::getenv("LD_PRELOAD") != nullptr) {
    return;
  }
  // Set-user-ID (glibc may drop the variable, and the restart would repeat), or started as an
  // argument of the dynamic loader (/proc/self/exe is then the loader; the kernel loaded no
  // interpreter, AT_BASE, for a program that names one): run as started. A static build names
  // none and restarts.
  if (getauxval(AT_SECURE) != 0 || (getauxval(AT_BASE) == 0 && !program_interpreter().empty())) {
    return;
  }
  // The program's own path, not /proc/self/exe: the kernel names a process after the file it
  // executes, and ps, pgrep and killall look for "galley", not "exe".
  std::array<char, 4096> path{};
  const ssize_t length = readlink("/proc/self/exe", path.data(), path.size() - 1);
  if (length <= 0 || static_cast<std::size_t>(length) >= path.size() - 1) return;
  if (setenv("GLIBC_TUNABLES", kTunables, 0) != 0) return;
  execv(path.data(), argv);
  unsetenv("GLIBC_TUNABLES");  // No restart: run as started, and leave children as they were.
#else
  static_cast<void>(argv);
#endif
}

}  // namespace galley
