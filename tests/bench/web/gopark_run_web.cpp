// `gopark run` built as WebAssembly for node (tests/bench/web.sh): the same compiler, VM and
// runtime as the playground, on Emscripten's pthreads, reading the program from the real file
// system (NODERAWFS). Only for measuring the web build against the native one.
//   node gopark_run.js [--procs N] prog.go
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "run.hpp"

int main(int argc, char** argv) {
  gopark::native::RunOptions options;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    if (!std::strcmp(argv[i], "--procs") && i + 1 < argc) {
      options.runtime.procs = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: gopark_run [--procs N] prog.go\n");
      return 2;
    }
  }
  if (i >= argc) {
    std::fprintf(stderr, "usage: gopark_run [--procs N] prog.go\n");
    return 2;
  }
  options.path = argv[i];
  options.args.emplace_back(options.path);
  return gopark::native::run_program(options);
}
