#pragma once
// The run controls: what the toolbar's GOMAXPROCS, mode, seed and Speed widgets hold, and the
// RunSettings a run starts with. Internal to dashboard/ui.
//
// Everything about how a run is set up from the UI lives here, in one struct with its helpers,
// so that replacing it (with an engine-level settings type) touches this file and the widgets
// that edit it (toolbar.cpp), nothing else: panels read the settings only through run_settings()
// and speed(), App's API through assign().
#include <algorithm>
#include <cstdint>

#include "session/session.hpp"

namespace gopark::dash {

// The scheduler modes, in the mode combo's order (RunControls::mode indexes it).
inline constexpr const char* kModes[] = {"goroutines (M:N)", "threads (1:1)", "coroutines (N:1)"};
inline constexpr int kModeCount = int(sizeof kModes / sizeof kModes[0]);

// The Speed slider's stops: source lines per second per P (0: full speed). Slow enough at the
// end to follow every handoff by eye.
inline constexpr double kSpeeds[] = {0, 1000, 300, 100, 30, 10, 3, 1};
inline constexpr int kSpeedCount = int(sizeof kSpeeds / sizeof kSpeeds[0]);

// The GOMAXPROCS slider's range.
inline constexpr int kMinProcs = 1;
inline constexpr int kMaxProcs = 16;

// Invariants: kMinProcs <= procs <= kMaxProcs, 0 <= mode < kModeCount and
// 0 <= speed_index < kSpeedCount while the widgets and assign() are the only writers.
struct RunControls {
  RunSettings settings;  // the last run's, as started (the fields no widget sets keep their defaults)
  int procs = std::max(kMinProcs, std::min(kMaxProcs, rt::Runtime::num_cpu()));  // applied live while running
  int mode = 0;                // into kModes: 0 goroutines (M:N), 1 threads (1:1), 2 coroutines (N:1)
  char seed_text[24] = "0";    // 0: random
  int speed_index = 0;         // into kSpeeds: 0 is full speed

  RunSettings run_settings() const;  // the widgets' GOMAXPROCS, mode, seed and speed
  double speed() const;              // lines per second per P from the Speed slider; 0: full
  void set_speed_near(double lines_per_second);  // moves the slider to the nearest stop
  // Sets every control from outside (App::set_controls); out-of-range values are clamped.
  void assign(int procs, int mode, double lines_per_second, std::uint64_t seed);
};

}  // namespace gopark::dash
