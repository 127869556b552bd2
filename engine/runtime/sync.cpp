#include "runtime/sync.hpp"

#include <algorithm>

#include "runtime/observed.hpp"
#include "runtime/runtime.hpp"
#include "trace/snapshot.hpp"

namespace gopark::rt {

using trace::EventKind;
using trace::LockOp;

namespace {

uint64_t gid(const G* g) { return g ? g->id.load(std::memory_order_relaxed) : 0; }

void emit(const Object& o, G* g, EventKind kind, LockOp op, int64_t arg = 0) {
  if (g && g->runtime->tracing()) g->runtime->emit(kind, gid(g), o.object_id(), arg, uint8_t(op));
}

void ready_all(GQueue& wake, G* by) {
  while (G* w = wake.pop_front()) w->runtime->ready(*w, by);
}

void describe_waiters(const WaitQueue& q, std::vector<trace::WaiterInfo>& out) {
  q.for_each([&](const Waiter& w) { out.push_back({gid(w.g), {}, w.is_writer}); });
}

trace::LockInfo lock_info(const Object& o, trace::LockInfo::Kind kind) {
  trace::LockInfo info;
  info.id = o.object_id();
  info.kind = kind;
  if (const char* n = o.name()) info.name = n;
  return info;
}

Waiter& queue_waiter(Waiter& w, G& g, void* object) {
  w = Waiter{};
  w.g = &g;
  w.object = object;
  return w;
}

}  // namespace

// ---- Mutex ----

Mutex::Mutex() : Object(ObjectKind::Mutex) {}
Mutex::~Mutex() {
  detach();
  SpinGuard guard(lock_);  // see ~Channel: never leave a dead queue linked to a parked goroutine
  waiters_.clear();
}

void Mutex::commit(G&, void* arg) GOPARK_NO_THREAD_SAFETY_ANALYSIS { static_cast<Mutex*>(arg)->lock_.unlock(); }

void Mutex::acquired(G* g) {
  if (race::Thread* t = race_thread(g)) race_.acquire(*t);
  store_observed(holder_, uint64_t(gid(g)));
  emit(*this, g, EventKind::LockAcquire, LockOp::Lock);
}

bool Mutex::try_lock(G* g) {
  if (g) attach(*g->runtime);
  uint32_t s = state_.load(std::memory_order_relaxed);
  if (s & (kLocked | kStarving)) return false;
  if (!state_.compare_exchange_strong(s, s | kLocked, std::memory_order_acquire)) return false;
  acquired(g);
  return true;
}

LockStatus Mutex::lock(G& g, Waiter& w) {
  attach(*g.runtime);
  uint32_t s = 0;
  if (state_.compare_exchange_strong(s, kLocked, std::memory_order_acquire)) {
    acquired(&g);
    return LockStatus::Acquired;
  }
  // The holder is probably running on another CPU and about to unlock: spin a little first (as Go's
  // sync_runtime_canSpin: only on a multicore M:N runtime).
  Runtime& rt = *g.runtime;
  if (rt.mode() == Mode::MN && rt.procs() > 1) {
    for (int i = 0; i < 4; ++i) {
      for (int k = 0; k < 30; ++k) cpu_relax();
      s = state_.load(std::memory_order_relaxed);
      if (!(s & (kLocked | kStarving)) &&
          state_.compare_exchange_strong(s, s | kLocked, std::memory_order_acquire)) {
        acquired(&g);
        return LockStatus::Acquired;
      }
    }
  }
  return lock_slow(g, w, false);
}

// Returns Parked with lock_ held (released by commit once g is off the CPU).
LockStatus Mutex::lock_slow(G& g, Waiter& w, bool woken) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  const int64_t now = g.runtime->now_ns();
  const bool starve = woken && now - w.since_ns > kStarvationNs;
  lock_.lock();
  for (;;) {
    uint32_t s = state_.load(std::memory_order_relaxed);
    if (!(s & (kLocked | kStarving))) {
      if (state_.compare_exchange_weak(s, s | kLocked, std::memory_order_acquire)) {
        lock_.unlock();
        acquired(&g);
        return LockStatus::Acquired;
      }
      continue;
    }
    // Locked: announce a waiter before queueing (see the invariant in sync.hpp).
    uint32_t ns = s | kWaiters | (starve ? kStarving : 0);
    if (ns == s || state_.compare_exchange_weak(s, ns, std::memory_order_relaxed)) break;
  }
  if (woken) {
    waiters_.push_front(w);  // it has waited longest: first in line again
  } else {
    queue_waiter(w, g, this).since_ns = now;
    waiters_.push_back(w);
    emit(*this, &g, EventKind::LockContend, LockOp::Lock);
  }
  g.on_resume = &Mutex::resumed;
  g.on_resume_arg = &w;
  prepare_park(g, WaitReason::MutexLock, object_id(), &Mutex::commit, this, &w);
  return LockStatus::Parked;
}

