// The timer thread: fires timers and, in M:N mode, is sysmon (timers.hpp).
#include <algorithm>
#include <climits>

#include "runtime/runtime.hpp"
#include "runtime/tls.hpp"

namespace gopark::rt {

using trace::EventKind;

// ---- the heap (a binary min-heap on when_ns, each task knowing its index) ----

void Runtime::heap_up(int32_t i) {
  auto& h = timer_heap_;
  while (i > 0) {
    int32_t parent = (i - 1) / 2;
    if (h[parent]->when_ns <= h[i]->when_ns) break;
    std::swap(h[parent], h[i]);
    h[parent]->heap_index = parent;
    h[i]->heap_index = i;
    i = parent;
  }
}

void Runtime::heap_down(int32_t i) {
  auto& h = timer_heap_;
  const int32_t n = int32_t(h.size());
  for (;;) {
    int32_t least = i;
    for (int32_t c : {2 * i + 1, 2 * i + 2}) {
      if (c < n && h[c]->when_ns < h[least]->when_ns) least = c;
    }
    if (least == i) return;
    std::swap(h[least], h[i]);
    h[least]->heap_index = least;
    h[i]->heap_index = i;
    i = least;
  }
}

void Runtime::heap_remove(TimerTask& t) {
  auto& h = timer_heap_;
  int32_t i = t.heap_index;
  int32_t last = int32_t(h.size()) - 1;
  if (i != last) {
    h[i] = h[last];
    h[i]->heap_index = i;
  }
  h.pop_back();
  t.heap_index = -1;
  if (i < last) {
    heap_down(i);
    heap_up(i);
  }
}

void Runtime::add_timer(TimerTask& t, int64_t when_ns, int64_t period_ns) {
  bool earliest = false;
  {
    std::lock_guard lock(timer_mutex_);
    if (timer_quit_) {  // the run is ending: this timer will never fire
      if (t.release) t.release(t);
      return;
    }
    t.when_ns = when_ns;
    t.period_ns = period_ns;
    switch (t.status) {
      case TimerTask::Status::Firing:  // reset from inside a firing: the timer thread re-adds it
        t.rearm = true;
        t.cancel = false;
        return;
      case TimerTask::Status::Pending:
        heap_remove(t);
        break;
      case TimerTask::Status::Idle:
        timers_live_.fetch_add(1);
        break;
    }
    t.status = TimerTask::Status::Pending;
    t.heap_index = int32_t(timer_heap_.size());
    timer_heap_.push_back(&t);
    heap_up(t.heap_index);
    earliest = t.heap_index == 0;
  }
  if (earliest) timer_cond_.notify_all();
}

bool Runtime::cancel_timer(TimerTask& t) {
  std::unique_lock lock(timer_mutex_);
  switch (t.status) {
    case TimerTask::Status::Idle:
      return false;
    case TimerTask::Status::Pending:
      heap_remove(t);
      t.status = TimerTask::Status::Idle;
      timers_live_.fetch_sub(1);
      return true;
    case TimerTask::Status::Firing:
      t.cancel = true;
      t.rearm = false;
      timer_cond_.wait(lock, [&] { return t.status != TimerTask::Status::Firing; });
      return false;
  }
  return false;
}

void Runtime::prepare_sleep(G& g, int64_t ns) {
  TimerTask& t = g.sleep_timer;
  t.arg = &g;
  t.fire = [](TimerTask& task, int64_t) {
    auto* sleeper = static_cast<G*>(task.arg);
    sleeper->runtime->ready(*sleeper, nullptr);
  };
  t.when_ns = now_ns() + ns;
  // The timer is added once g is off the CPU, so the firing always finds it Waiting.
  prepare_park(
      g, WaitReason::Sleep, 0, [](G& g, void*) { g.runtime->add_timer(g.sleep_timer, g.sleep_timer.when_ns, 0); },
      nullptr, nullptr);
}

// ---- firing ----

bool Runtime::fire_due_timers(std::unique_lock<std::mutex>& lock, int64_t now) {
  bool last_timer_done = false;
  while (!timer_heap_.empty() && timer_heap_[0]->when_ns <= now && !timer_quit_) {
    TimerTask& t = *timer_heap_[0];
    heap_remove(t);
    t.status = TimerTask::Status::Firing;
    t.rearm = t.cancel = false;
    lock.unlock();
    emit(EventKind::TimerFire, 0);
    t.fire(t, now);
    lock.lock();
    if (!t.cancel && (t.rearm || t.period_ns > 0)) {
      if (!t.rearm) {  // periodic: next multiple of the period after now (missed ticks are dropped)
        t.when_ns += t.period_ns * (1 + (now - t.when_ns) / t.period_ns);
      }
      t.status = TimerTask::Status::Pending;
      t.heap_index = int32_t(timer_heap_.size());
      timer_heap_.push_back(&t);
      heap_up(t.heap_index);
    } else {
      t.status = TimerTask::Status::Idle;
      if (t.release) t.release(t);
      if (timers_live_.fetch_sub(1) == 1) last_timer_done = true;
    }
    timer_cond_.notify_all();  // cancel_timer may be waiting for this firing to finish
  }
  return last_timer_done;
}

// ---- the thread ----

void Runtime::timer_main() {
  tls::runtime = this;
  tls::sink = timer_sink_;
  tls::rng = 0;
  std::unique_lock lock(timer_mutex_);
  int64_t next_sysmon = 0;
  while (!timer_quit_) {
    int64_t now = now_ns();
    if (fire_due_timers(lock, now)) {
      // The last pending timer is done; if it readied nobody, nothing may ever run again.
      lock.unlock();
      check_dead();
      lock.lock();
      continue;
    }
    const bool watch = config_.mode == Mode::MN && active_ms_.load() > 0;
    if (watch && now >= next_sysmon) {
      lock.unlock();
      sysmon(now);
      lock.lock();
      next_sysmon = now + config_.time_slice_ns / 2;
    }
    int64_t wake = timer_heap_.empty() ? INT64_MAX : timer_heap_[0]->when_ns;
    if (watch) wake = std::min(wake, next_sysmon);
    // Going idle races with start_m, which makes an M active and then reads sysmon_idle_: both sides
    // write then read (seq_cst), so either start_m sees us idle and notifies, or we see its M here.
    sysmon_idle_.store(!watch, std::memory_order_seq_cst);
    if (!watch && config_.mode == Mode::MN && active_ms_.load(std::memory_order_seq_cst) > 0) continue;
    if (timer_quit_) break;
    if (wake == INT64_MAX) {
      timer_cond_.wait(lock);
    } else {
      timer_cond_.wait_until(lock, epoch_ + std::chrono::nanoseconds(wake));
    }
  }
}

// Asks every goroutine that has held its P for a whole time slice to yield at its next safe point, and
// the goroutine on a P that GOMAXPROCS retired at once.
void Runtime::sysmon(int64_t now) {
  for (int i = 0, n = n_ps_.load(); i < n; ++i) {
    P& p = *all_ps_[i];
    PStatus status = p.status.load(std::memory_order_relaxed);
    if (status == PStatus::Retiring) {
      if (G* g = p.current.load(std::memory_order_acquire)) g->preempt.store(true, std::memory_order_relaxed);
      continue;
    }
    if (status != PStatus::Running) continue;
    uint32_t tick = p.schedtick.load(std::memory_order_relaxed);
    if (tick != p.sysmon_tick) {
      p.sysmon_tick = tick;
      p.sysmon_since_ns = now;
    } else if (now - p.sysmon_since_ns >= config_.time_slice_ns) {
      if (G* g = p.current.load(std::memory_order_acquire)) g->preempt.store(true, std::memory_order_relaxed);
      p.sysmon_since_ns = now;
    }
  }
}

}  // namespace gopark::rt
