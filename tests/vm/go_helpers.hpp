#pragma once
// Runs Go source through the whole pipeline (engine::compile, then the VM) in-process, capturing output.
#include <mutex>
#include <string>

#include "run/compile.hpp"
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
  std::size_t max_stack = vm::kDefaultMaxStack;
  std::uint64_t max_steps = 0;  // MachineConfig::max_steps
};

// Runs a compiled Image to its end.
inline GoRun run_image(const std::shared_ptr<const vm::Image>& image, const GoOptions& options = {}) {
  GoRun r;
  auto mutex = std::make_shared<std::mutex>();
  vm::MachineConfig config;
  config.runtime = options.runtime;
  config.gc_stress = options.gc_stress;
  config.memory_limit = options.memory_limit;
  config.max_stack = options.max_stack;
  config.max_steps = options.max_steps;
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

inline GoRun run_go(const std::string& source, const GoOptions& options = {}) {
  engine::Compiled compiled = engine::compile(source, "prog.go");
  if (!compiled.image) {
    GoRun r;
    r.compile = compiled.report;
    r.exit_code = 1;
    return r;
  }
  return run_image(compiled.image, options);
}

}  // namespace gopark::test
