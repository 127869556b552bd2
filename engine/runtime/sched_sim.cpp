// The simulated scheduler (Mode::Sim): the design is in sim.hpp.
//
// One M runs everything. Its loop: bring the Ps in line with GOMAXPROCS, fire the timers due, list
// the candidates (the goroutines on Ps, then the runnable ones), let the policy pick one and a
// quantum, run it, and put it where its handoff says. With nothing to run, the clock jumps to the
// next timer, or the run is deadlocked.
//
// Invariants (the sim thread's): a G is on at most one P (P::current) and then not in
// sim_runnable_; a G in sim_runnable_ is Runnable; a G on a P is Running (it holds the P between
// its slices, as a goroutine running in parallel with the others would).
#include <algorithm>

#include "runtime/observed.hpp"
#include "runtime/runtime.hpp"
#include "runtime/sim.hpp"
#include "runtime/tls.hpp"

namespace gopark::rt {

using trace::EventKind;

namespace {

// p's goroutine has left it (parked, ended, preempted or yielded): p is idle.
void free_p(P& p) {
  store_observed(p.current, static_cast<G*>(nullptr));
  store_observed(p.status, PStatus::Idle);
  store_observed(p.m_id, int32_t(-1));
}

}  // namespace

void Runtime::sim_hold_at(uint64_t event) {
  {
    std::lock_guard lock(sim_hold_mutex_);
    sim_hold_at_.store(event, std::memory_order_release);
  }
  sim_hold_cv_.notify_all();
  // Already there: the goroutine in its slice leaves at its next instruction boundary. (If the
  // simulation has moved on to another by now, that one is cut instead, or this one later: a cut
  // never changes the schedule, so either is harmless.)
  if (event <= sched_events()) {
    if (G* g = sim_running_.load(std::memory_order_acquire)) g->sim_hold.store(true, std::memory_order_relaxed);
  }
}

void Runtime::sim_put(G& g) {
  // Only the simulation's own thread (its goroutines and timers) may ready or create goroutines,
  // once it runs: an outside thread would race with it, and with the schedule.
  if (tls::runtime != this && sim_started_) api_misuse("sim mode: a goroutine readied or created from outside the run");
  sim_runnable_.push_back(&g);
  // The goroutine running alone has a rival now: it gets a real quantum (SimPolicy::quantum).
  if (G* running = sim_running_.load(std::memory_order_relaxed); running && running->sim_left > SimPolicy::kAlone / 2) {
    const int64_t used = sim_slice_ - running->sim_left;
    const int64_t q = sim_->quantum(*running, sim_steps_.load(std::memory_order_relaxed) + uint64_t(used), false);
    sim_slice_ = used + q;
    running->sim_left = q;
  }
}

// g leaves p: back to the runnable set (preempted, or yielding with Gosched).
void Runtime::sim_take_off(G& g, P& p, bool preempted) {
  free_p(p);
  store_observed(g.state, GState::Runnable);
  M* m = tls::m;
  P* was = m->p;
  m->p = &p;  // the event belongs to p's timeline
  emit(preempted ? EventKind::GoPreempt : EventKind::GoYield, g.id);
  m->p = was;
  sim_put(g);
}

// Ps [0, procs) are live; a P past it gives its goroutine back to the runnable set and dies.
void Runtime::sim_resize() {
  const int n = procs_.load(std::memory_order_relaxed);
  for (int i = n_ps_.load(); i < n; ++i) all_ps_[i] = std::make_unique<P>(i);
  if (n > n_ps_.load()) n_ps_.store(n);
  for (int i = 0; i < n_ps_.load(); ++i) {
    P& p = *all_ps_[i];
    if (i < n) {
      if (p.status.load(std::memory_order_relaxed) == PStatus::Dead) store_observed(p.status, PStatus::Idle);
      continue;
    }
    if (G* g = p.current.load(std::memory_order_relaxed)) sim_take_off(*g, p, true);
    store_observed(p.status, PStatus::Dead);
  }
  sim_ps_ = n;
}

void Runtime::sim_main(M& m) {
  SimPolicy& policy = *sim_;
  std::vector<G*> candidates;
  std::vector<G*> on_ps;
  uint64_t idle_jumps = 0;  // clock jumps in a row after which still nothing could run
  // A slice cut by a hold, to finish before anything else is picked (sim_hold_at).
  G* resume = nullptr;
  int64_t resume_left = 0;
  for (;;) {
    if (exiting_.load(std::memory_order_acquire)) return;
    if (sched_events() >= sim_hold_at_.load(std::memory_order_acquire)) {
      std::unique_lock lock(sim_hold_mutex_);
      sim_holding_.store(true, std::memory_order_release);
      sim_hold_cv_.wait(lock, [&] {
        return exiting_.load(std::memory_order_acquire) || sched_events() < sim_hold_at_.load(std::memory_order_acquire);
      });
      sim_holding_.store(false, std::memory_order_release);
      continue;
    }
    if (resume) {
      // Finish the cut slice first, as if there had been no hold. (GOMAXPROCS changed during
      // the hold may have taken the goroutine off its P: then the run goes on from the choice.)
      G& g = *resume;
      resume = nullptr;
      P* p = g.p_id.load(std::memory_order_relaxed) >= 0 ? all_ps_[g.p_id.load(std::memory_order_relaxed)].get() : nullptr;
      if (p && p->current.load(std::memory_order_relaxed) == &g && sim_ps_ == procs_.load(std::memory_order_relaxed)) {
        m.p = p;
        store_observed(m.p_id, p->id);
        sim_slice_ = resume_left;
        run_slice(m, g, *p, policy, resume, resume_left);
        continue;
      }
    }
    if (sim_ps_ != procs_.load(std::memory_order_relaxed)) sim_resize();
    if (timers_live_.load(std::memory_order_relaxed) > 0) {
      std::unique_lock lock(timer_mutex_);
      m.p = nullptr;
      fire_due_timers(lock, now_ns());
    }
    if (exiting_.load(std::memory_order_acquire)) return;  // a timer's function could not start

    // candidates: [0, n_on_ps) hold a P, the rest are runnable.
    candidates.clear();
    for (int i = 0; i < sim_ps_; ++i) {
      if (G* g = all_ps_[i]->current.load(std::memory_order_relaxed)) candidates.push_back(g);
    }
    const size_t n_on_ps = candidates.size();
    candidates.insert(candidates.end(), sim_runnable_.begin(), sim_runnable_.end());
    if (candidates.empty()) {
      int64_t next = -1;
      {
        std::lock_guard lock(timer_mutex_);
        if (!timer_heap_.empty()) next = timer_heap_[0]->when_ns;
      }
      if (next >= 0) {  // everyone is blocked: time passes, to the next timer
        if (++idle_jumps > kSimMaxIdleJumps) {
          // Only timers that wake nobody (a Ticker nobody reads) are left: real Go would wait for
          // ever, with no deadlock to report. No instruction runs, so no step budget would end it.
          stop("every goroutine is blocked for good; only timers fire, and they wake nobody (" +
               std::to_string(kSimMaxIdleJumps) + " firings in a row)");
          return;
        }
        store_observed(sim_clock_ns_, std::max(next, now_ns()));
        continue;
      }
      check_dead();
      if (!exiting_.load()) internal_error("sim: nothing can run, but the run is not over");
      return;
    }

    idle_jumps = 0;
    const size_t pick = policy.pick(candidates);
    G& g = *candidates[pick];
    P* p = nullptr;
    if (pick < n_on_ps) {
      p = all_ps_[g.p_id.load(std::memory_order_relaxed)].get();
    } else {
      sim_runnable_.erase(sim_runnable_.begin() + std::ptrdiff_t(pick - n_on_ps));
      for (int i = 0; i < sim_ps_ && !p; ++i) {
        if (!all_ps_[i]->current.load(std::memory_order_relaxed)) p = all_ps_[i].get();
      }
      if (!p) {  // every P is busy: one of them is preempted for g
        on_ps.assign(candidates.begin(), candidates.begin() + std::ptrdiff_t(n_on_ps));
        G& victim = *on_ps[policy.victim(on_ps)];
        p = all_ps_[victim.p_id.load(std::memory_order_relaxed)].get();
        sim_take_off(victim, *p, true);
      }
      store_observed_pointer(p->current, &g);
      store_observed(p->status, PStatus::Running);
      store_observed(p->m_id, m.id);
      bump_observed(p->schedtick);
      m.p = p;
      m.p_id.store(p->id, std::memory_order_relaxed);
      emit(EventKind::GoStart, g.id);
    }
    m.p = p;
    store_observed(m.p_id, p->id);

    sim_slice_ = policy.quantum(g, sim_steps_.load(std::memory_order_relaxed), candidates.size() == 1);
    run_slice(m, g, *p, policy, resume, resume_left);
  }
}

// Runs g on p for sim_slice_ instructions (or until it leaves the CPU), then puts it where its
// handoff says. A slice cut by a hold is left in `resume` with what is left of it.
void Runtime::run_slice(M& m, G& g, P& p, SimPolicy& policy, G*& resume, int64_t& resume_left) {
  g.sim_left = sim_slice_;
  // A hold already due (its event came from the scheduler itself, a start or a wake-up) cuts the
  // slice before its first instruction: a lone `for {}` would never give the thread back.
  g.sim_hold.store(sched_events() >= sim_hold_at_.load(std::memory_order_acquire), std::memory_order_relaxed);
  sim_running_.store(&g, std::memory_order_release);
  run_g(m, g, p.id, false);
  sim_running_.store(nullptr, std::memory_order_release);
  const int64_t ran = sim_slice_ - std::max<int64_t>(g.sim_left, 0);
  const Handoff h = take_handoff(g);
  if (h == Handoff::Preempt && g.sim_hold.load(std::memory_order_relaxed) && g.sim_left > 0) {
    resume = &g;
    resume_left = g.sim_left;
  }
  g.sim_left = -1;
  const uint64_t steps = sim_steps_.load(std::memory_order_relaxed) + uint64_t(ran);
  store_observed(sim_steps_, steps);
  // Gosched is not blocking: a spin-wait that yields must still drop in PCT's priorities.
  policy.ran(g, ran, steps, h != Handoff::Preempt && h != Handoff::Yield);
  switch (h) {
    case Handoff::Preempt:
      break;  // the quantum is over (or cut by a hold, or the run is ending): g keeps its P
    case Handoff::Yield:
      sim_take_off(g, p, false);
      break;
    case Handoff::Park:
      free_p(p);
      park_g(g);
      break;
    default:
      free_p(p);
      end_g(g, h, nullptr);
      break;
  }
}

}  // namespace gopark::rt