// A parked locker is back on its M: it owns the lock (handed over in starvation mode) or competes again.
bool Mutex::resumed(G& g, void* arg) {
  Waiter& w = *static_cast<Waiter*>(arg);
  Mutex& m = *static_cast<Mutex*>(w.object);
  if (w.success) {
    m.acquired(&g);
    return true;
  }
  return m.lock_slow(g, w, true) == LockStatus::Acquired;
}

bool Mutex::unlock(G* g) {
  if (race::Thread* t = race_thread(g); t && locked()) race_.release(*t);
  uint32_t s = kLocked;
  if (state_.compare_exchange_strong(s, 0, std::memory_order_release)) {
    store_observed(holder_, uint64_t(0));
    emit(*this, g, EventKind::LockRelease, LockOp::Lock);
    return true;
  }
  if (!(s & kLocked)) return false;
  Waiter* w = nullptr;
  {
    SpinGuard guard(lock_);
    s = state_.load(std::memory_order_relaxed);
    if (!(s & kLocked)) return false;
    // While kLocked is set, only holders of lock_ change state_: plain stores are safe here.
    w = waiters_.pop_front();
    if (!w) {
      store_observed(holder_, uint64_t(0));
      state_.store(s & ~(kLocked | kWaiters | kStarving), std::memory_order_release);
    } else if (s & kStarving) {
      // Hand the lock straight to the first waiter; it stays locked.
      w->success = true;
      uint32_t ns = s;
      if (waiters_.empty()) {
        ns = kLocked;
      } else if (g && g->runtime->now_ns() - w->since_ns < kStarvationNs) {
        ns &= ~kStarving;
      }
      store_observed(holder_, uint64_t(gid(w->g)));
      state_.store(ns, std::memory_order_release);
    } else {
      w->success = false;
      uint32_t ns = s & ~kLocked;
      if (waiters_.empty()) ns &= ~kWaiters;
      store_observed(holder_, uint64_t(0));
      state_.store(ns, std::memory_order_release);
    }
  }
  emit(*this, g, EventKind::LockRelease, LockOp::Lock);
  if (w) w->g->runtime->ready(*w->g, g);
  return true;
}

void Mutex::describe(trace::Snapshot& out) const {
  auto info = lock_info(*this, trace::LockInfo::Kind::Mutex);
  SpinGuard guard(const_cast<SpinLock&>(lock_));
  if (locked()) info.holders.push_back(holder_.load(std::memory_order_relaxed));
  describe_waiters(waiters_, info.waiters);
  out.locks.push_back(std::move(info));
}

// ---- RWMutex ----

RWMutex::RWMutex() : Object(ObjectKind::RWMutex) {}
RWMutex::~RWMutex() {
  detach();
  SpinGuard guard(lock_);  // see ~Channel: never leave a dead queue linked to a parked goroutine
  readq_.clear();
  writeq_.clear();
}

void RWMutex::commit(G&, void* arg) GOPARK_NO_THREAD_SAFETY_ANALYSIS { static_cast<RWMutex*>(arg)->lock_.unlock(); }

namespace {
constexpr size_t kReadersTracked = 64;
}

bool RWMutex::try_lock(G* g) {
  if (g) attach(*g->runtime);
  {
    SpinGuard guard(lock_);
    if (writer_ || readers_ > 0) return false;
    writer_ = true;
    writer_id_ = gid(g);
  }
  if (race::Thread* t = race_thread(g)) {
    race_writer_.acquire(*t);
    race_readers_.acquire(*t);
  }
  emit(*this, g, EventKind::LockAcquire, LockOp::Lock);
  return true;
}

