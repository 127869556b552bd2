// G: one goroutine, as the scheduler sees it.
//
// A G does not know what language its code is written in. Its code is a `Body`: the C++ coroutine API
// (api/task.hpp) plugs in a body that resumes a coroutine frame; the VM plugs in a body that runs a
// bytecode frame stack. The scheduler only ever calls body->resume(g) and then looks at g.handoff to learn
// why the body gave the thread back.
//
// Ownership: a G that is Running belongs to the M running it; a Runnable G belongs to the run queue it sits
// in; a Waiting G belongs to the wait queues its waiters sit in (and whoever dequeues it must ready it);
// Dead Gs sit on free lists and are reused. Every G ever allocated stays in the runtime's `all_gs` list
// until the run ends, so a snapshot may read any G at any time: the fields a snapshot reads are relaxed
// atomics, and a snapshot may see a mix of old and new values of a G being reused (it is a picture of a
// moving system, not a transaction).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "runtime/coro.hpp"
#include "runtime/observed.hpp"
#include "runtime/race.hpp"
#include "runtime/timers.hpp"
#include "runtime/tls.hpp"
#include "trace/states.hpp"

namespace gopark::rt {

class Runtime;
struct M;
struct Waiter;
struct G;

// The goroutine vocabulary is the trace's (trace/states.hpp): the runtime records in it.
using trace::EndReason;
using trace::GState;
using trace::WaitReason;
using trace::describe;
using trace::go_string;
using trace::go_word;
using trace::note_word;

// Why a body gave its thread back to the scheduler.
enum class Handoff : uint8_t {
  None,
  Park,     // blocked: park_commit runs once the G is off the CPU, then the G is Waiting
  Yield,    // runtime.Gosched
  Preempt,  // honoured a preemption request (g.preempt)
  Exit,     // the goroutine's function returned
  Goexit,   // runtime.Goexit: deferred calls already ran
  Panic,    // unrecovered panic: the program ends (message in g.end_message)
  Fatal,    // fatal error: the program ends (message in g.end_message)
  OsExit,   // os.Exit(g.exit_code): the program ends at once, no deferred calls
};

// A goroutine's code. Implementations: CoroutineBody (C++ API), the VM's goroutine body.
class Body {
 public:
  virtual ~Body() = default;
  // Runs g on the calling M until g gives the thread back. Before returning, the body has set g.handoff
  // (and, for Park, the runtime operation that blocked has set g.park_commit).
  virtual void resume(G& g) = 0;
  // Frees everything the body owns for g. g is not running and sits in no wait queue.
  virtual void destroy(G& g) = 0;
  // Appends g's call stack in Go's traceback format ("main.worker(...)\n\t/prog.go:12 +0x0\n").
  virtual void traceback(const G& g, std::string& out) const = 0;
};

// Runs on the M right after a parked G's body has returned, before anyone else can see the G waiting:
// typically unlocks the channel or lock the G queued itself on (Go's gopark unlockf).
using ParkCommit = void (*)(G& g, void* arg);
// Runs on the M right before a woken G is resumed. Returning false means the hook parked g again
// (it set g.handoff = Park and a commit); the body is not resumed. Used by Mutex for a woken waiter that
// must compete for the lock again.
using ResumeHook = bool (*)(G& g, void* arg);

struct G {
  // ---- Observable: written by the owner, read by snapshots at any time (relaxed). ----
  std::atomic<uint64_t> id{0};
  std::atomic<GState> state{GState::Dead};
  std::atomic<WaitReason> wait_reason{WaitReason::None};
  std::atomic<uint64_t> wait_object{0};  // object id (channel, lock...) of the wait, 0 if none
  std::atomic<const char*> label{""};    // function name; must outlive the runtime
  std::atomic<int32_t> line{0};          // current source line, kept by the VM; 0 if unknown
  std::atomic<int32_t> created_line{0};
  std::atomic<uint64_t> parent_id{0};
  std::atomic<int32_t> p_id{-1};  // the P it last ran on
  std::atomic<int32_t> m_id{-1};  // the M it last ran on
  std::atomic<int64_t> run_ns{0};  // time spent Running (only kept while tracing)
  std::atomic<uint32_t> switches{0};

