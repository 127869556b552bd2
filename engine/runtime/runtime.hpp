// Runtime: one run of one program on gopark's M:N scheduler. The public face of engine/runtime.
//
// A Runtime is created with a Config, started with a main goroutine, and ends when main returns, a
// goroutine panics, os.Exit is called, a deadlock is found, or stop() is called. wait() returns a
// RunResult saying which, with Go's message. A process may hold many runtimes (tests do; "Run xN" does);
// they share nothing.
//
// Threads: start(), stop(), gomaxprocs(), snapshot() and wait() may be called from any thread outside the
// runtime. Everything else is called by goroutines, through the C++ API (api/) or the VM.
//
// Error tiers (HACKING.md): Go panics and fatal errors end the run with a RunResult; gopark's own bugs
// call internal_error(), which prints "gopark internal error" and aborts.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/annotations.hpp"
#include "runtime/g.hpp"
#include "runtime/runq.hpp"
#include "runtime/sched.hpp"
#include "runtime/spinlock.hpp"
#include "runtime/timers.hpp"
#include "trace/event.hpp"
#include "trace/recorder.hpp"
#include "trace/snapshot.hpp"

namespace gopark::rt {

class Object;
class SimPolicy;

enum class Mode : uint8_t {
  MN,          // goroutines: M:N, preemptive (the default)
  Threads,     // 1:1: every goroutine on its own OS thread
  Coroutines,  // N:1: one thread, switching only where a goroutine blocks or yields
  Sim,         // simulated: GOMAXPROCS virtual Ps on one thread, a seeded schedule, virtual time (sim.hpp)
};
const char* to_string(Mode m);
bool parse_mode(std::string_view s, Mode& out);  // "mn", "threads", "coroutines", "sim"

// What a simulated run shows the program in place of the machine's (sim.hpp: nothing a program can
// observe depends on the machine): runtime.NumCPU and the default GOMAXPROCS, and the wall clock's
// start, the Go playground's 2009-11-10 23:00:00 UTC.
inline constexpr int kSimCpus = 4;
inline constexpr int64_t kSimEpochNs = 1257894000LL * 1'000'000'000LL;
// A simulated run in which every goroutine is blocked and this many timer firings in a row have
// woken nobody is stopped (sched_sim.cpp).
inline constexpr uint64_t kSimMaxIdleJumps = 1'000'000;

// The most OS threads threads mode may use by default (Go's limit is 10000; the browser's worker pool is
// much smaller, and the web build sets its own).
int default_max_threads();

struct Config {
  int procs = 0;                    // GOMAXPROCS; < 1 means the number of logical CPUs
  Mode mode = Mode::MN;
  uint64_t seed = 0;                // select and steal randomness; 0 picks one (sim: 0 is a seed like any other)
  int max_threads = default_max_threads();
  bool trace = false;               // record events (and per-goroutine run time)
  size_t trace_max_events = size_t(4) << 20;
  int64_t time_slice_ns = 10'000'000;  // sysmon preempts a G after this long (MN mode)
  bool race = false;                // a race detector (race.hpp) follows goroutines and their sync
};

enum class ExitKind : uint8_t {
  MainReturned,  // exit status 0
  Panic,         // unrecovered panic: exit status 2
  Fatal,         // fatal error (unlock of unlocked mutex, thread exhaustion, ...): exit status 2
  Deadlock,      // fatal error: all goroutines are asleep: exit status 2
  Exit,          // os.Exit(n)
  Stopped,       // stop() from outside
};

struct RunResult {
  ExitKind kind = ExitKind::MainReturned;
  int exit_code = 0;
  std::string message;        // panic value / fatal error text, without the "panic: " prefix
  std::string prefix;         // lines Go prints before "fatal error:" (e.g. the thread limit)
  uint64_t goroutine = 0;     // the goroutine that panicked or failed
  std::string goroutines;     // Go's goroutine dump ("goroutine 1 [chan receive]:\nmain.main()\n...")
  uint64_t killed = 0;        // goroutines still alive when the run ended
  // What `go run` prints on stderr for this ending ("" for a normal exit).
  std::string report() const;
  // All `go run` adds to stderr after the program's own output: report(), then "exit status N"
  // for a non-zero status (gopark run, explore's outcomes and the dashboard's transcript).
  std::string go_run_tail() const;
};

// Prints "gopark internal error: <what>" and aborts. For broken runtime invariants only.
[[noreturn]] void internal_error(const char* what);
// Prints "gopark: misuse of the C++ API: <what>" and aborts: a C++ caller broke a documented
// precondition (as an assert would). Go programs never reach it: the VM checks these itself.
[[noreturn]] void api_misuse(const char* what);

class Runtime {
 public:
  explicit Runtime(Config config = {});
  ~Runtime();  // stops the run if it is still going and waits for it
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Starts the program with goroutine 1 (main) running `body`. Returns at once. Call once.
  void start(Body& body, void* body_data, const char* label = "main.main");
  // Blocks until the run ends, then releases every goroutine and thread. Idempotent.
  RunResult wait();
  // True once the program has ended (main returned, a panic, stop()...): wait() will not block long.
  bool finished() const { return exiting_.load(std::memory_order_acquire); }
  // Ends the run: goroutines are killed at their next scheduling point (bodies that poll g.preempt,
  // like the VM's, stop promptly even in `for {}`). The RunResult says Stopped, with `message`
  // (why: a Stop button, a step budget spent).
  void stop(std::string message = "program stopped");
  // Ends the run with a fatal error raised outside any goroutine (a timer's function that could not
  // start): `prefix` + "fatal error: " + message, exit status 2.
  void fail(std::string prefix, std::string message);

