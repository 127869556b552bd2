// `gopark demo`: a worker pool running on the runtime, watched live in the terminal.
//
// Until the Go front end lands, this is what `make play` shows: a producer feeding a buffered channel,
// workers that compute (and get preempted) and sleep, a mutex, a WaitGroup, and a results channel, drawn
// ten times a second from Runtime::snapshot() from this (non-runtime) thread.
#pragma once

#include <string>

#include "run/settings.hpp"

namespace gopark::native {

struct DemoOptions {
  engine::RunSettings settings;  // --procs, --mode, --seed (the run settings every command takes)
  int jobs = 24;
  std::string trace_path;  // write Chrome trace JSON here when set
  bool live = true;        // redraw in place (a terminal); otherwise print a few frames
};

// Runs the demo; returns the program's exit status.
int run_demo(const DemoOptions& options);

}  // namespace gopark::native
