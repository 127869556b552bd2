#pragma once
// `gopark run` and `gopark check` (run.cpp).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "run/explore.hpp"
#include "run/settings.hpp"

namespace gopark::native {

struct RunOptions {
  std::string path;                 // the .go file
  std::vector<std::string> args;    // os.Args[1:]
  engine::RunSettings settings;     // --procs, --mode, --seed, --memory
  std::string trace_path;           // --trace: Chrome trace JSON of the run
  // --step K (simulated runs): run to step K (K goroutine state changes), print the state there
  // on stderr, and end the run. UINT64_MAX: run to the end.
  std::uint64_t step = UINT64_MAX;
};

// Reads and compiles the program at `path`; on errors prints them as `go build` does (after Go's
// "# command-line-arguments" line if `go_header`), sets `status` to 1 and returns null.
std::shared_ptr<const vm::Image> build(const std::string& path, bool go_header, int& status);

struct ExploreCommand {
  std::string path;
  engine::ExploreOptions options;
  bool json = false;
  std::string replay_flags;  // the settings given on the command line, as flags a replay repeats
};
// `gopark explore`: runs the program under many simulated schedules and prints each outcome with
// a seed that replays it (explore.cpp). Returns the process exit status.
int explore_program(const ExploreCommand& command);

// Compiles and runs the program as `go run` does; returns the process exit status.
int run_program(const RunOptions& options);
// Reports the program's compile errors (Go's format), exit status 1 if there are any.
int check_program(const std::string& path);
// Prints the bytecode of every compiled function (for gopark's developers).
int disassemble_program(const std::string& path);

}  // namespace gopark::native
