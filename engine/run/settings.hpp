#pragma once
// RunSettings: how to run a program, the one type every shell fills (CLI flags, the dashboard's
// toolbar, the web page's API and its share links), with each setting's limits written once.
//
// A shell never checks a range of its own: the CLI and the page hand text to RunSettings::set,
// which says what is wrong in words a person can act on; the toolbar takes its slider's ends from
// the limits below. A setting a later feature adds (a simulated schedule, the race detector) is one
// more field, one more entry in set(), and every shell has it.
//
// Rejected: one settings struct per layer (rt::Config, vm::MachineConfig, the toolbar's), each
// with its own idea of the largest GOMAXPROCS — they had four, and a value one accepted another
// silently bent. The lower layers keep their configs (they have knobs no person sets: trace
// buffers, time slices); machine_config() is the one place a RunSettings becomes one.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/runtime.hpp"
#include "vm/machine.hpp"

namespace gopark::engine {

// The limits, in one place.
inline constexpr int kMinProcs = 1;
inline constexpr int kMaxProcs = rt::kMaxProcs;        // the runtime's Ps: the most there can be
inline constexpr double kMaxSpeed = 1'000'000;         // lines a second per P; 0 is full speed
inline constexpr std::size_t kMinMemoryLimit = std::size_t(16) << 20;
// 64 GiB on a 64-bit host; on a 32-bit one (wasm32: the page, whose whole memory is at most 2 GiB,
// web/CMakeLists.txt) 1 GiB, so that a program at its limit leaves the page the room it needs to
// go on drawing and report the run's end.
inline constexpr std::size_t kMaxMemoryLimit =
    sizeof(std::size_t) >= 8 ? std::size_t(std::uint64_t(64) << 30) : std::size_t(1) << 30;
inline constexpr std::size_t kDefaultMemoryLimit = std::min(std::size_t(2) << 30, kMaxMemoryLimit);
static_assert(kMinMemoryLimit <= kDefaultMemoryLimit && kDefaultMemoryLimit <= kMaxMemoryLimit);
// The step budget (vm::MachineConfig::max_steps: safe points, i.e. loop iterations and calls, of
// all goroutines together). Real modes have none by default (Stop ends a runaway program); a
// simulated run has one, since time cannot end a `for {}` that waits for a sleeper (runtime/sim.hpp)
// and explore runs many programs nobody watches. About 10 s of a tight loop natively.
inline constexpr std::uint64_t kSimDefaultMaxSteps = 200'000'000;

// Invariants (after set(), or from clamped()): procs is 0 or in [kMinProcs, kMaxProcs]; speed is
// 0 or in (0, kMaxSpeed]; memory_limit is in [kMinMemoryLimit, kMaxMemoryLimit].
struct RunSettings {
  int procs = 0;                 // GOMAXPROCS; 0: the number of logical CPUs (within the limits)
  rt::Mode mode = rt::Mode::MN;  // goroutines (M:N), threads (1:1), coroutines (N:1) or sim (simulated)
  // The scheduler's and select's randomness; 0: a fresh one each run. In sim mode the seed is the
  // whole schedule, and 0 is a seed like any other: the same seed replays the same run.
  std::uint64_t seed = 0;
  double speed = 0;              // slow motion: source lines a second per P; 0: full speed
  std::size_t memory_limit = kDefaultMemoryLimit;  // bytes the run may hold: heap, goroutines, stacks, channel buffers
  std::uint64_t max_steps = 0;   // the step budget; 0: the mode's default (none, or kSimDefaultMaxSteps)
  bool race = false;             // the race detector (`go run -race`): reports data races, exit status 66

  // Sets the setting called `name` ("procs", "mode", "seed", "speed", "memory", "max-steps", "race") from
  // text, as a command-line flag or a link carries it. Returns "" on success; otherwise what the
  // setting accepts ("a whole number from 1 to 256"; the caller names the setting), and nothing
  // changes. Modes are "mn" (or "goroutines"), "threads", "coroutines", "sim", or their numbers 0-3.
  // Memory is bytes, or a number with a unit: 512MiB, 2GiB (KiB, MiB, GiB; KB, MB, GB as 1024s).
  // Switches (race) take true/false, 1/0 or on/off.
  std::string set(std::string_view name, std::string_view value);
  static bool is_setting(std::string_view name);  // a name set() knows
  // A setting that is on or off (race): a flag of its own, `--race`, means on.
  static bool is_switch(std::string_view name) { return name == "race"; }

  // The same settings with every value brought within the limits (for values from code, not text).
  RunSettings clamped() const;
  // GOMAXPROCS this run will have: procs, or the number of logical CPUs within the limits (in sim
  // mode rt::kSimCpus: nothing a simulated run shows depends on the machine).
  int effective_procs() const;
  // The step budget this run will have (0: none).
  std::uint64_t effective_max_steps() const;
};

// The runtime's configuration for a run with `settings` (for runs of the C++ API, without a VM).
rt::Config runtime_config(const RunSettings& settings);
// A Machine's configuration for a run with `settings`, its os.Args[0] being `program_name`
// (no trace, no output: the caller adds them). Speed is the Machine's to set once it exists.
vm::MachineConfig machine_config(const RunSettings& settings, const std::string& program_name);

}  // namespace gopark::engine
