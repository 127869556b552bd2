// sync: Mutex, RWMutex, WaitGroup, Once and Cond for goroutines, usable by any front end.
//
// Each is an Object (so snapshots show holder and queue) with a SpinLock guarding its wait queue. The
// operations follow the channel protocol: an operation that must block queues a Waiter, calls
// prepare_park and returns Parked with its lock held; the scheduler releases the lock once the goroutine
// is off the CPU (sched.hpp: Parking).
//
// Race detector edges (race.hpp; nothing without a detector): Unlock releases and Lock acquires a
// Mutex's clock; an RWMutex has a writer's clock (Unlock releases it, Lock and RLock acquire it) and
// the readers' (RUnlock releases into it, Lock acquires it); Done releases into a WaitGroup's clock
// and a Wait that returns acquires it; a Once's function releases and every later Do acquires. A
// goroutine given the lock, or woken, while parked has it done on its behalf.
//
// Go's misuse rules are kept and reported as Go reports them: unlocking an unlocked Mutex or RWMutex is a
// fatal error (unrecoverable), a negative WaitGroup counter is a panic. The operations return false for
// these; the caller raises the error.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "runtime/g.hpp"
#include "runtime/object.hpp"
#include "runtime/race.hpp"
#include "runtime/runq.hpp"
#include "runtime/spinlock.hpp"
#include "runtime/waitq.hpp"

namespace gopark::rt {

struct G;

enum class LockStatus : uint8_t {
  Acquired,  // done: the caller holds the lock (or, for waits, may go on)
  Parked,    // the caller must hand its thread to the scheduler; it resumes holding the lock
};

// sync.Mutex, with Go's two modes.
//  - Normal mode: an unlock releases the lock and wakes the first waiter, which competes with goroutines
//    arriving meanwhile (who usually win: they are already on a CPU). This keeps throughput high.
//  - Starvation mode: entered when a waiter has waited over 1 ms; unlock then hands the lock directly to
//    the first waiter, and newcomers queue at the back. Left when the queue empties or a waiter got the
//    lock within 1 ms.
// A woken waiter that loses in normal mode is requeued at the front by a resume hook, on its own M,
// without running its body (g.hpp: ResumeHook).
//
// state_ bits: kLocked, kStarving, kWaiters (the queue is non-empty). Lock-free fast paths CAS state_;
// everything else happens under lock_. While kLocked is set only holders of lock_ change state_, so the
// unlock slow path may store it. The invariant that makes parking safe: a goroutine sets kWaiters (by CAS
// on a locked state) before it queues, so an unlock either sees kWaiters and takes the slow path (which
// needs lock_, held until the waiter is parked) or the waiter's CAS fails and it retries.
class Mutex final : public Object {
 public:
  Mutex();
  ~Mutex();
  bool try_lock(G* g);
  LockStatus lock(G& g, Waiter& w);
  bool unlock(G* g);  // false: was not locked (fatal error "sync: unlock of unlocked mutex")
  bool locked() const { return state_.load(std::memory_order_relaxed) & kLocked; }
  void describe(trace::Snapshot& out) const override;

 private:
  static constexpr uint32_t kLocked = 1, kStarving = 2, kWaiters = 4;
  static constexpr int64_t kStarvationNs = 1'000'000;
  LockStatus lock_slow(G& g, Waiter& w, bool woken);
  static bool resumed(G& g, void* arg);
  static void commit(G& g, void* arg);
  void acquired(G* g);

  std::atomic<uint32_t> state_{0};
  SpinLock lock_;
  WaitQueue waiters_ GOPARK_GUARDED_BY(lock_);
  std::atomic<uint64_t> holder_{0};
  race::SyncClock race_;
};

// sync.RWMutex. Writer preference as Go's: once a writer queues, new readers queue behind it (readers
// already holding the lock keep it); when the writer unlocks, every queued reader is let in at once.
class RWMutex final : public Object {
 public:
  RWMutex();
  ~RWMutex();
  bool try_lock(G* g);
  bool try_rlock(G* g);
  LockStatus lock(G& g, Waiter& w);
  LockStatus rlock(G& g, Waiter& w);
  bool unlock(G* g);   // false: fatal error "sync: Unlock of unlocked RWMutex"
  bool runlock(G* g);  // false: fatal error "sync: RUnlock of unlocked RWMutex"
  void describe(trace::Snapshot& out) const override;

