// libFuzzer target: any bytes, as a Go file, through engine::compile (parse, check, compile, bind
// natives). Nothing may crash, hang or trip a sanitizer; errors are the expected outcome for most
// inputs.
//   build/asan/tests/fuzz/front_end_fuzz -max_total_time=60 build/fuzz-corpus tests/programs
#include <cstddef>
#include <cstdint>
#include <string>

#include "run/compile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  std::string source(reinterpret_cast<const char*>(data), size);
  gopark::engine::Compiled compiled = gopark::engine::compile(source, "fuzz.go");
  (void)compiled;
  return 0;
}
