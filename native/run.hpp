#pragma once
// `gopark run` and `gopark check` (run.cpp).
#include <string>
#include <vector>

#include "run/settings.hpp"

namespace gopark::native {

struct RunOptions {
  std::string path;                 // the .go file
  std::vector<std::string> args;    // os.Args[1:]
  engine::RunSettings settings;     // --procs, --mode, --seed, --memory
  std::string trace_path;           // --trace: Chrome trace JSON of the run
};

// Compiles and runs the program as `go run` does; returns the process exit status.
int run_program(const RunOptions& options);
// Reports the program's compile errors (Go's format), exit status 1 if there are any.
int check_program(const std::string& path);
// Prints the bytecode of every compiled function (for gopark's developers).
int disassemble_program(const std::string& path);

}  // namespace gopark::native
