// Sim mode: a simulated, deterministic schedule (Mode::Sim).
//
// ---- The promise ----
// The same program with the same settings (GOMAXPROCS, seed) runs the same way every time, on every
// machine, natively and in the browser: the same output, exit status, trace and dashboard frames.
// So a run that went wrong can be replayed, shared as a link, searched for (`gopark explore`) and
// stepped through.
//
// ---- The model ----
// There are GOMAXPROCS virtual Ps and one OS thread (one M), which runs every goroutine. A G on a
// P is "running": with 4 Ps, 4 goroutines run at once, and the simulation interleaves them. At
// every scheduling point the policy (below) picks which goroutine runs next, among those on a P and
// those runnable; a runnable one picked while every P is busy takes the P of a goroutine the policy
// preempts. The picked goroutine runs a quantum of instructions the policy also picks, then the
// interpreter gives the thread back (G::sim_left reaching 0: at any instruction boundary of the
// program's own code, or at a safe point of the library's Go code). So a switch can fall between a
// load and its store, as on real parallel hardware, where it is rare.
// Blocking, waking, Gosched and goroutine ends work as in the other modes (the parking protocol);
// only the choice of what runs next is the simulation's.
//
// ---- Virtual time ----
// The clock (Runtime::now_ns) stands still while anything can run; when every goroutine is blocked
// it jumps to the earliest timer, which fires (Go's playground faketime; testing/synctest). A
// 10-second sleep costs nothing, and timeouts are deterministic. time.Now is kSimEpochNs plus the
// clock. A program that spins waiting for a sleeper never sees the sleeper wake: time does not pass
// for it (the step budget ends it).
//
// ---- Everything random comes from the seed ----
// The policy, its parameters and its choices come from the seed (SimPolicy), and so does the
// runtime's own random stream on the one thread (select's choice, map iteration order, the default
// math/rand source). Goroutine ids are handed out in creation order. runtime.NumCPU is kSimCpus,
// and GOMAXPROCS defaults to it, whatever the machine.
//
// ---- The policies (chosen by the seed) ----
// - Random walk: each pick is uniform among the candidates; quanta are uniform in [1, 2q] for a mean
//   q drawn from 4 to 4096 (log-uniform), so some runs switch every few instructions and some
//   rarely. (A mean of 1 or 2 found nothing 4 did not, and a switch costs a hundred instructions.)
// - PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS
//   2010): every goroutine gets a random priority when it is created; the highest-priority candidate
//   always runs; at d-1 change points, steps drawn uniformly from [1, k], the running goroutine drops
//   to priority i (below every initial one). For a program of at most k steps and n goroutines it
//   finds any bug of depth d (d ordering constraints) with probability at least 1/(n k^(d-1)).
//   d is 1 to 3 and k a power of two from 64 to 2^19, from the seed. A goroutine that runs
//   kPctFairness instructions without blocking drops below everyone (the last dropped lowest), so
//   a spin-wait on a lower-priority goroutine still ends.
// Explore mixes them: half the seeds walk, half use PCT.
//
// ---- Holding: Pause, Step, step back ----
// Runtime::sim_hold_at(k) holds the simulation once k goroutine state changes have been recorded:
// the goroutine in its slice leaves at the next instruction boundary (G::sim_hold) keeping what is
// left of its quantum, and when the run goes on that slice is finished first, without asking the
// policy anything. So a hold changes nothing that follows: a run held at steps 3, 9 and 40 is the
// run that was never held, and a fresh run sent to step 40 looks exactly like it there. Going back
// is a replay from the start (nothing is checkpointed yet). A step where one instruction made two
// changes (a send that wakes a receiver) is reached after both.
//
// Rejected: recording a schedule (a list of choices) and replaying it: a link would carry the
// list, and any change to the interpreter would break old recordings in ways nobody sees; with
// the seed alone, a replay is a run. Rejected: simulating on several threads with a global turn:
// every switch would cost two thread wake-ups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gopark::rt {

struct G;

class SimPolicy {
 public:
  enum class Kind : uint8_t { Walk, Pct };
  static constexpr int64_t kPctFairness = 100'000;
  // PCT priorities: initial ones are at least 2^62; change point i sets kChangeBase + i; a
  // demotion for fairness sets kChangeBase - (demotions so far), so the goroutines demoted take
  // turns.
  static constexpr uint64_t kChangeBase = uint64_t(1) << 40;

  explicit SimPolicy(uint64_t seed);

  Kind kind() const { return kind_; }
  // "random walk (mean quantum 16)", "PCT (depth 2, 4096 steps)": for a person reading a report.
  std::string describe() const;

  // A goroutine was created: its priority (PCT).
  void created(G& g);
  // Which of `candidates` (not empty) runs next; `steps` is the run's instruction count so far.
  size_t pick(const std::vector<G*>& candidates);
  // Which of `on_ps` (not empty: goroutines holding a P) gives its P up to a runnable goroutine.
  size_t victim(const std::vector<G*>& on_ps);
  // How many instructions `g` runs before the next scheduling point (at least 1). `alone`: g is
  // the only candidate; the walk then answers kAlone, and the runtime asks again for a real
  // quantum as soon as another goroutine becomes runnable (a switch to nobody costs time and
  // changes nothing).
  int64_t quantum(const G& g, uint64_t steps, bool alone);
  static constexpr int64_t kAlone = int64_t(1) << 50;
  // `g` ran `ran` instructions, taking the run to `steps`; `blocked`: it then left the CPU
  // (parked, yielded, ended) rather than used up its quantum.
  void ran(G& g, int64_t ran, uint64_t steps, bool blocked);

  // The policy's own generator (wyrand), seeded from the seed; public for the runtime's tests.
  uint64_t next();

 private:
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }

  Kind kind_;
  uint64_t state_;
  // Walk.
  int64_t mean_quantum_ = 1;
  // PCT.
  int depth_ = 1;
  uint64_t horizon_ = 64;                 // k
  std::vector<uint64_t> change_points_;   // ascending steps; consumed from the front
  size_t next_change_ = 0;
  uint64_t demotions_ = 0;
};

}  // namespace gopark::rt