  // runtime.GOMAXPROCS: n >= 1 sets the number of Ps (live, while goroutines run); returns the previous
  // setting. Any thread.
  int gomaxprocs(int n);
  int num_goroutine() const { return int(count_goroutines()); }
  // runtime.NumCPU as this run shows it: the machine's, or kSimCpus in sim mode.
  int cpus() const { return config_.mode == Mode::Sim ? kSimCpus : num_cpu(); }
  // The GOMAXPROCS setting, without a lock (for hot paths such as Mutex spinning).
  int procs() const { return procs_.load(std::memory_order_relaxed); }
  static int num_cpu();
  const Config& config() const { return config_; }
  Mode mode() const { return config_.mode; }

  // A picture of the run for UIs; any thread, any time (60 Hz is fine).
  trace::Snapshot snapshot() const;
  // When the run ended while tracing: the picture at that moment, before anything was torn down
  // (after a deadlock, every goroutine still blocked where it was; after main returned, the
  // goroutines it ended), for UIs to draw the last frame. Null until the run has ended, and
  // when not tracing.
  const trace::Snapshot* end_snapshot() const;
  // The trace of this run, or null if Config::trace is off.
  const trace::Recorder* recorder() const { return recorder_.get(); }

  // Nanoseconds since the run started: the steady clock, or in sim mode the virtual clock, which
  // moves only when every goroutine is blocked (to the next timer). Timers, sleeps, time.Now's
  // monotonic reading and Mutex starvation all read this.
  int64_t now_ns() const {
    if (config_.mode == Mode::Sim) return sim_clock_ns_.load(std::memory_order_relaxed);
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - epoch_)
        .count();
  }
  // The wall clock (time.Now), nanoseconds since 1970: the system's, or in sim mode kSimEpochNs
  // plus the virtual clock.
  int64_t wall_ns() const;
  // The clock of the trace's timestamps: now_ns(), or in sim mode now_ns() + sim_steps() (below).
  int64_t trace_now_ns() const {
    return config_.mode == Mode::Sim ? now_ns() + int64_t(sim_steps()) : now_ns();
  }
  // Sim mode: instructions run so far, all goroutines together (0 in other modes). With the
  // virtual clock it makes the trace's timestamps: clock + steps, so that events between two
  // timer firings keep their order and spacing in a trace viewer.
  uint64_t sim_steps() const { return sim_steps_.load(std::memory_order_relaxed); }
  // The race detector (Config::race), or null.
  race::Detector* race_detector() const { return race_.get(); }
  // Sim mode, on the simulation's own thread (its goroutines): where the run is, in instructions
  // charged so far, the running slice's included. A total order on everything a simulated run
  // does, the same every time: Step back by line names its places by it (vm::Machine).
  uint64_t sim_position() const {
    uint64_t at = sim_steps();
    if (const G* g = sim_running_.load(std::memory_order_relaxed); g && g->sim_left >= 0)
      at += uint64_t(sim_slice_ - g->sim_left);
    return at;
  }
  // Sim mode: hold the simulation once sched_events() has reached `event` (UINT64_MAX: never; 0:
  // at once), at the next instruction boundary, every goroutine then off the CPU; a later call
  // moves the hold on (the dashboard's Pause, Step and seek). A hold never changes the schedule:
  // a goroutine cut in its slice finishes that slice first when the run goes on. Any thread.
  void sim_hold_at(uint64_t event);
  // The simulation is holding now (what a snapshot shows is the state at sched_events()).
  bool sim_holding() const { return sim_holding_.load(std::memory_order_acquire); }
  uint64_t sim_hold_target() const { return sim_hold_at_.load(std::memory_order_acquire); }