  // Set by sysmon (time slice over), GOMAXPROCS shrink and stop; polled by bodies that can honour it.
  std::atomic<bool> preempt{false};

  // ---- Scheduling: owned by whoever owns the G (see the top of this file). ----
  Runtime* runtime = nullptr;
  G* schedlink = nullptr;  // next G in a run queue or free list
  Handoff handoff = Handoff::None;
  ParkCommit park_commit = nullptr;
  void* park_arg = nullptr;
  ResumeHook on_resume = nullptr;
  void* on_resume_arg = nullptr;
  M* bound_m = nullptr;  // threads mode: the OS thread that is this goroutine's own
  bool is_main = false;
  // The body raises Go's recoverable panics itself (the VM): a send woken by close resumes the body
  // (its Waiter::success / SelectState outcome says Closed) instead of ending the run.
  bool body_recovers = false;
  int64_t started_ns = 0;  // when the current run slice began (tracing only)

  // ---- Waiting. ----
  Waiter* waiting = nullptr;             // this G's waiters that may sit in wait queues (select: several)
  std::atomic<uint32_t> select_done{0};  // select: the first waker CASes 0 -> 1 and wins
  Waiter* woken_by = nullptr;            // select: the waiter whose case fired

  // ---- Body. ----
  Body* body = nullptr;
  void* body_data = nullptr;                 // the body's per-G state (C++ API: root coroutine frame)
  coro::coroutine_handle<> resume_point{};  // C++ API: innermost suspended coroutine frame

  // time.Sleep's timer. It lives in the G, not in the sleeper's frame, because the timer thread still
  // touches it after the firing has readied the G (and the G may have run on and freed its frame by then);
  // Gs are never freed during a run. A reused G re-arming it mid-firing is handled by the timer code.
  TimerTask sleep_timer;

  // ---- Sim mode (sim.hpp): the simulation's thread only. ----
  // Instructions left in this slice: the interpreter gives the thread back when it reaches 0
  // (should_yield). -1 outside a simulated slice: never counts down.
  int64_t sim_left = -1;
  // Hold requested (Runtime::sim_hold_at): leave at the next instruction boundary, in any code,
  // keeping sim_left, so the slice goes on later as if it had never been cut. Any thread sets it.
  std::atomic<bool> sim_hold{false};
  uint64_t sim_priority = 0;  // PCT: the higher runs first
  int64_t sim_unblocked = 0;  // PCT: instructions run since it last left the CPU of its own accord

  // ---- Race detector (Config::race; race.hpp): its own goroutine and the runtime's sync code. ----
  bool race_on = false;  // `race` is in use (the run has a detector)
  race::Thread race;

  // ---- Ending. ----
  std::string end_message;  // Panic/Fatal message
  std::string end_prefix;   // Fatal: lines Go prints before "fatal error:" (which limit was passed)
  int exit_code = 0;        // OsExit

  // Asks the runtime whether the body should give the thread back at its next safe point.
  bool should_yield() const {
    return preempt.load(std::memory_order_relaxed) || sim_left == 0 || sim_hold.load(std::memory_order_relaxed);
  }
};

// The G running on this thread, or null outside goroutines.
inline G* current_g() { return tls::g; }
// The race detector's view of g, or null (no detector, or no goroutine outside a timer's firing).
// A timer firing is no goroutine, but acts as one while it fires (race::outside).
inline race::Thread* race_thread(G* g) { return g ? (g->race_on ? &g->race : nullptr) : race::outside; }

// Records that g is about to park (called by a runtime operation under the lock of the object g queues
// on); the body must then give its thread back at once. `commit` runs once g is off the CPU. `waiting`
// is g's chain of queued waiters (null if none), which a run that ends unlinks before freeing them.
inline void prepare_park(G& g, WaitReason why, uint64_t object, ParkCommit commit, void* arg, Waiter* waiting) {
  g.waiting = waiting;
  store_observed(g.wait_reason, why);
  store_observed(g.wait_object, object);
  g.park_commit = commit;
  g.park_arg = arg;
  g.handoff = Handoff::Park;
}


}  // namespace gopark::rt
