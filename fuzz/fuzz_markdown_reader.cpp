// Fuzzes the markdown reader: no crash, and the span invariants of fuzz_support.cpp hold.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::fuzz::read_and_verify(data, size, galley::InputFormat::markdown);
  return 0;
}