bool RWMutex::try_rlock(G* g) {
  if (g) attach(*g->runtime);
  {
    SpinGuard guard(lock_);
    if (writer_ || !writeq_.empty()) return false;
    ++readers_;
    if (reader_ids_.size() < kReadersTracked) reader_ids_.push_back(gid(g));
  }
  if (race::Thread* t = race_thread(g)) race_writer_.acquire(*t);
  emit(*this, g, EventKind::LockAcquire, LockOp::RLock);
  return true;
}

LockStatus RWMutex::lock(G& g, Waiter& w) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  attach(*g.runtime);
  lock_.lock();
  if (!writer_ && readers_ == 0) {
    writer_ = true;
    writer_id_ = gid(&g);
    lock_.unlock();
    if (race::Thread* t = race_thread(&g)) {
      race_writer_.acquire(*t);
      race_readers_.acquire(*t);
    }
    emit(*this, &g, EventKind::LockAcquire, LockOp::Lock);
    return LockStatus::Acquired;
  }
  queue_waiter(w, g, this).is_writer = true;
  writeq_.push_back(w);
  emit(*this, &g, EventKind::LockContend, LockOp::Lock);
  prepare_park(g, WaitReason::RWMutexLock, object_id(), &RWMutex::commit, this, &w);
  return LockStatus::Parked;
}

LockStatus RWMutex::rlock(G& g, Waiter& w) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  attach(*g.runtime);
  lock_.lock();
  // A queued writer blocks new readers (writer preference), so writers cannot starve.
  if (!writer_ && writeq_.empty()) {
    ++readers_;
    if (reader_ids_.size() < kReadersTracked) reader_ids_.push_back(gid(&g));
    lock_.unlock();
    if (race::Thread* t = race_thread(&g)) race_writer_.acquire(*t);
    emit(*this, &g, EventKind::LockAcquire, LockOp::RLock);
    return LockStatus::Acquired;
  }
  queue_waiter(w, g, this);
  readq_.push_back(w);
  emit(*this, &g, EventKind::LockContend, LockOp::RLock);
  prepare_park(g, WaitReason::RWMutexRLock, object_id(), &RWMutex::commit, this, &w);
  return LockStatus::Parked;
}

// Lets in whoever is next: after a writer, every queued reader (or, if none, the next writer); after the
// last reader, one writer. (A reader only queues while a writer holds or waits for the lock.)
void RWMutex::grant_locked(bool after_writer, GQueue& wake) {
  if (writer_) return;
  if (after_writer && !readq_.empty()) {
    while (Waiter* w = readq_.pop_front()) {
      w->success = true;
      if (race::Thread* t = race_thread(w->g)) race_writer_.acquire(*t);  // parked: on its behalf
      ++readers_;
      if (reader_ids_.size() < kReadersTracked) reader_ids_.push_back(gid(w->g));
      wake.push_back(w->g);
    }
    return;
  }
  if (readers_ == 0) {
    if (Waiter* w = writeq_.pop_front()) {
      w->success = true;
      if (race::Thread* t = race_thread(w->g)) {
        race_writer_.acquire(*t);
        race_readers_.acquire(*t);
      }
      writer_ = true;
      writer_id_ = gid(w->g);
      wake.push_back(w->g);
    }
  }
}

bool RWMutex::unlock(G* g) {
  GQueue wake;
  {
    SpinGuard guard(lock_);
    if (!writer_) return false;
    if (race::Thread* t = race_thread(g)) race_writer_.release(*t);
    writer_ = false;
    writer_id_ = 0;
    grant_locked(true, wake);
  }
  emit(*this, g, EventKind::LockRelease, LockOp::Lock);
  ready_all(wake, g);
  return true;
}

bool RWMutex::runlock(G* g) {
  GQueue wake;
  {
    SpinGuard guard(lock_);
    if (readers_ <= 0) return false;
    if (race::Thread* t = race_thread(g)) race_readers_.release(*t);
    --readers_;
    auto it = std::find(reader_ids_.begin(), reader_ids_.end(), gid(g));
    if (it != reader_ids_.end()) {
      reader_ids_.erase(it);
    } else if (!reader_ids_.empty() && size_t(readers_) < reader_ids_.size()) {
      reader_ids_.pop_back();  // unlocked by another goroutine than the one that locked (allowed in Go)
    }
    if (readers_ == 0) grant_locked(false, wake);
  }
  emit(*this, g, EventKind::LockRelease, LockOp::RLock);
  ready_all(wake, g);
  return true;
}

