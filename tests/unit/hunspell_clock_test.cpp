// The clock() that Hunspell's time limits call is src/hunspell_clock.cpp's, in every program that
// links galley_lib: glibc's counts the CPU time of all threads by a system call, a tenth of the
// time on a large document.
#include <dlfcn.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <thread>

namespace {

TEST_CASE("Hunspell's calls to clock() land on the monotonic clock", "[speller]") {
#if !(defined(__GLIBC__) && defined(__linux__))
  WARN("only glibc's clock() is replaced (src/hunspell_clock.cpp)");
  return;
#endif
  // Looked up as the dynamic linker resolves libhunspell's call: the first definition in the
  // process's global scope.
  using ClockFunction = std::clock_t (*)();
  const auto hunspell_clock = reinterpret_cast<ClockFunction>(dlsym(RTLD_DEFAULT, "clock"));
  REQUIRE(hunspell_clock != nullptr);
  // Asleep, this thread uses no CPU time: glibc's clock() would stand nearly still.
  const std::clock_t before = hunspell_clock();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const std::clock_t after = hunspell_clock();
  CHECK(after - before >= 45 * CLOCKS_PER_SEC / 1000);
}

}  // namespace
