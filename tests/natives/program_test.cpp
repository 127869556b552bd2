// The natives end to end: programs of tests/programs that exercise the library, and this
// directory's own (programs/), are compiled with the embedded library sources and run on a
// Machine, and their stdout is compared with Go's (the .out files). tests/programs/run.sh runs the whole corpus through the gopark binary in
// every scheduler mode; this test keeps the library's part of it next to the natives, at one
// GOMAXPROCS, without the binary.
#include <doctest/doctest.h>

#ifndef __EMSCRIPTEN__  // reads the corpus from the source tree

#include <fstream>
#include <mutex>
#include <sstream>
#include <string>

#include "run/compile.hpp"
#include "vm/machine.hpp"

namespace {

namespace engine = gopark::engine;
namespace vm = gopark::vm;

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

struct Run {
  std::string out;
  std::string err;
  std::string compile_errors;
  int exit_code = 0;
};

// Compiles and runs <dir>/<name>.go as `gopark run` would.
Run run_program(const std::string& dir, const std::string& name, int procs = 2,
                gopark::rt::Mode mode = gopark::rt::Mode::MN, bool gc_stress = false) {
  Run run;
  std::string source;
  std::string path = dir + "/" + name + ".go";
  if (!read_file(path, source)) {
    run.compile_errors = "cannot read " + path;
    return run;
  }
  std::string file = name + ".go";
  engine::Compiled compiled = engine::compile(source, file);
  if (!compiled.image) {
    run.compile_errors = compiled.report;
    return run;
  }
  const std::shared_ptr<const vm::Image>& image = compiled.image;
  std::mutex mutex;  // output callbacks come from any M
  vm::MachineConfig config;
  config.runtime.procs = procs;
  config.runtime.mode = mode;
  config.gc_stress = gc_stress;
  config.output.out = [&](std::string_view s) {
    std::lock_guard lock(mutex);
    run.out += s;
  };
  config.output.err = [&](std::string_view s) {
    std::lock_guard lock(mutex);
    run.err += s;
  };
  config.args = {file};
  vm::Machine machine(image, std::move(config));
  machine.start();
  gopark::rt::RunResult result = machine.wait();
  run.err += result.report();
  run.exit_code = result.exit_code;
  return run;
}

std::string expected_output(const std::string& dir, const std::string& name) {
  std::string out;
  read_file(dir + "/" + name + ".out", out);
  return out;
}

void check_in(const std::string& dir, const std::string& name, int procs = 2,
              gopark::rt::Mode mode = gopark::rt::Mode::MN, bool gc_stress = false) {
  INFO("program: " << name << " procs=" << procs << " mode=" << gopark::rt::to_string(mode)
                   << " gc_stress=" << gc_stress);
  Run run = run_program(dir, name, procs, mode, gc_stress);
  REQUIRE(run.compile_errors == "");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out == expected_output(dir, name));
}

// A program of the shared corpus (tests/programs).
void check_program(const std::string& name, int procs = 2, gopark::rt::Mode mode = gopark::rt::Mode::MN,
                   bool gc_stress = false) {
  check_in(GOPARK_PROGRAMS_DIR, name, procs, mode, gc_stress);
}

// A program of this directory's own (tests/natives/programs; .out files from Go 1.19).
void check_own(const std::string& name, int procs = 2, gopark::rt::Mode mode = gopark::rt::Mode::MN,
               bool gc_stress = false) {
  check_in(GOPARK_NATIVES_PROGRAMS_DIR, name, procs, mode, gc_stress);
}

}  // namespace

TEST_CASE("fmt programs print exactly what Go prints") {
  for (const char* name : {"fmt_composite", "fmt_verbs_int", "fmt_verbs_float_string", "fmt_type_pointer",
                           "types_float_print", "interfaces_stringer", "errors_values"})
    check_program(name);
}

TEST_CASE("strconv, strings, unicode, math") {
  for (const char* name : {"strconv_funcs", "strings_funcs", "strings_builder", "strings_utf8", "math_funcs"})
    check_program(name);
}

TEST_CASE("sync, atomic, time, runtime, os") {
  for (const char* name : {"sync_mutex_counter", "sync_rwmutex", "sync_once", "sync_cond", "sync_map_pool",
                           "atomic_funcs", "atomic_types", "time_duration", "time_timers", "runtime_funcs",
                           "os_stdout_stderr", "os_file_write"})
    check_program(name);
}

// Regression: a native method (here sync.(*Mutex).Unlock) reached through an interface's method
// table must run as a native, not as a bytecode frame.
TEST_CASE("native methods called through interfaces (sync.Locker, Cond.L)") {
  check_own("sync_locker_interface");
}

TEST_CASE("fmt calls Error, String and GoString as Go does, and survives their panics") {
  check_own("fmt_methods");
}

TEST_CASE("timers and sync primitives at their edges") {
  check_own("time_sync_edges", 1);
  check_own("time_sync_edges", 4);
  check_own("time_sync_edges", 2, gopark::rt::Mode::MN, true);
  check_own("time_sync_edges", 1, gopark::rt::Mode::Coroutines);
  check_own("time_sync_edges", 1, gopark::rt::Mode::Threads);
}

// The natives that hold engine objects (sync handles, timers) or call back into Go (fmt) under a
// collection at every safe point, and in the other scheduler modes.
TEST_CASE("the library under GC stress, in coroutines mode and in threads mode") {
  for (const char* name : {"fmt_composite", "interfaces_stringer", "sync_mutex_counter", "sync_once", "sync_cond",
                           "time_timers", "runtime_funcs", "atomic_types"}) {
    check_program(name, 2, gopark::rt::Mode::MN, true);
    check_program(name, 1, gopark::rt::Mode::Coroutines);
    check_program(name, 1, gopark::rt::Mode::Threads);
  }
}

#endif  // __EMSCRIPTEN__