void RWMutex::describe(trace::Snapshot& out) const {
  auto info = lock_info(*this, trace::LockInfo::Kind::RWMutex);
  SpinGuard guard(lock_);
  if (writer_) info.holders.push_back(writer_id_);
  else info.holders = reader_ids_;
  info.readers = uint32_t(readers_);
  info.writer_waiting = !writeq_.empty();
  describe_waiters(writeq_, info.waiters);
  describe_waiters(readq_, info.waiters);
  out.locks.push_back(std::move(info));
}

// ---- WaitGroup ----

WaitGroup::WaitGroup() : Object(ObjectKind::WaitGroup) {}
WaitGroup::~WaitGroup() {
  detach();
  SpinGuard guard(lock_);  // see ~Channel: never leave a dead queue linked to a parked goroutine
  waiters_.clear();
}

void WaitGroup::commit(G&, void* arg) GOPARK_NO_THREAD_SAFETY_ANALYSIS { static_cast<WaitGroup*>(arg)->lock_.unlock(); }

bool WaitGroup::add(G* g, int64_t delta) {
  if (g) attach(*g->runtime);
  if (race::Thread* t = race_thread(g); t && delta < 0) race_.release(*t);  // Done
  const uint64_t state = state_.fetch_add(uint64_t(delta) << 32, std::memory_order_acq_rel) + (uint64_t(delta) << 32);
  const int32_t counter = int32_t(state >> 32);
  if (g && g->runtime->tracing()) emit(*this, g, EventKind::SyncOp, LockOp::WaitGroupAdd, delta);
  if (counter < 0) return false;
  if (counter > 0 || uint32_t(state) == 0) return true;
  // Down to zero with goroutines waiting: wake them all.
  GQueue wake;
  {
    SpinGuard guard(lock_);
    uint64_t now = state_.load(std::memory_order_acquire);
    if (int32_t(now >> 32) != 0) return true;  // an Add raced us back up: they wait on
    state_.store(now & ~uint64_t(0xffffffff), std::memory_order_release);
    while (Waiter* w = waiters_.pop_front()) {
      if (race::Thread* t = race_thread(w->g)) race_.acquire(*t);  // parked in Wait: on its behalf
      wake.push_back(w->g);
    }
  }
  ready_all(wake, g);
  return true;
}

LockStatus WaitGroup::wait(G& g, Waiter& w) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  attach(*g.runtime);
  race::Thread* t = race_thread(&g);
  if ((state_.load(std::memory_order_acquire) >> 32) == 0) {
    if (t) race_.acquire(*t);
    return LockStatus::Acquired;
  }
  lock_.lock();
  uint64_t state = state_.load(std::memory_order_acquire);
  for (;;) {
    if ((state >> 32) == 0) {
      lock_.unlock();
      if (t) race_.acquire(*t);
      return LockStatus::Acquired;
    }
    if (state_.compare_exchange_weak(state, state + 1, std::memory_order_acq_rel)) break;
  }
  waiters_.push_back(queue_waiter(w, g, this));
  emit(*this, &g, EventKind::SyncOp, LockOp::WaitGroupWait);
  prepare_park(g, WaitReason::WaitGroupWait, object_id(), &WaitGroup::commit, this, &w);
  return LockStatus::Parked;
}

void WaitGroup::describe(trace::Snapshot& out) const {
  auto info = lock_info(*this, trace::LockInfo::Kind::WaitGroup);
  SpinGuard guard(lock_);
  info.counter = counter();
  describe_waiters(waiters_, info.waiters);
  out.locks.push_back(std::move(info));
}

// ---- Once ----

Once::Once() : Object(ObjectKind::Once) {}
Once::~Once() {
  detach();
  SpinGuard guard(lock_);  // see ~Channel: never leave a dead queue linked to a parked goroutine
  waiters_.clear();
}

