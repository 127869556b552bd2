// Goroutines: creation, readying, running one slice, parking, and ending. Shared by every mode.
#include <algorithm>

#include "runtime/observed.hpp"
#include "runtime/runtime.hpp"
#include "runtime/sim.hpp"
#include "runtime/tls.hpp"

namespace gopark::rt {

using trace::EventKind;

namespace {
constexpr uint32_t kLocalFreeMax = 64;  // a P keeps at most this many dead Gs before sharing them
constexpr uint32_t kFreeBatch = 32;
}  // namespace

// ---- allocation: dead Gs are reused, per P first (no lock), then from the shared list ----

G* Runtime::alloc_g(P* p) {
  if (p && !p->gfree) {
    SpinGuard lock(gfree_lock_);
    for (uint32_t i = 0; i < kFreeBatch && gfree_; ++i) {
      G* g = gfree_;
      gfree_ = g->schedlink;
      --n_gfree_;
      g->schedlink = p->gfree;
      p->gfree = g;
      ++p->n_gfree;
    }
  }
  if (p && p->gfree) {
    G* g = p->gfree;
    p->gfree = g->schedlink;
    --p->n_gfree;
    g->schedlink = nullptr;
    return g;
  }
  if (!p) {
    SpinGuard lock(gfree_lock_);
    if (G* g = gfree_) {
      gfree_ = g->schedlink;
      --n_gfree_;
      g->schedlink = nullptr;
      return g;
    }
  }
  auto owned = std::make_unique<G>();
  G* g = owned.get();
  std::lock_guard lock(all_gs_mutex_);
  all_gs_.push_back(std::move(owned));
  return g;
}

void Runtime::free_g(G& g, P* p) {
  g.body = nullptr;
  g.body_data = nullptr;
  g.resume_point = {};
  g.waiting = nullptr;
  g.woken_by = nullptr;
  g.on_resume = nullptr;
  g.park_commit = nullptr;
  g.bound_m = nullptr;
  g.end_message.clear();
  g.end_message.shrink_to_fit();
  g.end_prefix.clear();
  g.end_prefix.shrink_to_fit();
  if (p) {
    g.schedlink = p->gfree;
    p->gfree = &g;
    if (++p->n_gfree < kLocalFreeMax) return;
    SpinGuard lock(gfree_lock_);
    while (p->n_gfree > kLocalFreeMax / 2) {
      G* x = p->gfree;
      p->gfree = x->schedlink;
      --p->n_gfree;
      x->schedlink = gfree_;
      gfree_ = x;
      ++n_gfree_;
    }
    return;
  }
  SpinGuard lock(gfree_lock_);
  g.schedlink = gfree_;
  gfree_ = &g;
  ++n_gfree_;
}

// ---- ids and counts ----

uint64_t Runtime::new_goid(P* p) {
  constexpr uint64_t kBatch = 16;
  if (!p) return next_goid_.fetch_add(1, std::memory_order_relaxed);
  if (p->goid_next == p->goid_end) {
    p->goid_next = next_goid_.fetch_add(kBatch, std::memory_order_relaxed);
    p->goid_end = p->goid_next + kBatch;
  }
  return p->goid_next++;
}

void Runtime::count_goroutine(P* p, int64_t delta) {
  if (p) {
    p->goroutines.store(p->goroutines.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
  } else {
    goroutines_without_p_.fetch_add(delta, std::memory_order_relaxed);
  }
}

int64_t Runtime::count_goroutines() const {
  int64_t n = goroutines_without_p_.load(std::memory_order_relaxed);
  for (int i = 0, np = n_ps_.load(std::memory_order_acquire); i < np; ++i) {
    n += all_ps_[i]->goroutines.load(std::memory_order_relaxed);
  }
  return n;
}

// ---- creation and readying ----

G* Runtime::spawn(Body& body, void* body_data, const char* label, G* parent, int32_t line) {
  if (!started_.load(std::memory_order_relaxed)) internal_error("spawn before Runtime::start");
  if (exiting_.load(std::memory_order_relaxed)) return nullptr;
  // Sim mode hands out ids in creation order (no per-P batches): a run's ids are the same on any
  // number of Ps.
  P* p = (tls::runtime == this && tls::m && config_.mode != Mode::Sim) ? tls::m->p : nullptr;
  G* g = alloc_g(p);
  const uint64_t id = new_goid(p);
  g->id.store(id, std::memory_order_relaxed);
  g->runtime = this;
  g->is_main = id == 1;
  g->label.store(label, std::memory_order_relaxed);
  g->body = &body;
  g->body_data = body_data;
  g->parent_id.store(parent ? parent->id.load(std::memory_order_relaxed) : 0, std::memory_order_relaxed);
  g->line.store(line, std::memory_order_relaxed);
  g->created_line.store(line, std::memory_order_relaxed);
  g->wait_reason.store(WaitReason::None, std::memory_order_relaxed);
  g->wait_object.store(0, std::memory_order_relaxed);
  g->p_id.store(-1, std::memory_order_relaxed);
  g->m_id.store(-1, std::memory_order_relaxed);
  g->run_ns.store(0, std::memory_order_relaxed);
  g->switches.store(0, std::memory_order_relaxed);
  g->preempt.store(false, std::memory_order_relaxed);
  g->handoff = Handoff::None;
  g->race_on = false;
  if (race_) {
    // The child knows what its creator knows (the creator may be no goroutine: a timer's function).
    race::Thread* creator = race_thread(parent);
    if (creator ? !race_->go(*creator, g->race, id) : !race_->start(g->race, id)) {
      free_g(*g, nullptr);
      RunResult req;
      req.kind = ExitKind::Fatal;
      req.exit_code = 66;  // a -race binary's status
      req.message = "race: limit on " + std::to_string(race::Detector::kMaxLive) +
                    " simultaneously alive goroutines is exceeded, dying";
      end_program(std::move(req));
      return nullptr;
    }
    g->race_on = true;
  }
  g->state.store(GState::Initial, std::memory_order_release);
  count_goroutine(p, +1);
  if (recorder_) {
    emit(EventKind::GoCreate, id, uint64_t(reinterpret_cast<uintptr_t>(label)),
         int64_t(parent ? parent->id.load(std::memory_order_relaxed) : 0));
  }
  if (config_.mode == Mode::Threads) {
    if (bind_thread(*g)) return g;
    g->state.store(GState::Dead, std::memory_order_relaxed);  // body_data stays the caller's
    if (g->race_on) {
      race_->end(g->race);
      g->race_on = false;
    }
    count_goroutine(p, -1);
    free_g(*g, nullptr);
    return nullptr;
  }
  if (config_.mode == Mode::Sim) {
    sim_->created(*g);
    sim_put(*g);
    return g;
  }
  if (p) {
    runq_put(*p, *g, true);  // new goroutines run next, as Go's newproc
  } else {
    global_put_batch(&g, 1);
  }
  wakep();
  return g;
}

void Runtime::ready(G& g, G* by) {
  if (g.state.load(std::memory_order_relaxed) != GState::Waiting) internal_error("ready of a goroutine that is not waiting");
  store_observed(g.wait_reason, WaitReason::None);
  store_observed(g.wait_object, uint64_t(0));
  store_observed(g.state, GState::Runnable);
  if (recorder_) emit(EventKind::GoUnblock, g.id, 0, by ? int64_t(by->id.load(std::memory_order_relaxed)) : 0);
  if (config_.mode == Mode::Sim) {
    sim_put(g);
    return;
  }
  if (config_.mode == Mode::Threads) {
    active_ms_.fetch_add(1);  // before the wake-up: the M counts as active from now on (sched.hpp)
    g.bound_m->note.wake();
    return;
  }
  P* p = (tls::runtime == this && tls::m) ? tls::m->p : nullptr;
  if (p) {
    runq_put(*p, g, true);
    wakep();
    return;
  }
  // From a thread that is not an M. The timer thread's readies are covered by timers_live_ (sched.hpp:
  // Deadlock); any other thread counts as an active M until wakep() has handed the work to one, so the
  // last M cannot fall asleep and find work queued that nobody will run.
  const bool outsider = tls::runtime != this;
  if (outsider) active_ms_.fetch_add(1);
  G* gp = &g;
  global_put_batch(&gp, 1);
  wakep();
  if (outsider && active_ms_.fetch_sub(1) == 1) check_dead();
}

// ---- running ----

// Runs one slice of g on m: its resume hook, then its body, until it gives the thread back.
void Runtime::run_g(M& m, G& g, int32_t p_id, bool announce) {
  store_observed(g.state, GState::Running);
  store_observed(g.m_id, m.id);
  store_observed(g.p_id, p_id);
  // Clear a stale preemption request, but never a stop: end_program sets exiting_ before it sets every
  // G's preempt, so either we see exiting_ here or its store to preempt comes after ours. (If preempt
  // reads false there is nothing to clear, and a stop arriving later stays set.)
  if (g.preempt.load(std::memory_order_relaxed)) {
    g.preempt.store(false, std::memory_order_seq_cst);
    if (exiting_.load(std::memory_order_seq_cst)) g.preempt.store(true, std::memory_order_relaxed);
  }
  bump_observed(g.switches);
  store_observed(m.running_gid, g.id.load(std::memory_order_relaxed));
  tls::g = &g;
  if (recorder_) {
    g.started_ns = now_ns();
    if (announce) emit(EventKind::GoStart, g.id);
  }
  bool run_body = true;
  if (ResumeHook hook = g.on_resume) {
    g.on_resume = nullptr;
    run_body = hook(g, g.on_resume_arg);
  }
  if (run_body) {
    // g is past its wait: its waiters have been dequeued (by the waker, or by select_finish in the hook)
    // and may die with the frame that holds them. Teardown must not follow this pointer any more.
    g.waiting = nullptr;
    g.body->resume(g);
  }
  tls::g = nullptr;
  store_observed(m.running_gid, uint64_t(0));
  if (recorder_) g.run_ns.fetch_add(now_ns() - g.started_ns, std::memory_order_relaxed);
}

// g's body has returned with handoff Park: g is now off the CPU, so it may become Waiting and the
// operation that parked it may publish it (sched.hpp: Parking). g must not be touched after the commit.
void Runtime::park_g(G& g) {
  store_observed(g.state, GState::Waiting);
  if (recorder_) {
    emit(EventKind::GoBlock, g.id, g.wait_object.load(std::memory_order_relaxed), 0,
         uint8_t(g.wait_reason.load(std::memory_order_relaxed)));
  }
  if (ParkCommit commit = g.park_commit) {
    g.park_commit = nullptr;
    commit(g, g.park_arg);
  }
}

// g's body has returned for good (or the program ends with it).
void Runtime::end_g(G& g, Handoff how, P* p) {
  switch (how) {
    case Handoff::Exit:
      if (g.is_main) end_program(RunResult{});
      finish_g(g, EndReason::Returned, p);
      return;
    case Handoff::Goexit:
      if (g.is_main) main_goexited_.store(true);
      finish_g(g, EndReason::Goexit, p);
      return;
    case Handoff::Panic:
    case Handoff::Fatal: {
      RunResult req;
      req.kind = how == Handoff::Panic ? ExitKind::Panic : ExitKind::Fatal;
      req.exit_code = 2;
      req.message = g.end_message;
      req.prefix = g.end_prefix;
      req.goroutine = g.id;
      req.goroutines = "goroutine " + std::to_string(g.id.load()) + " [running]:\n";
      if (g.body) g.body->traceback(g, req.goroutines);
      end_program(std::move(req));
      // Its frame stays until teardown: goroutines still running on other Ms may use objects in it
      // (in Go the process would be gone; here they run on to their next scheduling point).
      return;
    }
    case Handoff::OsExit: {
      RunResult req;
      req.kind = ExitKind::Exit;
      req.exit_code = g.exit_code;
      req.goroutine = g.id;
      end_program(std::move(req));
      return;  // as for a panic, the frame stays until teardown
    }
    case Handoff::None:
    case Handoff::Park:
    case Handoff::Yield:
    case Handoff::Preempt:
      break;
  }
  internal_error("a goroutine gave its thread back without saying why");
}

void Runtime::finish_g(G& g, EndReason why, P* p) {
  if (g.race_on) {
    race_->end(g.race);
    g.race_on = false;
  }
  g.state.store(GState::Dead, std::memory_order_release);
  if (recorder_) emit(EventKind::GoEnd, g.id, 0, 0, uint8_t(why));
  if (g.body) g.body->destroy(g);
  count_goroutine(p, -1);
  free_g(g, p);
}

}  // namespace gopark::rt
