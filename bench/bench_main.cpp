// The benchmarks' main: Google Benchmark's own, after the restart galley itself makes
// (core/allocator_tuning.hpp), so that a stage's figures include the memory costs a run pays.
#include <benchmark/benchmark.h>

#include "core/allocator_tuning.hpp"

int main(int argc, char** argv) {
  galley::restart_with_tuned_allocator(argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
