// `gopark run` built as WebAssembly for node (tests/bench/web.sh): the same compiler, VM and
// runtime as the playground, on Emscripten's pthreads, reading the program from the real file
// system (NODERAWFS). For measuring the web build against the native one, and for checking that a
// simulated run is the same run there as natively (tests/web/sim_native_test.sh).
//   node gopark_run.js [--procs N] [--mode M] [--seed S] [--max-steps N] [--race] [--trace out.json]
//                      [--repeat N] [--time] prog.go
// --repeat runs the program N times in one process (a page runs many programs on one compiled
// module); --time prints each run's time, compile and run, to stderr in ms.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "run.hpp"

namespace {
int usage() {
  std::fprintf(stderr, "usage: gopark_run [--procs N] [--mode M] [--seed S] [--max-steps N] [--race] [--trace out.json] "
                       "[--repeat N] [--time] prog.go\n");
  return 2;
}
}  // namespace

int main(int argc, char** argv) {
  gopark::native::RunOptions options;
  int repeat = 1;
  bool time = false;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    if (argv[i][1] == '-' && gopark::engine::RunSettings::is_switch(argv[i] + 2)) {
      options.settings.set(argv[i] + 2, "true");  // --race
    } else if (argv[i][1] == '-' && gopark::engine::RunSettings::is_setting(argv[i] + 2) && i + 1 < argc) {
      if (!options.settings.set(argv[i] + 2, argv[i + 1]).empty()) return usage();
      ++i;
    } else if (!std::strcmp(argv[i], "--trace") && i + 1 < argc) {
      options.trace_path = argv[++i];
    } else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--time")) {
      time = true;
    } else {
      return usage();
    }
  }
  if (i + 1 != argc) return usage();
  options.path = argv[i];
  int status = 0;
  for (int r = 0; r < repeat; ++r) {
    auto start = std::chrono::steady_clock::now();
    status = gopark::native::run_program(options);
    std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
    if (time) std::fprintf(stderr, "run %d: %.1f ms\n", r + 1, ms.count());
  }
  return status;
}