void Once::commit(G&, void* arg) GOPARK_NO_THREAD_SAFETY_ANALYSIS { static_cast<Once*>(arg)->lock_.unlock(); }

Once::Begin Once::begin(G& g, Waiter& w) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  race::Thread* t = race_thread(&g);
  if (done()) {
    if (t) race_.acquire(*t);
    return Begin::AlreadyDone;
  }
  attach(*g.runtime);
  lock_.lock();
  if (done()) {
    lock_.unlock();
    if (t) race_.acquire(*t);
    return Begin::AlreadyDone;
  }
  if (!running_) {
    running_ = true;
    runner_ = gid(&g);
    lock_.unlock();
    emit(*this, &g, EventKind::SyncOp, LockOp::OnceDo);
    return Begin::RunIt;
  }
  waiters_.push_back(queue_waiter(w, g, this));
  // Go's latecomers block on the Once's mutex, and dumps say so.
  prepare_park(g, WaitReason::MutexLock, object_id(), &Once::commit, this, &w);
  return Begin::Parked;
}

void Once::finish(G* g) {
  GQueue wake;
  if (race::Thread* t = race_thread(g)) race_.release(*t);
  {
    SpinGuard guard(lock_);
    done_.store(true, std::memory_order_release);
    running_ = false;
    runner_ = 0;
    while (Waiter* w = waiters_.pop_front()) {
      if (race::Thread* t = race_thread(w->g)) race_.acquire(*t);  // parked: on its behalf
      wake.push_back(w->g);
    }
  }
  ready_all(wake, g);
}

void Once::describe(trace::Snapshot& out) const {
  auto info = lock_info(*this, trace::LockInfo::Kind::Once);
  SpinGuard guard(lock_);
  info.done = done();
  if (running_) info.holders.push_back(runner_);
  describe_waiters(waiters_, info.waiters);
  out.locks.push_back(std::move(info));
}

// ---- Cond ----

Cond::Cond() : Object(ObjectKind::Cond) {}
Cond::~Cond() {
  detach();
  SpinGuard guard(lock_);  // see ~Channel: never leave a dead queue linked to a parked goroutine
  waiters_.clear();
}

void Cond::commit(G&, void* arg) GOPARK_NO_THREAD_SAFETY_ANALYSIS { static_cast<Cond*>(arg)->lock_.unlock(); }

uint64_t Cond::ticket() {
  SpinGuard guard(lock_);
  return next_ticket_++;
}

LockStatus Cond::wait(G& g, Waiter& w, uint64_t ticket) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  attach(*g.runtime);
  lock_.lock();
  if (ticket < notified_) {  // signalled between the unlock of L and now
    lock_.unlock();
    return LockStatus::Acquired;
  }
  queue_waiter(w, g, this).ticket = ticket;
  waiters_.push_back(w);
  prepare_park(g, WaitReason::CondWait, object_id(), &Cond::commit, this, &w);
  return LockStatus::Parked;
}

void Cond::signal(G* g) {
  G* wake = nullptr;
  {
    SpinGuard guard(lock_);
    if (notified_ == next_ticket_) return;  // nobody waits
    const uint64_t t = notified_++;
    // The waiter holding ticket t may not have queued yet; then it will see t < notified_ and not wait.
    Waiter* found = nullptr;
    waiters_.for_each([&](Waiter& w) {
      if (!found && w.ticket == t) found = &w;
    });
    if (found) {
      waiters_.remove(*found);
      wake = found->g;
    }
  }
  emit(*this, g, EventKind::SyncOp, LockOp::CondSignal);
  if (wake) wake->runtime->ready(*wake, g);
}

void Cond::broadcast(G* g) {
  GQueue wake;
  {
    SpinGuard guard(lock_);
    notified_ = next_ticket_;
    while (Waiter* w = waiters_.pop_front()) wake.push_back(w->g);
  }
  emit(*this, g, EventKind::SyncOp, LockOp::CondBroadcast);
  ready_all(wake, g);
}

void Cond::describe(trace::Snapshot& out) const {
  auto info = lock_info(*this, trace::LockInfo::Kind::Cond);
  SpinGuard guard(lock_);
  describe_waiters(waiters_, info.waiters);
  out.locks.push_back(std::move(info));
}

}  // namespace gopark::rt
