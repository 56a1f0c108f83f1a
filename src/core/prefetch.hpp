#pragma once

namespace galley {

/// Asks the processor to bring the cache line at `address` into its cache, for a read soon
/// after: lookups into a table larger than the cache, each waiting for a miss when made one at
/// a time, overlap when their slots are prefetched first.
inline void prefetch(const void* address) {
  // GCC 12 deletes a __builtin_prefetch whose address only a loop without side effects computes
  // (a hash), and the loop with it: this empty statement makes the address needed.
  asm volatile("" : : "r"(address));  // NOLINT(hicpp-no-assembler)
  __builtin_prefetch(address);
}

}  // namespace galley
