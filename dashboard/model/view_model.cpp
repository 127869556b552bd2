// build_view_model: one snapshot in, one frame of plain rows out.
//
// Everything a panel needs per row is resolved here (status words, object names, state counts),
// off the UI thread, so that drawing is only walking vectors. Object names are resolved through
// one id -> name table over channels and locks, which share the runtime's id space
// (rt::new_object_id), so an id alone says which object it is.
#include <algorithm>
#include <unordered_map>

#include "model/view_model.hpp"
#include "runtime/runtime.hpp"
#include "runtime/sched.hpp"

namespace gopark::dash {

namespace {

const char* mode_text(std::uint8_t mode) {
  switch (rt::Mode(mode)) {
    case rt::Mode::MN: return "goroutines (M:N)";
    case rt::Mode::Threads: return "threads (1:1)";
    case rt::Mode::Coroutines: return "coroutines (N:1)";
    case rt::Mode::Sim: return "simulated (deterministic)";
  }
  return "?";
}

const char* proc_status(std::uint8_t status) {
  switch (rt::PStatus(status)) {
    case rt::PStatus::Idle: return "idle";
    case rt::PStatus::Running: return "running";
    case rt::PStatus::Retiring: return "retiring";
    case rt::PStatus::Dead: return "dead";
  }
  return "?";
}

const char* thread_status(std::uint8_t status) {
  switch (rt::MStatus(status)) {
    case rt::MStatus::Idle: return "idle";
    case rt::MStatus::Spinning: return "spinning";
    case rt::MStatus::Running: return "running";
  }
  return "?";
}

const char* lock_kind(trace::LockInfo::Kind kind) {
  switch (kind) {
    case trace::LockInfo::Kind::Mutex: return "Mutex";
    case trace::LockInfo::Kind::RWMutex: return "RWMutex";
    case trace::LockInfo::Kind::WaitGroup: return "WaitGroup";
    case trace::LockInfo::Kind::Once: return "Once";
    case trace::LockInfo::Kind::Cond: return "Cond";
  }
  return "?";
}

std::string named_or(const std::string& name, const char* kind, std::uint64_t id) {
  return name.empty() ? std::string(kind) + " #" + std::to_string(id) : name;
}

std::vector<QueuedGoroutine> queue(const std::vector<trace::WaiterInfo>& waiters) {
  std::vector<QueuedGoroutine> out;
  out.reserve(waiters.size());
  for (const auto& w : waiters) out.push_back({w.goroutine, w.value, w.is_writer});
  return out;
}

ChannelView channel_view(const trace::ChannelInfo& c) {
  ChannelView v;
  v.id = c.id;
  v.name = named_or(c.name, "chan", c.id);
  v.elem_type = c.elem_type;
  v.cap = c.cap;
  v.len = c.len;
  v.closed = c.closed;
  v.buffer = c.buffer;
  v.senders = queue(c.senders);
  v.receivers = queue(c.receivers);
  v.sends = c.sends;
  v.receives = c.receives;
  return v;
}

LockView lock_view(const trace::LockInfo& l) {
  LockView v;
  v.id = l.id;
  v.kind = lock_kind(l.kind);
  v.name = named_or(l.name, lock_kind(l.kind), l.id);
  v.holders = l.holders;
  v.readers = l.readers;
  v.writer_waiting = l.writer_waiting;
  v.counter = l.counter;
  v.done = l.done;
  v.waiters = queue(l.waiters);
  return v;
}

using ObjectNames = std::unordered_map<std::uint64_t, const std::string*>;

GoroutineRow goroutine_row(const trace::GoroutineInfo& g, const ObjectNames& names) {
  GoroutineRow row;
  row.id = g.id;
  row.function = g.label;
  row.state = note_state(g.state);
  if (row.state == NoteState::Suspended) {
    row.wait = wait_reason_text(g.wait_reason);
    row.wait_object = g.wait_object;
    if (g.wait_object != 0) {
      auto it = names.find(g.wait_object);
      row.wait_object_name = it != names.end() ? *it->second : unnamed_object(g.wait_object, g.wait_reason);
    }
  }
  row.p = g.p;
  row.m = g.m;
  row.line = g.line;
  row.created_line = g.created_line;
  row.parent = g.parent_id;
  row.run_ms = double(g.run_ns) / 1e6;
  row.switches = g.switches;
  return row;
}

}  // namespace

ViewModel build_view_model(const trace::Snapshot& s) {
  ViewModel vm;
  vm.time_ms = double(s.time_ns) / 1e6;
  vm.mode = mode_text(s.mode);
  vm.gomaxprocs = s.gomaxprocs;
  vm.running = s.running;

  // Objects first: goroutine rows name what they wait on.
  vm.channels.reserve(s.channels.size());
  for (const auto& c : s.channels) vm.channels.push_back(channel_view(c));
  vm.locks.reserve(s.locks.size());
  for (const auto& l : s.locks) vm.locks.push_back(lock_view(l));
  ObjectNames names;
  for (const auto& c : vm.channels) names.emplace(c.id, &c.name);
  for (const auto& l : vm.locks) names.emplace(l.id, &l.name);

  vm.goroutines.reserve(s.goroutines.size());
  for (const auto& g : s.goroutines) vm.goroutines.push_back(goroutine_row(g, names));
  std::stable_sort(vm.goroutines.begin(), vm.goroutines.end(),
                   [](const GoroutineRow& a, const GoroutineRow& b) { return a.id < b.id; });
  for (const auto& row : vm.goroutines) ++vm.state_counts[std::size_t(row.state)];

  vm.procs.reserve(s.procs.size());
  for (const auto& p : s.procs) {
    vm.procs.push_back({p.id, proc_status(p.status), p.m, p.running, p.runnext, p.runq, p.runq_size});
  }
  vm.threads.reserve(s.threads.size());
  for (const auto& m : s.threads) {
    vm.threads.push_back({m.id, m.os_tid, thread_status(m.status), m.p, m.running, m.bound});
  }
  vm.global_runq = s.global_runq;
  vm.global_runq_size = s.global_runq_size;
  vm.timers = s.timers;
  return vm;
}

const GoroutineRow* ViewModel::goroutine(std::uint64_t id) const {
  auto it = std::lower_bound(goroutines.begin(), goroutines.end(), id,
                             [](const GoroutineRow& row, std::uint64_t key) { return row.id < key; });
  return it != goroutines.end() && it->id == id ? &*it : nullptr;
}

std::string ViewModel::goroutine_name(std::uint64_t id) const {
  std::string name = "G" + std::to_string(id);
  const GoroutineRow* row = goroutine(id);
  if (row && !row->function.empty()) name += " " + row->function;
  return name;
}

NoteState ViewModel::state_of(std::uint64_t id) const {
  const GoroutineRow* row = goroutine(id);
  return row ? row->state : NoteState::Terminated;
}

}  // namespace gopark::dash
