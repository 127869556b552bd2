// `gopark run` and `gopark check`: the Go toolchain's faces of the engine.
//
// run behaves like `go run`: compile errors on stderr after "# command-line-arguments" with exit
// status 1; the program's own output on stdout/stderr; an unrecovered panic or fatal error as Go
// prints it, then "exit status 2"; os.Exit(n) exits with n.
#include "run.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <chrono>
#include <thread>

#include "run/compile.hpp"
#include "snapshot_text.hpp"
#include "trace/chrome_json.hpp"
#include "vm/machine.hpp"

namespace gopark::native {
namespace {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

// Go writes file names in errors relative to the current directory, with "./" for a bare name.
std::string display_name(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.rfind("./", 0) == 0 || path.rfind("../", 0) == 0) return path;
  return "./" + path;
}

void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    text.remove_prefix(std::size_t(n));
  }
}

}  // namespace

std::shared_ptr<const vm::Image> build(const std::string& path, bool go_header, int& status) {
  std::string source;
  if (!read_file(path, source)) {
    std::fprintf(stderr, "gopark: cannot read %s: %s\n", path.c_str(), std::strerror(errno));
    status = 1;
    return nullptr;
  }
  engine::Compiled compiled = engine::compile(source, display_name(path));
  if (!compiled.image) {
    if (go_header) std::fputs("# command-line-arguments\n", stderr);
    std::fputs(compiled.report.c_str(), stderr);
    status = 1;
    return nullptr;
  }
  status = 0;
  return compiled.image;
}

int run_program(const RunOptions& options) {
  int status = 0;
  auto image = build(options.path, true, status);
  if (!image) return status;
  vm::MachineConfig config = engine::machine_config(options.settings, options.path);
  config.runtime.trace = !options.trace_path.empty();
  config.output.out = [](std::string_view s) { write_all(STDOUT_FILENO, s); };
  config.output.err = [](std::string_view s) { write_all(STDERR_FILENO, s); };
  config.args.insert(config.args.end(), options.args.begin(), options.args.end());
  const bool to_step = options.step != UINT64_MAX;
  if (to_step) config.runtime.trace = true;  // steps are the trace's goroutine state changes
  vm::Machine machine(image, std::move(config));
  machine.set_speed(options.settings.speed);
  if (to_step) machine.set_paused(true);
  machine.start();
  if (to_step) {
    // On to the step, then the state there (the same every time: a simulated run is its seed).
    machine.hold_at_event(options.step);
    rt::Runtime& runtime = machine.runtime();
    while (!runtime.finished() && !(runtime.sim_holding() && !machine.stepping())) {
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    if (!runtime.finished()) {
      write_all(STDERR_FILENO, "gopark: held at step " + std::to_string(runtime.sched_events()) + " (virtual time " +
                                   std::to_string(runtime.now_ns()) + " ns)\n" + snapshot_text(runtime.snapshot()));
      machine.stop();
      machine.wait();
      return 0;
    }
  }
  rt::RunResult result = machine.wait();
  // Go's report, and go run's "exit status N" line for a non-zero status.
  std::string tail = result.go_run_tail();
  if (!tail.empty()) write_all(STDERR_FILENO, tail);
  if (!options.trace_path.empty() && machine.runtime().recorder()) {
    std::ofstream out(options.trace_path);
    trace::write_chrome_json(machine.runtime().recorder()->events(), out);
  }
  return result.exit_code;
}

int disassemble_program(const std::string& path) {
  int status = 0;
  auto image = build(path, false, status);
  if (!image) return status;
  for (const auto& fn : image->functions) {
    if (fn->native >= 0) continue;
    std::fputs(image->disassemble(*fn).c_str(), stdout);
    std::fputc('\n', stdout);
  }
  return 0;
}

int check_program(const std::string& path) {
  int status = 0;
  build(path, false, status);
  return status;
}

}  // namespace gopark::native
