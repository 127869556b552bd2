#pragma once
// Explore: run one program under many simulated schedules and group the runs by what they did.
//
// A simulated run (rt::Mode::Sim, runtime/sim.hpp) is fixed by its settings and seed, so a search
// over seeds is a search over schedules, and any outcome it finds comes with the seed that
// reproduces it: `gopark run --mode sim --seed S` (or a link with mode=sim&seed=S) replays it. The
// CLI's `gopark explore`, the dashboard's Run xN in sim mode and the page's gopark.explore() are
// all this function.
//
// Outcomes are told apart by stdout, exit status and the first line of stderr (first_line; so two
// panics that differ only in a goroutine number in the dump are one outcome); each keeps the full stderr of its
// smallest seed, which is also the seed it reports, so an exploration of the same seeds reports the
// same thing whatever the number of threads.
//
// Rejected: stopping at the first "bad" outcome. Nobody but the person knows which outcome is the
// bug (a program may print 1 or 2 and both be fine); they read the histogram.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "run/settings.hpp"
#include "vm/code.hpp"

namespace gopark::engine {

// What one run printed and how it ended, byte for byte what `gopark run` writes.
struct RunOutput {
  std::string out;   // stdout
  std::string err;   // stderr: the program's own, then Go's report, then "exit status N"
  int exit = 0;      // the process's exit status
};

// Runs `image` once with `settings` (any mode), capturing its output as `gopark run` prints it;
// `program` is os.Args[0].
RunOutput run_captured(const std::shared_ptr<const vm::Image>& image, const RunSettings& settings,
                       const std::string& program);

struct Outcome {
  std::string out;       // stdout
  std::string err;       // stderr, of the run with `seed`
  int exit = 0;
  std::uint64_t count = 0;  // runs that ended this way
  std::uint64_t seed = 0;   // the smallest seed that did
};

struct ExploreOptions {
  RunSettings settings;          // mode is forced to sim; seed is where the search starts
  std::uint64_t runs = 1000;     // at most this many runs (seeds settings.seed, +1, +2, ...)
  double seconds = 0;            // > 0: also stop after this long (wall clock), runs done so far count
  int jobs = 0;                  // threads running simulations; 0: one per logical CPU
  std::string program = "prog";  // os.Args[0]
  // Called now and then from one thread with the runs finished so far (a progress bar; null: none).
  std::function<void(std::uint64_t done)> progress;
  const std::atomic<bool>* cancel = nullptr;  // set: finish the runs in progress and return
  // Called after each run, from the thread that ran it, one call at a time (null: none): a live
  // histogram (the dashboard's Run xN).
  std::function<void(std::uint64_t seed, const RunOutput& run)> on_run;
};

struct Exploration {
  std::vector<Outcome> outcomes;  // most frequent first (ties: smallest seed first)
  std::uint64_t runs = 0;         // runs done
  double seconds = 0;             // wall time taken
};

Exploration explore(const std::shared_ptr<const vm::Image>& image, const ExploreOptions& options);

// The first line of a run's stderr, without its newline: what tells outcomes apart besides
// stdout and the exit status. For a run that reported a data race (--race), vm::kRaceWarning.
std::string_view first_line(std::string_view err);

// One outcome as a JSON object on one line: {"stdout":...,"stderr":...,"exit":N,"count":N,"seed":"S"}
// (the seed a decimal string: JavaScript's numbers cannot hold every 64-bit seed).
std::string outcome_json(const Outcome& outcome);

}  // namespace gopark::engine
