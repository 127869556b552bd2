#pragma once
// A frame's view-model as JSON: what the web page's `gopark.state()` returns (for browser tests
// and pages that embed the playground). Goroutine states are given in the study note's words
// ("state") and Go's ("go_state"). One object: step, held, running, time_ms, mode, gomaxprocs, deadlock,
// goroutines, procs, global_runq(_size), threads, channels, locks, races; field names as in
// view_model.hpp.
#include <cstdint>
#include <string>

#include "model/view_model.hpp"

namespace gopark::dash {

// `step`: the run's goroutine state changes when the frame was taken; `held`: a simulated run
// was held at that step all the while (the frame is that step's, exactly).
std::string state_json(const ViewModel& v, std::uint64_t step = 0, bool held = false);

}  // namespace gopark::dash
