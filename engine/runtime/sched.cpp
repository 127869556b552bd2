// The M:N scheduler (modes MN and Coroutines). The design is in sched.hpp.
#include <algorithm>

#include "runtime/observed.hpp"
#include "runtime/runtime.hpp"
#include "runtime/tls.hpp"

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/syscall.h>
#include <unistd.h>
#else
#include <pthread.h>
#endif

namespace gopark::rt {

using trace::EventKind;

namespace {

uint64_t os_thread_id() {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  return uint64_t(::syscall(SYS_gettid));
#else
  return uint64_t(pthread_self());
#endif
}

}  // namespace

// ---- Ps and Ms ----

P* Runtime::pidle_get() {
  P* p = idle_ps_;
  if (p) {
    idle_ps_ = p->idle_next;
    p->idle_next = nullptr;
    n_idle_ps_.fetch_sub(1);
  }
  return p;
}

void Runtime::pidle_put(P& p) {
  p.status.store(PStatus::Idle, std::memory_order_relaxed);
  p.m_id.store(-1, std::memory_order_relaxed);
  p.idle_next = idle_ps_;
  idle_ps_ = &p;
  n_idle_ps_.fetch_add(1);
}

// Makes Ps [0, n) live and retires the rest. Running Ps past n are retired by their own M at its next
// scheduling point (their G is asked to yield); idle ones die at once.
void Runtime::resize_procs(int n) {
  // Create missing Ps first and publish n_ps_ once they all exist: readers without the lock iterate
  // all_ps_[0, n_ps_).
  for (int i = n_ps_.load(); i < n; ++i) {
    all_ps_[i] = std::make_unique<P>(i);
    all_ps_[i]->status.store(PStatus::Dead);
  }
  if (n > n_ps_.load()) n_ps_.store(n);
  for (int i = n - 1; i >= 0; --i) {  // backwards, so the idle list hands out P0 first
    P& p = *all_ps_[i];
    switch (p.status.load()) {
      case PStatus::Dead: pidle_put(p); break;
      case PStatus::Retiring: p.status.store(PStatus::Running); break;
      case PStatus::Idle:
      case PStatus::Running: break;
    }
  }
  for (int i = n; i < n_ps_.load(); ++i) {
    P& p = *all_ps_[i];
    switch (p.status.load()) {
      case PStatus::Idle: {
        P** link = &idle_ps_;
        while (*link != &p) link = &(*link)->idle_next;
        *link = p.idle_next;
        p.idle_next = nullptr;
        n_idle_ps_.fetch_sub(1);
        p.status.store(PStatus::Dead);
        break;
      }
      case PStatus::Running:
        p.status.store(PStatus::Retiring);
        if (G* g = p.current.load(std::memory_order_acquire)) g->preempt.store(true);
        break;
      case PStatus::Retiring:
      case PStatus::Dead: break;
    }
  }
  procs_.store(n);
}

int Runtime::gomaxprocs(int n) {
  int old;
  bool grew = false;
  {
    SpinGuard lock(sched_lock_);
    old = procs_.load();
    if (n < 1) return old;
    n = std::min(n, kMaxProcs);
    if (n == old) return old;
    if (config_.mode == Mode::MN && started_.load() && !exiting_.load()) {
      resize_procs(n);
      grew = n > old;
    } else {
      procs_.store(n);  // Coroutines and Threads modes remember the setting only
    }
  }
  emit(EventKind::ProcsChange, 0, uint64_t(old), n);
  if (grew) wakep();
  return old;
}

M* Runtime::new_m() {
  all_ms_.push_back(std::make_unique<M>(int32_t(all_ms_.size())));
  M& m = *all_ms_.back();
  if (recorder_) m.sink = recorder_->new_sink();
  return &m;
}

// Starts m's OS thread. Called under the scheduler lock, so teardown (which collects the Ms under the
// same lock after exiting_ is set) never misses a thread being born.
void Runtime::launch(M& m) {
  m.thread = std::thread([this, &m] {
    tls::m = &m;
    tls::runtime = this;
    tls::sink = m.sink;
    tls::rng = 0;
    m.os_tid.store(os_thread_id());
    if (config_.mode == Mode::Threads) {
      thread_main(m);
    } else if (config_.mode == Mode::Sim) {
      // The run's one random stream (select, maps, math/rand's seed) starts from the seed alone.
      tls::rng = seed_ ^ 0x9e3779b97f4a7c15ull;
      if (tls::rng == 0) tls::rng = 1;  // 0 would mean "not seeded yet"
      sim_main(m);
    } else {
      m_main(m);
    }
    m.status.store(MStatus::Idle);
    tls::m = nullptr;
    tls::runtime = nullptr;
    tls::sink = nullptr;
  });
}

void Runtime::start_m(P* p, bool spinning) {
  M* m = nullptr;
  bool fresh = false;
  {
    SpinGuard lock(sched_lock_);
    if (!p) p = pidle_get();
    if (!p || exiting_.load()) {
      if (p) pidle_put(*p);
      if (spinning) n_spinning_.fetch_sub(1);
      return;
    }
    m = idle_ms_;
    if (m) {
      idle_ms_ = m->idle_next;
      m->idle_next = nullptr;
    } else {
      m = new_m();
      fresh = true;
    }
    p->status.store(PStatus::Running);
    m->next_p = p;
    m->spinning = spinning;
    active_ms_.fetch_add(1);
    if (fresh) launch(*m);
  }
  if (!fresh) m->note.wake();
  if (sysmon_idle_.load(std::memory_order_seq_cst)) {
    std::lock_guard lock(timer_mutex_);
    timer_cond_.notify_all();
  }
}

// Starts one more spinning M if there is an idle P and nobody is spinning yet (sched.hpp).
void Runtime::wakep() {
  if (n_idle_ps_.load() == 0 || n_spinning_.load() != 0) return;
  int32_t expected = 0;
  if (!n_spinning_.compare_exchange_strong(expected, 1)) return;
  start_m(nullptr, true);
}

void Runtime::reset_spinning(M& m) {
  m.spinning = false;
  m.status.store(MStatus::Running, std::memory_order_relaxed);
  n_spinning_.fetch_sub(1);
  // We were the spinner and found work: there may be more, so hand the search to someone else.
  wakep();
}

// ---- run queues ----

void Runtime::runq_put(P& p, G& g, bool next) {
  G* gp = &g;
  if (next) {
    gp = p.runq.put_next(gp);
    if (!gp) return;
  }
  for (;;) {
    if (p.runq.push_back(gp)) return;
    // The ring is full: move half of it (and gp) to the global queue, as Go's runqputslow.
    G* batch[LocalRunQueue::kSize / 2 + 1];
    uint32_t n = p.runq.pop_half(batch, LocalRunQueue::kSize / 2);
    if (n == 0) continue;
    batch[n++] = gp;
    global_put_batch(batch, n);
    return;
  }
}

void Runtime::global_put_batch(G** gs, uint32_t n) {
  SpinGuard lock(sched_lock_);
  for (uint32_t i = 0; i < n; ++i) global_runq_.push_back(gs[i]);
  global_runq_size_.fetch_add(n);
}

// Takes a fair share of the global queue: one G to run, the rest into p's local queue.
G* Runtime::global_get(P& p, uint32_t max) {
  uint32_t size = global_runq_.size();
  if (size == 0) return nullptr;
  uint32_t n = size / uint32_t(std::max(1, procs_.load())) + 1;
  n = std::min({n, size, LocalRunQueue::kSize / 2});
  if (max > 0) n = std::min(n, max);
  global_runq_size_.fetch_sub(n);
  G* first = global_runq_.pop_front();
  for (uint32_t i = 1; i < n; ++i) {
    G* g = global_runq_.pop_front();
    if (!p.runq.push_back(g)) {  // cannot happen with a half-empty ring; keep it safe anyway
      global_runq_.push_back(g);
      global_runq_size_.fetch_add(1);
    }
  }
  return first;
}

// ---- the scheduling loop ----

void Runtime::m_main(M& m) {
  m.p = m.next_p;
  m.next_p = nullptr;
  if (m.p) {
    m.p->m_id.store(m.id);
    m.p_id.store(m.p->id);
    emit(EventKind::ProcStart, 0, 0, m.p->id);
  }
  m.status.store(m.spinning ? MStatus::Spinning : MStatus::Running);
  schedule(m);
}

void Runtime::schedule(M& m) {
  while (G* g = find_runnable(m)) {
    if (m.spinning) reset_spinning(m);
    execute(m, *g);
  }
}

void Runtime::retire_p(M& m) {
  P& p = *m.p;
  G* batch[LocalRunQueue::kSize + 1];
  uint32_t n = 0;
  while (G* g = p.runq.pop()) batch[n++] = g;
  {
    SpinGuard lock(sched_lock_);
    for (uint32_t i = 0; i < n; ++i) global_runq_.push_back(batch[i]);
    global_runq_size_.fetch_add(n);
    if (p.status.load() == PStatus::Retiring) {
      p.status.store(PStatus::Dead);
    } else {
      pidle_put(p);  // GOMAXPROCS grew back meanwhile
    }
    p.m_id.store(-1);
  }
  emit(EventKind::ProcStop, 0, 0, p.id);
  m.p = nullptr;
  m.p_id.store(-1);
  if (n > 0) wakep();
}

G* Runtime::steal_work(M& m) {
  const int n = n_ps_.load();
  for (int round = 0; round < 4; ++round) {
    const bool steal_next = round == 3;
    const int start = int(rand32() % uint32_t(n));
    for (int k = 0; k < n; ++k) {
      P* victim = all_ps_[(start + k) % n].get();
      if (!victim || victim == m.p) continue;
      if (steal_next && victim->status.load(std::memory_order_relaxed) == PStatus::Running &&
          victim->runq.size() == 1 && victim->runq.peek_next()) {
        // Its runnext is probably about to run on its own P (a channel partner, as in ping-pong or a
        // producer/consumer pair): give it a moment before stealing, so we do not split the pair across
        // threads, where every channel operation would bounce the channel's cache lines between cores.
        // Go sleeps 3 us here, which Linux stretches to ~50 us (timer slack); so do we, and the thread
        // sleeps rather than burns the CPU the partner may need.
        std::this_thread::sleep_for(std::chrono::microseconds(3));
      }
      if (G* g = victim->runq.steal_into(m.p->runq, steal_next)) return g;
    }
    if (exiting_.load(std::memory_order_relaxed)) return nullptr;
  }
  return nullptr;
}

// Finds a G to run, sleeping if there is none. Returns null when the run is ending.
G* Runtime::find_runnable(M& m) {
  for (;;) {
    if (exiting_.load(std::memory_order_acquire)) return nullptr;
    P* p = m.p;
    if (!p) {
      idle_m(m);
      continue;
    }
    if (p->status.load(std::memory_order_relaxed) == PStatus::Retiring) {
      retire_p(m);
      continue;
    }
    // Every 61st G comes from the global queue, so it is never starved by busy local queues.
    if (p->schedtick.load(std::memory_order_relaxed) % 61 == 0 && global_runq_size_.load() > 0) {
      SpinGuard lock(sched_lock_);
      if (G* g = global_get(*p, 1)) return g;
    }
    if (G* g = p->runq.pop()) return g;
    if (global_runq_size_.load() > 0) {
      SpinGuard lock(sched_lock_);
      if (G* g = global_get(*p, 0)) return g;
    }
    // Steal, unless half of the busy Ps already have a spinning M looking for work.
    const int procs = procs_.load();
    if (m.spinning || 2 * n_spinning_.load() < procs - n_idle_ps_.load()) {
      if (!m.spinning) {
        m.spinning = true;
        m.status.store(MStatus::Spinning, std::memory_order_relaxed);
        n_spinning_.fetch_add(1);
      }
      if (G* g = steal_work(m)) return g;
    }
    // Nothing to do: give the P back. The global queue is checked under the same lock that makes the P
    // idle, so a G queued there is either seen now or its wakep() sees the idle P.
    {
      SpinGuard lock(sched_lock_);
      if (G* g = global_get(*p, 0)) return g;
      if (p->status.load() == PStatus::Retiring) {
        p->status.store(PStatus::Dead);
        p->m_id.store(-1);
      } else {
        pidle_put(*p);
      }
    }
    emit(EventKind::ProcStop, 0, 0, p->id);
    m.p = nullptr;
    m.p_id.store(-1);
    idle_m(m);
  }
}

// m holds no P. A spinning M stops spinning first and looks once more at every queue: whoever queued work
// while it spun relied on it (wakep() starts nobody while an M spins). Then it sleeps until handed a P.
void Runtime::idle_m(M& m) {
  if (m.spinning) {
    m.spinning = false;
    m.status.store(MStatus::Running, std::memory_order_relaxed);
    n_spinning_.fetch_sub(1);
    bool work = global_runq_size_.load() > 0;
    for (int i = 0, n = n_ps_.load(); i < n && !work; ++i) work = !all_ps_[i]->runq.empty();
    if (work) {
      SpinGuard lock(sched_lock_);
      if (P* np = pidle_get()) {
        np->status.store(PStatus::Running);
        np->m_id.store(m.id);
        m.p = np;
        m.p_id.store(np->id);
        m.spinning = true;
        m.status.store(MStatus::Spinning, std::memory_order_relaxed);
        n_spinning_.fetch_add(1);
        return;
      }
    }
  }
  stop_m(m);
}

// Puts m to sleep until someone hands it a P (or the run ends).
void Runtime::stop_m(M& m) {
  RunResult req;
  bool dead = false;
  {
    SpinGuard lock(sched_lock_);
    m.idle_next = idle_ms_;
    idle_ms_ = &m;
    m.status.store(MStatus::Idle, std::memory_order_relaxed);
    if (active_ms_.fetch_sub(1) == 1) check_dead_locked(req, dead);
  }
  if (dead) end_program(std::move(req));
  m.note.sleep();
  if (exiting_.load()) return;
  P* p = m.next_p;
  m.next_p = nullptr;
  m.p = p;
  if (p) {
    p->m_id.store(m.id);
    m.p_id.store(p->id);
    emit(EventKind::ProcStart, 0, 0, p->id);
  }
  m.status.store(m.spinning ? MStatus::Spinning : MStatus::Running, std::memory_order_relaxed);
}

// ---- running a goroutine ----

void Runtime::execute(M& m, G& g) {
  P& p = *m.p;
  store_observed_pointer(p.current, &g);
  bump_observed(p.schedtick);
  run_g(m, g, p.id);
  store_observed(p.current, static_cast<G*>(nullptr));
  switch (Handoff h = take_handoff(g)) {
    case Handoff::Park:
      park_g(g);
      break;
    case Handoff::Yield:
    case Handoff::Preempt:
      store_observed(g.state, GState::Runnable);
      emit(h == Handoff::Yield ? EventKind::GoYield : EventKind::GoPreempt, g.id);
      {
        G* gp = &g;
        global_put_batch(&gp, 1);
      }
      wakep();
      break;
    default:
      end_g(g, h, m.p);
      break;
  }
}

}  // namespace gopark::rt
