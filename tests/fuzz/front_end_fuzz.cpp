// libFuzzer target: any bytes, as a Go file, through parse + check + compile. Nothing may crash,
// hang or trip a sanitizer; errors are the expected outcome for most inputs.
//   build/asan/tests/fuzz/front_end_fuzz -max_total_time=60 build/fuzz-corpus tests/programs
#include <cstddef>
#include <cstdint>
#include <string>

#include "lang/checker.hpp"
#include "lang/compile.hpp"
#include "lib/library.hpp"

namespace {

// Every library function compiles against some native; which one does not matter here.
bool fake_native(gopark::vm::NativeContext&, gopark::vm::Word*) { return true; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  std::string source(reinterpret_cast<const char*>(data), size);
  gopark::lang::Diagnostics diags("fuzz.go");
  auto program = gopark::lang::check_program("fuzz.go", source, gopark::lib::library_loader(), diags);
  if (program && diags.empty()) {
    auto image = gopark::lang::compile(std::move(program), "fuzz.go", source,
                                       [](std::string_view) { return &fake_native; }, diags);
    (void)image;
  }
  (void)diags.format();
  return 0;
}
