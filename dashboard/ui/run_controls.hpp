#pragma once
// The run controls: the settings the toolbar's GOMAXPROCS, mode, seed and Speed widgets edit, and
// App's API reads and sets. Internal to dashboard/ui.
//
// The settings are the engine's (engine/run/settings.hpp), limits included: the widgets take their
// ranges from there, and App::set_settings brings values from outside within them. Only what a
// widget needs beyond the settings lives here (the seed's text box, the Speed slider's stops).
#include <cstddef>
#include <cstdint>
#include <string>

#include "session/session.hpp"

namespace gopark::dash {

// The scheduler modes, in rt::Mode's order (the mode combo indexes it with int(mode)).
inline constexpr const char* kModes[] = {"goroutines (M:N)", "threads (1:1)", "coroutines (N:1)",
                                         "simulated (deterministic)"};
inline constexpr int kModeCount = int(sizeof kModes / sizeof kModes[0]);

// The Speed slider's stops: source lines per second per P (0: full speed). Slow enough at the
// end to follow every handoff by eye.
inline constexpr double kSpeeds[] = {0, 1000, 300, 100, 30, 10, 3, 1};
inline constexpr int kSpeedCount = int(sizeof kSpeeds / sizeof kSpeeds[0]);

// The memory combo's stops (the run's one cap: heap, goroutines, stacks, buffers), those within
// engine::kMaxMemoryLimit; a value from a link or the API between stops is shown as it is.
inline constexpr std::size_t kMemoryStops[] = {
    std::size_t(64) << 20,  std::size_t(128) << 20, std::size_t(256) << 20, std::size_t(512) << 20,
    std::size_t(1) << 30,   std::size_t(std::uint64_t(2) << 30), std::size_t(std::uint64_t(4) << 30),
    std::size_t(std::uint64_t(8) << 30)};
// "512 MiB", "2 GiB", "300.5 MiB".
std::string memory_text(std::size_t bytes);

// Invariants: settings.procs is in [engine::kMinProcs, engine::kMaxProcs] (never 0: the slider
// shows a number); settings.speed is one of kSpeeds; seed_text spells settings.seed, or is the
// text being typed (seed_ok says whether it parses).
struct RunControls {
  RunControls();
  RunSettings settings;      // what the next run starts with (start_paused stays false here)
  char seed_text[24] = "0";  // the seed's text box; 0: a fresh seed every run
  bool seed_ok = true;       // seed_text is a seed (else settings.seed keeps the last good one)

  int speed_index() const;             // the stop of settings.speed in kSpeeds
  void set_speed_near(double lines_per_second);  // snaps settings.speed to the nearest stop
  void seed_edited();                  // the text box changed: parse seed_text into settings.seed
  // Sets every control from outside (App::set_settings): values are brought within the limits,
  // the speed to the nearest stop.
  void assign(const engine::RunSettings& s);
};

}  // namespace gopark::dash