  // ---- For runtime operations and bodies (the C++ API, the VM) ----

  // Creates a goroutine running `body` and makes it runnable. `parent` is the creating goroutine (null
  // from outside). Returns null if no goroutine was created (the run is ending; or threads mode is past
  // max_threads, which ends the run with Go's thread-exhaustion error); body_data is then still the
  // caller's to free.
  G* spawn(Body& body, void* body_data, const char* label, G* parent, int32_t line = 0);
  // Makes a Waiting g runnable. `by` is the goroutine that woke it (null: a timer or the runtime).
  void ready(G& g, G* by);
  // The next id of an object made by this run's goroutines (object.hpp).
  uint64_t new_object_id() { return next_object_id_.fetch_add(1, std::memory_order_relaxed); }
  // Goroutines register their objects (channels, locks) here on first use.
  void register_object(Object& o);
  void unregister_object(Object& o);

  // time.Sleep: parks g for ns nanoseconds (the caller gives g's thread back at once).
  void prepare_sleep(G& g, int64_t ns);

  // Timers (timers.hpp). add_timer schedules t at when_ns (runtime clock); cancel_timer returns true if t
  // was pending and will not fire; it waits for a firing in progress to finish. The owner of a task must
  // cancel it before freeing it (unless the runtime owns it: TimerTask::release).
  void add_timer(TimerTask& t, int64_t when_ns, int64_t period_ns);
  bool cancel_timer(TimerTask& t);

  bool tracing() const { return recorder_ != nullptr; }
  // How many goroutine state changes (GoCreate ... GoEnd events) the trace has seen: the
  // dashboard's "Step to the next scheduling event" waits for it to grow. Counts only while tracing.
  uint64_t sched_events() const { return sched_events_.load(std::memory_order_acquire); }
  void emit(trace::EventKind kind, uint64_t g, uint64_t obj = 0, int64_t arg = 0, uint8_t detail = 0);

  // A random number from the calling thread's generator (seeded from Config::seed).
  uint32_t rand32();

