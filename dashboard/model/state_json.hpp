#pragma once
// A frame's view-model as JSON: what the web page's `gopark.state()` returns (for browser tests
// and pages that embed the playground). Goroutine states are given in the study note's words
// ("state") and Go's ("go_state"). One object: running, time_ms, mode, gomaxprocs, deadlock,
// goroutines, procs, global_runq(_size), threads, channels, locks; field names as in
// view_model.hpp.
#include <string>

#include "model/view_model.hpp"

namespace gopark::dash {

std::string state_json(const ViewModel& v);

}  // namespace gopark::dash
