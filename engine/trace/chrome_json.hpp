// Export of a run's events as Chrome trace JSON (chrome://tracing, https://ui.perfetto.dev).
//
// Layout: one process "Processors" with a track per P showing which goroutine ran when (a slice per run
// of a goroutine, named "G7 main.worker"), one process "Goroutines" with a track per goroutine showing its
// state over time (running / runnable / waiting: reason), and instant events for channel and lock
// operations on the goroutine tracks.
#pragma once

#include <ostream>
#include <vector>

#include "trace/event.hpp"

namespace gopark::trace {

void write_chrome_json(const std::vector<Event>& events, std::ostream& out);

}  // namespace gopark::trace
