// The scheduler: how goroutines (G) are run by OS threads (M) holding processors (P).
//
// ---- The model (Go's, from runtime/proc.go) ----
// G: a goroutine (g.hpp). M: an OS thread. P: a processor, the right to run Go code; GOMAXPROCS is the
// number of Ps. An M must hold a P to run Gs. Each P has a local run queue (runq.hpp); there is also a
// global run queue. An M that runs out of local work takes from the global queue, then steals half of
// another P's queue. An M with nothing to do gives its P back and sleeps on its own Note.
//
// ---- Parking: how a goroutine blocks without losing a wake-up ----
// A goroutine blocks inside a runtime operation (a channel receive, say): under the channel's lock it
// queues a Waiter and sets g.handoff = Park and g.park_commit = "unlock the channel", then its body
// returns to the M. Only then does the M set g Waiting and run the commit. Since a waker must take the
// channel lock to find the Waiter, it cannot ready g before g is fully off the CPU: ready() always sees a
// Waiting G, and a G is never run by two Ms at once. This is Go's gopark(unlockf); it also works for bodies
// that are not C++ coroutines (the VM returns from its dispatch loop the same way).
//
// ---- Spinning and waking (Go's "delicate dance") ----
// Waking a sleeping M costs a syscall, so readying work wakes one only if there is an idle P and no M is
// already spinning (looking for work): that spinner will find the work. A spinning M that finds work
// stops spinning and wakes another spinner, so parallelism ramps up one M at a time. A spinner that
// finds nothing gives its P back, stops spinning, and then checks every run queue once more before it
// sleeps: whoever queued work while it was spinning relied on it to find that work.
// Rejected: waking an M on every ready (a futex wake per channel operation: ping-pong would pay a
// syscall per message); a dedicated M per P (an idle P would pin a thread for nothing).
//
// ---- Deadlock ----
// `active_ms` counts Ms that are running or have been handed work and are waking up. An M decrements it
// when it goes to sleep; whoever wakes an M increments it, under the scheduler lock, before the M runs.
// When it reaches zero with no timer pending (or firing), nothing can ever run again: if goroutines are
// left, all are asleep and the run ends with Go's deadlock error. Timers fire on the timer thread, which
// readies goroutines like any waker; a timer counts as pending until its firing has fully finished.
//
// ---- Modes ----
// MN (goroutines): the above, with sysmon (on the timer thread) asking a G that has run 10 ms to yield.
// Coroutines (N:1): the same code with one P and one M, and no preemption: a G runs until it blocks or
// yields. GOMAXPROCS is remembered but changes nothing.
// Threads (1:1): no Ps; every G gets its own M, which sleeps while its G waits (sched_threads.cpp).
//
// ---- Lock order ----
//   registry mutex -> object locks (channel, sync) -> scheduler lock -> M notes
//   timer mutex -> scheduler lock
//   end mutex -> all_gs mutex (the deadlock dump)
// A channel or lock readies its waiters after releasing its own lock where it can; ready() may take the
// scheduler lock.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

#include "runtime/g.hpp"
#include "runtime/note.hpp"
#include "runtime/runq.hpp"

namespace gopark::trace {
class Sink;
}

namespace gopark::rt {

inline constexpr int kMaxProcs = 256;

enum class PStatus : uint8_t { Idle, Running, Retiring, Dead };
enum class MStatus : uint8_t { Idle, Spinning, Running };

struct P {
  explicit P(int32_t id) : id(id) {}
  const int32_t id;
  std::atomic<PStatus> status{PStatus::Idle};
  LocalRunQueue runq;
  std::atomic<int32_t> m_id{-1};
  std::atomic<G*> current{nullptr};      // the G running on this P (snapshots, sysmon)
  std::atomic<uint32_t> schedtick{0};    // +1 per G started; sysmon watches it
  // Sysmon's own bookkeeping (timer thread only).
  uint32_t sysmon_tick = 0;
  int64_t sysmon_since_ns = 0;
  P* idle_next = nullptr;  // idle list, under the scheduler lock
  // Dead Gs for reuse (owner M only).
  G* gfree = nullptr;
  uint32_t n_gfree = 0;
  // Goroutine ids handed out in batches (as Go's goidcache), so Ms do not fight over one counter.
  uint64_t goid_next = 0;
  uint64_t goid_end = 0;
  // Goroutines created minus goroutines ended on this P (written by the owner M; summed by readers).
  std::atomic<int64_t> goroutines{0};
};

struct M {
  explicit M(int32_t id) : id(id) {}
  const int32_t id;
  std::thread thread;
  std::atomic<uint64_t> os_tid{0};
  std::atomic<MStatus> status{MStatus::Running};
  std::atomic<int32_t> p_id{-1};
  std::atomic<uint64_t> running_gid{0};
  Note note;
  P* p = nullptr;       // the P this M holds (owner thread only)
  P* next_p = nullptr;  // handed over by a waker under the scheduler lock, taken after the Note wakes
  bool spinning = false;
  M* idle_next = nullptr;  // idle list, under the scheduler lock
  G* bound_g = nullptr;    // threads mode: the G this thread exists for (under the scheduler lock)
  std::atomic<uint64_t> bound_gid{0};
  trace::Sink* sink = nullptr;
};

}  // namespace gopark::rt
