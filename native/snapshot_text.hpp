// A snapshot drawn as text for a terminal: processors, threads, goroutines, channels and locks.
#pragma once

#include <string>

#include "trace/snapshot.hpp"

namespace gopark::native {

// Renders s in at most `width` columns. Long lists are cut with "…".
std::string snapshot_text(const trace::Snapshot& s, int width = 100);

}  // namespace gopark::native