 private:
  static void commit(G& g, void* arg);
  void grant_locked(bool after_writer, GQueue& wake) GOPARK_REQUIRES(lock_);

  mutable SpinLock lock_;
  int32_t readers_ GOPARK_GUARDED_BY(lock_) = 0;  // goroutines holding a read lock
  bool writer_ GOPARK_GUARDED_BY(lock_) = false;   // a goroutine holds the write lock
  uint64_t writer_id_ GOPARK_GUARDED_BY(lock_) = 0;
  std::vector<uint64_t> reader_ids_ GOPARK_GUARDED_BY(lock_);  // for snapshots (first 64)
  WaitQueue readq_ GOPARK_GUARDED_BY(lock_);
  WaitQueue writeq_ GOPARK_GUARDED_BY(lock_);
  race::SyncClock race_writer_, race_readers_;
};

// sync.WaitGroup. As Go's: counter and waiter count share one 64-bit word, so Add/Done is a single atomic
// add unless it brings the counter to zero with waiters queued.
//   state_ = counter << 32 | waiters
// Invariant: waiters (the low half) counts goroutines queued in waiters_; it is incremented only under
// lock_, by a CAS that also checks the counter is not zero, and the goroutine queues before releasing
// lock_. So an Add that brings the counter to zero and sees waiters > 0 finds every one of them queued
// once it takes lock_.
class WaitGroup final : public Object {
 public:
  WaitGroup();
  ~WaitGroup();
  bool add(G* g, int64_t delta);  // false: the counter went negative (panic "sync: negative WaitGroup counter")
  LockStatus wait(G& g, Waiter& w);
  int64_t counter() const { return int32_t(state_.load(std::memory_order_relaxed) >> 32); }
  void describe(trace::Snapshot& out) const override;

 private:
  static void commit(G& g, void* arg);
  mutable SpinLock lock_;
  std::atomic<uint64_t> state_{0};
  WaitQueue waiters_ GOPARK_GUARDED_BY(lock_);
  race::SyncClock race_;
};

// sync.Once. The first caller of begin() runs the function and then calls finish(); callers arriving
// meanwhile wait, and return once it has finished (as Go's Once.Do, whose latecomers block on its mutex).
class Once final : public Object {
 public:
  enum class Begin : uint8_t { AlreadyDone, RunIt, Parked };
  Once();
  ~Once();
  bool done() const { return done_.load(std::memory_order_acquire); }
  Begin begin(G& g, Waiter& w);
  void finish(G* g);  // also when the function panicked: Go counts that as done
  void describe(trace::Snapshot& out) const override;

 private:
  static void commit(G& g, void* arg);
  mutable SpinLock lock_;
  std::atomic<bool> done_{false};
  bool running_ GOPARK_GUARDED_BY(lock_) = false;
  uint64_t runner_ GOPARK_GUARDED_BY(lock_) = 0;
  WaitQueue waiters_ GOPARK_GUARDED_BY(lock_);
  race::SyncClock race_;
};

// sync.Cond's notify list (the Locker is the front end's business: Go's Cond.Wait is "take a ticket,
// unlock L, wait for the ticket, lock L"). Tickets make a Signal between the unlock and the wait count.
class Cond final : public Object {
 public:
  Cond();
  ~Cond();
  uint64_t ticket();                                    // before unlocking L
  LockStatus wait(G& g, Waiter& w, uint64_t ticket);  // after unlocking L
  void signal(G* g);
  void broadcast(G* g);
  void describe(trace::Snapshot& out) const override;

 private:
  static void commit(G& g, void* arg);
  mutable SpinLock lock_;
  uint64_t next_ticket_ GOPARK_GUARDED_BY(lock_) = 0;
  uint64_t notified_ GOPARK_GUARDED_BY(lock_) = 0;  // tickets below this have been signalled
  WaitQueue waiters_ GOPARK_GUARDED_BY(lock_);
};

}  // namespace gopark::rt
