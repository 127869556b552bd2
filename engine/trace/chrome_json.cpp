#include "trace/chrome_json.hpp"

#include <cstdio>
#include <map>
#include <string>

#include "trace/json.hpp"
#include "trace/states.hpp"

namespace gopark::trace {

namespace {

constexpr int kProcsPid = 1;
constexpr int kGoroutinesPid = 2;

std::string json_string(const std::string& s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

std::string micros(int64_t ns) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", double(ns) / 1000.0);
  return buf;
}

// A slice that is open on a track: what it is called and when it began.
struct Open {
  std::string name;
  int64_t since = 0;
  bool open = false;
};

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) { out_ << "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n"; }
  ~Writer() { out_ << "\n]}\n"; }

  void meta(int pid, int64_t tid, const char* what, const std::string& name) {
    next() << "{\"ph\":\"M\",\"pid\":" << pid << ",\"tid\":" << tid << ",\"name\":\"" << what
           << "\",\"args\":{\"name\":" << json_string(name) << "}}";
  }
  void slice(int pid, int64_t tid, const Open& o, int64_t end, const char* category) {
    if (!o.open) return;
    next() << "{\"ph\":\"X\",\"pid\":" << pid << ",\"tid\":" << tid << ",\"ts\":" << micros(o.since)
           << ",\"dur\":" << micros(end - o.since) << ",\"cat\":\"" << category
           << "\",\"name\":" << json_string(o.name) << "}";
  }
  void instant(int pid, int64_t tid, int64_t ts, const std::string& name, const char* scope = "t") {
    next() << "{\"ph\":\"i\",\"s\":\"" << scope << "\",\"pid\":" << pid << ",\"tid\":" << tid
           << ",\"ts\":" << micros(ts) << ",\"name\":" << json_string(name) << "}";
  }

 private:
  std::ostream& next() {
    if (!first_) out_ << ",\n";
    first_ = false;
    return out_;
  }
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

void write_chrome_json(const std::vector<Event>& events, std::ostream& out) {
  Writer w(out);
  w.meta(kProcsPid, 0, "process_name", "Processors (P)");
  w.meta(kGoroutinesPid, 0, "process_name", "Goroutines");
  std::map<uint64_t, std::string> names;  // goroutine id -> "G7 main.worker"
  std::map<uint64_t, Open> g_state;       // the state slice open on each goroutine's track
  std::map<int, Open> p_running;          // the goroutine slice open on each P's track
  std::map<uint64_t, int> g_on_p;
  auto gname = [&](uint64_t g) {
    auto it = names.find(g);
    return it != names.end() ? it->second : "G" + std::to_string(g);
  };
  auto set_state = [&](uint64_t g, int64_t ts, std::string name) {
    Open& o = g_state[g];
    w.slice(kGoroutinesPid, int64_t(g), o, ts, "state");
    o = Open{std::move(name), ts, true};
  };
  auto leave_p = [&](uint64_t g, int64_t ts) {
    auto it = g_on_p.find(g);
    if (it == g_on_p.end()) return;
    Open& o = p_running[it->second];
    w.slice(kProcsPid, it->second, o, ts, "run");
    o.open = false;
    g_on_p.erase(it);
  };
  int64_t last_ts = 0;
  for (const Event& e : events) {
    last_ts = e.ts_ns;
    switch (e.kind) {
      case EventKind::GoCreate: {
        auto* label = reinterpret_cast<const char*>(uintptr_t(e.obj));
        names[e.g] = "G" + std::to_string(e.g) + (label && *label ? std::string(" ") + label : "");
        w.meta(kGoroutinesPid, int64_t(e.g), "thread_name", names[e.g]);
        set_state(e.g, e.ts_ns, "initial");
        break;
      }
      case EventKind::GoStart:
        if (e.p >= 0) {
          Open& o = p_running[e.p];
          w.slice(kProcsPid, e.p, o, e.ts_ns, "run");
          o = Open{gname(e.g), e.ts_ns, true};
          g_on_p[e.g] = e.p;
        }
        set_state(e.g, e.ts_ns, "running");
        break;
      case EventKind::GoBlock:
        leave_p(e.g, e.ts_ns);
        set_state(e.g, e.ts_ns, std::string("waiting: ") + go_string(WaitReason(e.detail)));
        break;
      case EventKind::GoYield:
      case EventKind::GoPreempt:
      case EventKind::GoUnblock:
        leave_p(e.g, e.ts_ns);
        set_state(e.g, e.ts_ns, "runnable");
        if (e.kind != EventKind::GoUnblock) w.instant(kGoroutinesPid, int64_t(e.g), e.ts_ns, name(e.kind));
        break;
      case EventKind::GoEnd: {
        leave_p(e.g, e.ts_ns);
        Open& o = g_state[e.g];
        w.slice(kGoroutinesPid, int64_t(e.g), o, e.ts_ns, "state");
        o.open = false;
        w.instant(kGoroutinesPid, int64_t(e.g), e.ts_ns, std::string("end: ") + describe(EndReason(e.detail)));
        break;
      }
      case EventKind::ProcsChange:
        w.instant(kProcsPid, 0, e.ts_ns, "GOMAXPROCS " + std::to_string(e.obj) + " -> " + std::to_string(e.arg), "g");
        break;
      case EventKind::ChanSend:
      case EventKind::ChanRecv:
      case EventKind::ChanClose:
      case EventKind::LockAcquire:
      case EventKind::LockContend:
      case EventKind::LockRelease:
      case EventKind::SyncOp:
        if (e.g) w.instant(kGoroutinesPid, int64_t(e.g), e.ts_ns, std::string(name(e.kind)) + " #" + std::to_string(e.obj));
        break;
      case EventKind::ProcStart:
      case EventKind::ProcStop:
      case EventKind::ChanMake:
      case EventKind::TimerFire:
      case EventKind::GcStart:
      case EventKind::GcEnd:
      case EventKind::Count:
        break;
    }
  }
  for (auto& [p, o] : p_running) w.slice(kProcsPid, p, o, last_ts, "run");
  for (auto& [g, o] : g_state) w.slice(kGoroutinesPid, int64_t(g), o, last_ts, "state");
  for (int p = 0; p < 256; ++p) {
    if (p_running.count(p)) w.meta(kProcsPid, p, "thread_name", "P" + std::to_string(p));
  }
}

}  // namespace gopark::trace
