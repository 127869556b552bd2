// Threads mode (1:1): every goroutine runs on an OS thread of its own, as a C or Java thread would.
//
// There are no Ps and no run queues: the operating system schedules the threads. A goroutine's M sleeps
// on its Note while the goroutine waits and is woken by ready(). When a goroutine ends, its thread goes
// back to an idle pool for the next `go` statement. The number of goroutine threads alive at once is
// capped (Config::max_threads): past it the run ends with Go's own error for this case,
// "runtime: program exceeds N-thread limit / fatal error: thread exhaustion", rather than hanging the
// machine or (in the browser) waiting forever for a worker that does not exist.
//
// `active_ms_` and deadlock detection work as in the M:N scheduler (sched.hpp): a thread is active
// while its goroutine runs or has been readied.
#include "runtime/runtime.hpp"

namespace gopark::rt {

using trace::EventKind;

bool Runtime::bind_thread(G& g) {
  M* m = nullptr;
  bool fresh = false;
  bool over = false;
  {
    SpinGuard lock(sched_lock_);
    if (exiting_.load()) return false;
    if (n_threads_.load() >= config_.max_threads) {
      over = true;
    } else {
      n_threads_.fetch_add(1);
      m = idle_ms_;
      if (m) {
        idle_ms_ = m->idle_next;
        m->idle_next = nullptr;
      } else {
        m = new_m();
        fresh = true;
      }
      m->bound_g = &g;
      m->bound_gid.store(g.id.load(std::memory_order_relaxed), std::memory_order_relaxed);
      g.bound_m = m;
      active_ms_.fetch_add(1);
      if (fresh) launch(*m);
    }
  }
  if (over) {
    RunResult req;
    req.kind = ExitKind::Fatal;
    req.exit_code = 2;
    req.prefix = "runtime: program exceeds " + std::to_string(config_.max_threads) + "-thread limit\n";
    req.message = "thread exhaustion";
    end_program(std::move(req));
    return false;
  }
  if (!fresh) m->note.wake();
  return true;
}

void Runtime::thread_main(M& m) {
  // A fresh thread is launched with its goroutine already bound. Once that goroutine ends, the thread
  // waits in the pool for bind_thread's wake-up, and only then reads bound_g: reading it before
  // consuming the wake-up would leave a stale wake for the next park, and run a goroutine that waits.
  G* g;
  {
    SpinGuard lock(sched_lock_);
    g = m.bound_g;
  }
  while (g && !exiting_.load()) {
    run_bound(m, *g);
    if (exiting_.load()) break;
    m.status.store(MStatus::Idle, std::memory_order_relaxed);
    m.note.sleep();
    SpinGuard lock(sched_lock_);
    g = m.bound_g;
  }
}

// Runs the goroutine this thread exists for until it ends (or the run does).
void Runtime::run_bound(M& m, G& g) {
  for (;;) {
    if (exiting_.load()) return;
    m.status.store(MStatus::Running, std::memory_order_relaxed);
    run_g(m, g, -1);
    switch (Handoff h = take_handoff(g)) {
      case Handoff::Park:
        park_g(g);
        thread_idle(m, false);
        m.note.sleep();  // until ready() (or the end of the run)
        break;
      case Handoff::Yield:
      case Handoff::Preempt:
        g.state.store(GState::Runnable, std::memory_order_relaxed);
        emit(h == Handoff::Yield ? EventKind::GoYield : EventKind::GoPreempt, g.id);
        std::this_thread::yield();
        break;
      default:
        end_g(g, h, nullptr);
        thread_idle(m, true);
        return;
    }
  }
}

// This thread stops running Go code: its goroutine waits, or ended (then the thread joins the pool).
void Runtime::thread_idle(M& m, bool goroutine_ended) {
  RunResult req;
  bool dead = false;
  {
    SpinGuard lock(sched_lock_);
    m.status.store(MStatus::Idle, std::memory_order_relaxed);
    if (goroutine_ended) {
      m.bound_g = nullptr;
      m.bound_gid.store(0, std::memory_order_relaxed);
      n_threads_.fetch_sub(1);
      m.idle_next = idle_ms_;
      idle_ms_ = &m;
    }
    if (active_ms_.fetch_sub(1) == 1) check_dead_locked(req, dead);
  }
  if (dead) end_program(std::move(req));
}

}  // namespace gopark::rt
