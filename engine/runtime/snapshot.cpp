// Snapshots (trace/snapshot.hpp): read piece by piece, each piece under the lock that guards it.
#include <algorithm>

#include "runtime/object.hpp"
#include "runtime/runtime.hpp"

namespace gopark::rt {

namespace {
constexpr uint32_t kMaxQueueShown = 64;  // run queue entries listed per queue
uint64_t gid(const G* g) { return g ? g->id.load(std::memory_order_relaxed) : 0; }
}  // namespace

trace::Snapshot Runtime::snapshot() const {
  trace::Snapshot s;
  s.time_ns = now_ns();
  s.mode = uint8_t(config_.mode);
  s.gomaxprocs = procs_.load(std::memory_order_relaxed);
  s.running = started_.load() && !exiting_.load();
  snapshot_goroutines(s);
  snapshot_sched(s);
  {
    std::lock_guard lock(registry_mutex_);
    for (const Object* o = objects_; o; o = o->next_) o->describe(s);
  }
  std::sort(s.channels.begin(), s.channels.end(), [](auto& a, auto& b) { return a.id < b.id; });
  std::sort(s.locks.begin(), s.locks.end(), [](auto& a, auto& b) { return a.id < b.id; });
  s.timers = uint32_t(std::max(0, timers_live_.load()));
  return s;
}

void Runtime::snapshot_goroutines(trace::Snapshot& s) const {
  std::lock_guard lock(all_gs_mutex_);
  s.goroutines.reserve(size_t(std::max<int64_t>(0, count_goroutines())));
  for (const auto& gp : all_gs_) {
    const G& g = *gp;
    GState st = g.state.load(std::memory_order_acquire);
    if (st == GState::Dead) continue;
    trace::GoroutineInfo info;
    info.id = g.id.load(std::memory_order_relaxed);
    info.state = uint8_t(st);
    info.wait_reason = uint8_t(g.wait_reason.load(std::memory_order_relaxed));
    info.wait_object = g.wait_object.load(std::memory_order_relaxed);
    if (const char* l = g.label.load(std::memory_order_relaxed)) info.label = l;
    info.line = g.line.load(std::memory_order_relaxed);
    info.created_line = g.created_line.load(std::memory_order_relaxed);
    info.parent_id = g.parent_id.load(std::memory_order_relaxed);
    info.p = g.p_id.load(std::memory_order_relaxed);
    info.m = g.m_id.load(std::memory_order_relaxed);
    info.run_ns = g.run_ns.load(std::memory_order_relaxed);
    info.switches = g.switches.load(std::memory_order_relaxed);
    s.goroutines.push_back(std::move(info));
  }
  std::sort(s.goroutines.begin(), s.goroutines.end(), [](auto& a, auto& b) { return a.id < b.id; });
}

void Runtime::snapshot_sched(trace::Snapshot& s) const {
  for (int i = 0, n = n_ps_.load(); i < n; ++i) {
    const P& p = *all_ps_[i];
    trace::ProcInfo info;
    info.id = p.id;
    info.status = uint8_t(p.status.load(std::memory_order_relaxed));
    info.m = p.m_id.load(std::memory_order_relaxed);
    info.running = gid(p.current.load(std::memory_order_acquire));
    info.runnext = gid(p.runq.peek_next());
    info.runq_size = p.runq.size();
    p.runq.peek([&](G* g) { info.runq.push_back(gid(g)); }, kMaxQueueShown);
    s.procs.push_back(std::move(info));
  }
  SpinGuard lock(sched_lock_);
  for (const auto& m : all_ms_) {
    trace::ThreadInfo t;
    t.id = m->id;
    t.os_tid = m->os_tid.load(std::memory_order_relaxed);
    t.status = uint8_t(m->status.load(std::memory_order_relaxed));
    t.p = m->p_id.load(std::memory_order_relaxed);
    t.running = m->running_gid.load(std::memory_order_relaxed);
    t.bound = m->bound_gid.load(std::memory_order_relaxed);
    s.threads.push_back(t);
  }
  s.global_runq_size = global_runq_.size();
  uint32_t shown = 0;
  global_runq_.for_each([&](G* g) {
    if (shown++ < kMaxQueueShown) s.global_runq.push_back(gid(g));
  });
}

}  // namespace gopark::rt
