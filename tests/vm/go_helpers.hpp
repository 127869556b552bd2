#pragma once
// Runs Go source through the whole pipeline (check, compile, VM) in-process, capturing output.
#include <mutex>
#include <string>

#include "lang/checker.hpp"
#include "lang/compile.hpp"
#include "lib/library.hpp"
#include "lib/natives/natives.hpp"
#include "vm/machine.hpp"

namespace gopark::test {

struct GoRun {
  std::string out;         // the program's stdout
  std::string err;         // its stderr, then the runtime's report (panics, fatal errors)
  std::string compile;     // compile errors, if any
  int exit_code = -1;
  rt::ExitKind kind = rt::ExitKind::MainReturned;
};

struct GoOptions {
  rt::Config runtime;
  bool gc_stress = false;
  std::size_t memory_limit = std::size_t(1) << 30;
};

inline GoRun run_go(const std::string& source, const GoOptions& options = {}) {
  GoRun r;
  lang::Diagnostics diags("prog.go");
  auto program = lang::check_program("prog.go", source, lib::library_loader(), diags);
  std::shared_ptr<vm::Image> image;
  if (diags.empty() && program) image = lang::compile(std::move(program), "prog.go", source, lib::find_native, diags);
  if (!diags.empty() || !image) {
    r.compile = diags.format();
    r.exit_code = 1;
    return r;
  }
  auto mutex = std::make_shared<std::mutex>();
  vm::MachineConfig config;
  config.runtime = options.runtime;
  config.gc_stress = options.gc_stress;
  config.memory_limit = options.memory_limit;
  config.output.out = [&r, mutex](std::string_view s) { std::lock_guard l(*mutex); r.out += s; };
  config.output.err = [&r, mutex](std::string_view s) { std::lock_guard l(*mutex); r.err += s; };
  config.args = {"prog"};
  {
    vm::Machine machine(image, std::move(config));
    machine.start();
    rt::RunResult result = machine.wait();
    std::lock_guard l(*mutex);
    r.err += result.report();
    r.exit_code = result.exit_code;
    r.kind = result.kind;
  }
  return r;
}

}  // namespace gopark::test
