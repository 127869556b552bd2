#include "snapshot_text.hpp"

#include <cstdio>
#include <map>

#include "runtime/g.hpp"
#include "runtime/runtime.hpp"
#include "runtime/sched.hpp"

namespace gopark::native {

namespace {

std::string gname(uint64_t id) { return id ? "G" + std::to_string(id) : "-"; }

std::string ids(const std::vector<uint64_t>& v, size_t max = 8) {
  if (v.empty()) return "-";
  std::string out;
  for (size_t i = 0; i < v.size() && i < max; ++i) out += (i ? " " : "") + gname(v[i]);
  if (v.size() > max) out += " …(" + std::to_string(v.size()) + ")";
  return out;
}

std::string waiters(const std::vector<trace::WaiterInfo>& v, bool values, size_t max = 6) {
  if (v.empty()) return "-";
  std::string out;
  for (size_t i = 0; i < v.size() && i < max; ++i) {
    out += (i ? " " : "") + gname(v[i].goroutine);
    if (values) out += "(" + v[i].value + ")";
  }
  if (v.size() > max) out += " …(" + std::to_string(v.size()) + ")";
  return out;
}

std::string fit(std::string s, int width) {
  if (int(s.size()) > width) s = s.substr(0, size_t(width - 3)) + "...";
  return s + "\n";
}

const char* p_status(uint8_t s) {
  switch (rt::PStatus(s)) {
    case rt::PStatus::Idle: return "idle";
    case rt::PStatus::Running: return "running";
    case rt::PStatus::Retiring: return "retiring";
    case rt::PStatus::Dead: return "gone";
  }
  return "?";
}

const char* m_status(uint8_t s) {
  switch (rt::MStatus(s)) {
    case rt::MStatus::Idle: return "idle (asleep)";
    case rt::MStatus::Spinning: return "spinning (looking for work)";
    case rt::MStatus::Running: return "running";
  }
  return "?";
}

}  // namespace

std::string snapshot_text(const trace::Snapshot& s, int width) {
  std::map<uint64_t, std::string> object_names;
  for (auto& c : s.channels) object_names[c.id] = c.name.empty() ? "chan#" + std::to_string(c.id) : c.name;
  for (auto& l : s.locks) object_names[l.id] = l.name.empty() ? "lock#" + std::to_string(l.id) : l.name;
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "mode %s   GOMAXPROCS %d   goroutines %zu   t=%.2fs   %s\n",
                rt::to_string(rt::Mode(s.mode)), s.gomaxprocs, s.goroutines.size(), double(s.time_ns) / 1e9,
                s.running ? "running" : "ended");
  out += buf;

  out += "\nProcessors (P)          runnext   local run queue\n";
  for (auto& p : s.procs) {
    if (p.status == uint8_t(rt::PStatus::Dead)) continue;
    std::snprintf(buf, sizeof buf, "  P%-3d %-8s %-9s %-9s %s", p.id, p_status(p.status),
                  p.running ? gname(p.running).c_str() : "", gname(p.runnext).c_str(), ids(p.runq).c_str());
    out += fit(buf, width);
  }
  out += fit("  global run queue: " + ids(s.global_runq), width);

  out += "\nThreads (M)\n";
  for (auto& m : s.threads) {
    std::string on = m.p >= 0 ? "on P" + std::to_string(m.p) : "no P";
    if (m.bound) on = "bound to " + gname(m.bound);
    std::snprintf(buf, sizeof buf, "  M%-3d tid %-8llu %-12s %-28s %s", m.id, (unsigned long long)m.os_tid,
                  on.c_str(), m_status(m.status), m.running ? ("running " + gname(m.running)).c_str() : "");
    out += fit(buf, width);
  }

  out += "\nGoroutines      function            state (Go / the note's word)   waiting for\n";
  size_t shown = 0;
  for (auto& g : s.goroutines) {
    if (++shown > 16) {
      out += "  … " + std::to_string(s.goroutines.size() - 16) + " more\n";
      break;
    }
    auto st = rt::GState(g.state);
    std::string why;
    if (st == rt::GState::Waiting) {
      why = rt::go_string(rt::WaitReason(g.wait_reason));
      if (g.wait_object && object_names.count(g.wait_object)) why += " on " + object_names[g.wait_object];
    }
    std::string state = std::string(rt::go_word(st)) + " / " + rt::note_word(st);
    std::snprintf(buf, sizeof buf, "  %-6s %-24s %-30s %s", gname(g.id).c_str(), g.label.c_str(), state.c_str(),
                  why.c_str());
    out += fit(buf, width);
  }

  if (!s.channels.empty()) out += "\nChannels        buffer (oldest first)            queued senders (value) / receivers\n";
  for (auto& c : s.channels) {
    std::string boxes;
    for (auto& v : c.buffer) boxes += "[" + v + "]";
    for (uint32_t i = c.len; i < c.cap && i < 16; ++i) boxes += "[ ]";
    if (c.cap == 0) boxes = "(unbuffered)";
    std::snprintf(buf, sizeof buf, "  %-12s %s %-30s send: %s  recv: %s  (%llu sent)", object_names[c.id].c_str(),
                  c.closed ? "closed" : "", boxes.c_str(), waiters(c.senders, true).c_str(),
                  waiters(c.receivers, false).c_str(), (unsigned long long)c.sends);
    out += fit(buf, width);
  }

  if (!s.locks.empty()) out += "\nLocks\n";
  for (auto& l : s.locks) {
    std::string detail;
    switch (l.kind) {
      case trace::LockInfo::Kind::Mutex: detail = "Mutex     held by " + ids(l.holders); break;
      case trace::LockInfo::Kind::RWMutex:
        detail = "RWMutex   " + (l.readers ? std::to_string(l.readers) + " readers" : "held by " + ids(l.holders)) +
                 (l.writer_waiting ? ", a writer waits (new readers queue)" : "");
        break;
      case trace::LockInfo::Kind::WaitGroup: detail = "WaitGroup counter " + std::to_string(l.counter); break;
      case trace::LockInfo::Kind::Once: detail = std::string("Once      ") + (l.done ? "done" : "not done"); break;
      case trace::LockInfo::Kind::Cond: detail = "Cond"; break;
    }
    out += fit("  " + object_names[l.id] + std::string(14 - std::min<size_t>(13, object_names[l.id].size()), ' ') +
                   detail + "   waiting: " + waiters(l.waiters, false),
               width);
  }
  return out;
}

}  // namespace gopark::native