 private:
  friend struct Scheduler;
  // ---- lifecycle (runtime.cpp) ----
  void end_program(RunResult ending);  // the first ending wins
  void teardown();
  void dump_goroutines(std::string& out, const G* first) const;
  void check_dead_locked(RunResult& ending, bool& dead) GOPARK_REQUIRES(sched_lock_);
  void check_dead();
  // ---- goroutines: creation, running, parking, ending (goroutines.cpp) ----
  int64_t count_goroutines() const;
  uint64_t new_goid(P* p);
  void count_goroutine(P* p, int64_t delta);
  G* alloc_g(P* p);
  void free_g(G& g, P* p);
  // `announce`: record GoStart (the simulation runs a G on its P in many slices, announced once).
  void run_g(M& m, G& g, int32_t p_id, bool announce = true);
  static Handoff take_handoff(G& g) {
    Handoff h = g.handoff;
    g.handoff = Handoff::None;
    return h;
  }
  void park_g(G& g);
  void end_g(G& g, Handoff how, P* p);
  void finish_g(G& g, EndReason why, P* p);
  // ---- MN scheduler (sched.cpp) ----
  void m_main(M& m);
  void schedule(M& m);
  void execute(M& m, G& g);
  G* find_runnable(M& m);
  G* steal_work(M& m);
  void idle_m(M& m);
  void stop_m(M& m);
  void start_m(P* p, bool spinning) GOPARK_EXCLUDES(sched_lock_);
  void wakep();
  void reset_spinning(M& m);
  void runq_put(P& p, G& g, bool next);
  void global_put_batch(G** gs, uint32_t n);
  G* global_get(P& p, uint32_t max) GOPARK_REQUIRES(sched_lock_);
  void retire_p(M& m);
  P* pidle_get() GOPARK_REQUIRES(sched_lock_);
  void pidle_put(P& p) GOPARK_REQUIRES(sched_lock_);
  M* new_m() GOPARK_REQUIRES(sched_lock_);
  void launch(M& m);
  void resize_procs(int n) GOPARK_REQUIRES(sched_lock_);
  // ---- sim mode (sched_sim.cpp) ----
  void sim_main(M& m);
  void sim_put(G& g);  // g is runnable (created or woken): into the simulation's runnable set
  void sim_resize();
  void sim_take_off(G& g, P& p, bool preempted);  // g leaves p and becomes runnable again
  void run_slice(M& m, G& g, P& p, SimPolicy& policy, G*& resume, int64_t& resume_left);
  // ---- threads mode (sched_threads.cpp) ----
  void thread_main(M& m);
  void run_bound(M& m, G& g);
  void thread_idle(M& m, bool goroutine_ended);
  bool bind_thread(G& g);
  // ---- timers and sysmon (timers.cpp) ----
  void timer_main();
  // Fires every timer due at `now` (timer_main and the simulation); `lock` holds timer_mutex_ and
  // is released around each callback. Returns true if the last live timer has finished.
  bool fire_due_timers(std::unique_lock<std::mutex>& lock, int64_t now);
  void sysmon(int64_t now);
  // Heap operations: the caller holds timer_mutex_.
  void heap_up(int32_t i);
  void heap_down(int32_t i);
  void heap_remove(TimerTask& t);
  // ---- snapshots (snapshot.cpp) ----
  void snapshot_goroutines(trace::Snapshot& s) const;
  void snapshot_sched(trace::Snapshot& s) const;

  // Field layout: read-mostly fields first; then each group that some M writes often on its own cache
  // lines, so that one M's writes do not evict what the others read on every scheduling decision.

  // ---- Read-mostly. ----
  const Config config_;
  const std::chrono::steady_clock::time_point epoch_;
  std::unique_ptr<trace::Recorder> recorder_;
  std::atomic<uint64_t> sched_events_{0};
  uint64_t seed_;
  std::atomic<int32_t> procs_{0};   // GOMAXPROCS setting
  std::atomic<int32_t> n_ps_{0};    // Ps allocated in all_ps_ (never shrinks)
  std::unique_ptr<P> all_ps_[kMaxProcs];
  std::atomic<bool> exiting_{false};
  std::atomic<bool> started_{false};
  std::atomic<bool> main_goexited_{false};

  // ---- The scheduler lock and what it guards. ----
  alignas(64) mutable SpinLock sched_lock_;
  GQueue global_runq_ GOPARK_GUARDED_BY(sched_lock_);
  std::atomic<uint32_t> global_runq_size_{0};  // mirrors global_runq_ for lock-free "is it empty" peeks
  P* idle_ps_ GOPARK_GUARDED_BY(sched_lock_) = nullptr;
  M* idle_ms_ GOPARK_GUARDED_BY(sched_lock_) = nullptr;
  std::vector<std::unique_ptr<M>> all_ms_ GOPARK_GUARDED_BY(sched_lock_);
  std::atomic<int32_t> n_threads_{0};  // threads mode: live goroutine threads

  // ---- Read by every wakep(). ----
  alignas(64) std::atomic<int32_t> n_idle_ps_{0};
  std::atomic<int32_t> n_spinning_{0};
  alignas(64) std::atomic<int32_t> active_ms_{0};

  // ---- Goroutine ids and counts: per P (P::goid_*, P::goroutines), plus these for Gs without a P. ----
  alignas(64) std::atomic<uint64_t> next_goid_{1};
  std::atomic<uint64_t> next_object_id_{1};
  std::atomic<int64_t> goroutines_without_p_{0};

  // ---- Goroutines. ----
  alignas(64) mutable std::mutex all_gs_mutex_;
  std::vector<std::unique_ptr<G>> all_gs_;  // guarded by all_gs_mutex_; never shrinks during a run
  SpinLock gfree_lock_;
  G* gfree_ GOPARK_GUARDED_BY(gfree_lock_) = nullptr;
  uint32_t n_gfree_ GOPARK_GUARDED_BY(gfree_lock_) = 0;

  // ---- Ending. ----
  bool waited_ = false;  // guarded by end_mutex_
  mutable std::mutex end_mutex_;
  std::condition_variable end_cond_;
  RunResult result_;  // guarded by end_mutex_; written once by end_program
  std::unique_ptr<trace::Snapshot> end_snapshot_;  // guarded by end_mutex_; set once by end_program
  EndReason kill_reason_ = EndReason::MainReturned;

  // Timers.
  mutable std::mutex timer_mutex_;
  std::condition_variable timer_cond_;
  // std::mutex carries no thread-safety annotations in libstdc++, so these say it in words:
  std::vector<TimerTask*> timer_heap_;  // guarded by timer_mutex_
  std::atomic<int32_t> timers_live_{0};
  bool timer_quit_ = false;             // guarded by timer_mutex_
  std::atomic<bool> sysmon_idle_{false};  // sysmon sleeps without a time-slice tick; wake it on work
  std::thread timer_thread_;
  trace::Sink* timer_sink_ = nullptr;

  // Sim mode (sim.hpp). The simulation's state is touched only by its one M thread (and by
  // start(), before that thread exists); the clock and step count are read by snapshots and emit.
  std::unique_ptr<SimPolicy> sim_;
  std::vector<G*> sim_runnable_;  // runnable Gs not on a P, in the order they became runnable
  bool sim_started_ = false;      // its thread exists (set before it starts)
  int32_t sim_ps_ = 0;            // Ps the simulation has set up (follows procs_)
  std::atomic<G*> sim_running_{nullptr};  // the G in its slice now, and the quantum it was given
  int64_t sim_slice_ = 0;
  std::atomic<uint64_t> sim_hold_at_{UINT64_MAX};
  std::atomic<bool> sim_holding_{false};
  std::mutex sim_hold_mutex_;               // for sim_hold_cv_'s waits
  std::condition_variable sim_hold_cv_;
  std::atomic<int64_t> sim_clock_ns_{0};
  std::atomic<uint64_t> sim_steps_{0};
  std::unique_ptr<race::Detector> race_;  // Config::race

  // Registry of channels and locks.
  mutable std::mutex registry_mutex_;
  Object* objects_ = nullptr;  // guarded by registry_mutex_
};

// The runtime of the goroutine (or runtime thread) running on this thread, or null.
Runtime* current_runtime();

}  // namespace gopark::rt
