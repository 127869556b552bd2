// Runtime lifecycle: start, the ways a run ends, deadlock detection, and teardown.
#include "runtime/runtime.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "runtime/object.hpp"
#include "runtime/random.hpp"
#include "runtime/sim.hpp"
#include "runtime/tls.hpp"
#include "runtime/waitq.hpp"

namespace gopark::rt {

namespace tls {
thread_local constinit G* g = nullptr;
thread_local constinit M* m = nullptr;
thread_local constinit Runtime* runtime = nullptr;
thread_local constinit trace::Sink* sink = nullptr;
thread_local constinit uint64_t rng = 0;
}  // namespace tls

Runtime* current_runtime() { return tls::runtime; }

void internal_error(const char* what) {
  std::fprintf(stderr, "gopark internal error: %s\n", what);
  std::fflush(stderr);
  std::abort();
}

void api_misuse(const char* what) {
  std::fprintf(stderr, "gopark: misuse of the C++ API: %s\n", what);
  std::fflush(stderr);
  std::abort();
}

int Runtime::num_cpu() {
  unsigned n = std::thread::hardware_concurrency();
  return n ? int(n) : 1;
}

int default_max_threads() {
#ifdef __EMSCRIPTEN__
  return 12;  // the wasm build's worker pool is small; the web shell may set its own cap
#else
  return 10000;  // Go's limit
#endif
}

namespace {

Config normalized(Config c) {
  if (c.procs < 1) c.procs = c.mode == Mode::Sim ? kSimCpus : Runtime::num_cpu();
  c.procs = std::min(c.procs, kMaxProcs);
  if (c.max_threads < 1) c.max_threads = 1;
  if (c.time_slice_ns < 1'000'000) c.time_slice_ns = 1'000'000;
  return c;
}

}  // namespace

Runtime::Runtime(Config config) : config_(normalized(config)), epoch_(std::chrono::steady_clock::now()) {
  if (config_.mode == Mode::Sim) {
    seed_ = config_.seed;  // 0 included: a simulated run is the same run every time
    sim_ = std::make_unique<SimPolicy>(seed_);
  } else {
    seed_ = config_.seed ? config_.seed : (uint64_t(std::random_device{}()) << 32) ^ std::random_device{}();
  }
  if (config_.trace) recorder_ = std::make_unique<trace::Recorder>(config_.trace_max_events);
  if (config_.race) race_ = std::make_unique<race::Detector>();
  procs_.store(config_.procs, std::memory_order_relaxed);
}

Runtime::~Runtime() {
  if (started_.load()) {
    stop();
    wait();
  }
  std::lock_guard lock(registry_mutex_);
  for (Object* o = objects_; o;) {
    Object* next = o->next_;
    o->prev_ = o->next_ = nullptr;
    o->owner_.store(nullptr, std::memory_order_release);
    o = next;
  }
  objects_ = nullptr;
}

int64_t Runtime::wall_ns() const {
  if (config_.mode == Mode::Sim) return kSimEpochNs + now_ns();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

uint32_t Runtime::rand32() {
  // wyrand: fast, good enough for select fairness and steal order.
  if (tls::runtime != this || tls::rng == 0) {
    // A thread outside the runtime: a fresh generator each time is fine (rare).
    static std::atomic<uint64_t> counter{0};
    tls::rng = splitmix(seed_ ^ counter.fetch_add(1));
  }
  return uint32_t(wyrand(tls::rng));
}

const trace::Snapshot* Runtime::end_snapshot() const {
  std::lock_guard lock(end_mutex_);
  return end_snapshot_.get();
}

void Runtime::emit(trace::EventKind kind, uint64_t g, uint64_t obj, int64_t arg, uint8_t detail) {
  if (!recorder_) return;
  if (kind <= trace::EventKind::GoEnd) {
    const uint64_t n = sched_events_.fetch_add(1, std::memory_order_acq_rel) + 1;
    // Sim mode: the event a hold waits for ends the running goroutine's slice here (sim_hold_at).
    if (config_.mode == Mode::Sim && n >= sim_hold_at_.load(std::memory_order_relaxed) && tls::g &&
        tls::runtime == this)
      tls::g->sim_hold.store(true, std::memory_order_relaxed);
  }
  trace::Event e;
  // The simulation's own thread: count the running slice's instructions so far too, so that a
  // timestamp does not depend on where slices were cut (a hold splits one in two).
  e.ts_ns = config_.mode == Mode::Sim && tls::runtime == this ? now_ns() + int64_t(sim_position()) : trace_now_ns();
  e.g = g;
  e.obj = obj;
  e.arg = arg;
  e.kind = kind;
  e.detail = detail;
  if (tls::runtime == this && tls::sink) {
    if (tls::m) {
      e.m = int16_t(tls::m->id);
      e.p = tls::m->p ? int16_t(tls::m->p->id) : int16_t(-1);
    }
    tls::sink->emit(e);
  } else {
    recorder_->emit_shared(e);
  }
}

void Runtime::start(Body& body, void* body_data, const char* label) {
  if (started_.exchange(true)) internal_error("Runtime::start called twice");
  if (config_.mode == Mode::Sim) {
    // No timer thread: the simulation fires timers itself. Main is queued before the one M
    // exists, so the simulation's state is only ever touched by that M.
    if (recorder_) timer_sink_ = recorder_->new_sink();
    G* main = spawn(body, body_data, label, nullptr);
    if (!main) internal_error("could not create the main goroutine");
    SpinGuard lock(sched_lock_);
    sim_started_ = true;
    launch(*new_m());
    return;
  }
  if (config_.mode != Mode::Threads) {
    SpinGuard lock(sched_lock_);
    resize_procs(config_.mode == Mode::Coroutines ? 1 : config_.procs);
  }
  if (recorder_) timer_sink_ = recorder_->new_sink();
  timer_thread_ = std::thread([this] { timer_main(); });
  G* main = spawn(body, body_data, label, nullptr);
  if (!main) internal_error("could not create the main goroutine");
}

void Runtime::stop(std::string message) {
  RunResult req;
  req.kind = ExitKind::Stopped;
  req.exit_code = 130;  // as a shell reports a program stopped by SIGINT
  req.message = std::move(message);
  end_program(std::move(req));
}

void Runtime::fail(std::string prefix, std::string message) {
  RunResult req;
  req.kind = ExitKind::Fatal;
  req.exit_code = 2;
  req.prefix = std::move(prefix);
  req.message = std::move(message);
  end_program(std::move(req));
}

void Runtime::end_program(RunResult req) {
  // Taken before end_mutex_ (snapshot() takes the scheduler's locks), before anything is killed.
  // A losing second ending takes one for nothing; endings are rare.
  std::unique_ptr<trace::Snapshot> picture;
  if (recorder_) picture = std::make_unique<trace::Snapshot>(snapshot());
  {
    std::lock_guard lock(end_mutex_);
    if (exiting_.load(std::memory_order_relaxed)) return;  // the first ending wins
    end_snapshot_ = std::move(picture);
    switch (req.kind) {
      case ExitKind::Stopped: kill_reason_ = EndReason::Stopped; break;
      case ExitKind::Deadlock: kill_reason_ = EndReason::Deadlocked; break;
      default: kill_reason_ = EndReason::MainReturned; break;
    }
    if (req.kind == ExitKind::Deadlock && req.goroutines.empty()) dump_goroutines(req.goroutines, nullptr);
    result_ = std::move(req);
    exiting_.store(true, std::memory_order_seq_cst);
  }
  // Ask running goroutines to stop at their next safe point...
  {
    std::lock_guard lock(all_gs_mutex_);
    for (auto& g : all_gs_) {
      if (g->state.load(std::memory_order_relaxed) != GState::Dead) g->preempt.store(true);
    }
  }
  // ...wake every M so it sees `exiting_`, and the timer thread so it quits.
  {
    SpinGuard lock(sched_lock_);
    for (auto& m : all_ms_) m->note.wake();
  }
  {
    std::lock_guard lock(timer_mutex_);
    timer_quit_ = true;
  }
  timer_cond_.notify_all();
  {
    std::lock_guard lock(sim_hold_mutex_);  // a holding simulation sees exiting_ and returns
  }
  sim_hold_cv_.notify_all();
  end_cond_.notify_all();
}

RunResult Runtime::wait() {
  {
    std::unique_lock lock(end_mutex_);
    if (!started_.load()) internal_error("Runtime::wait before start");
    end_cond_.wait(lock, [&] { return exiting_.load(); });
    if (waited_) return result_;
    waited_ = true;
  }
  teardown();
  std::lock_guard lock(end_mutex_);
  return result_;
}

void Runtime::teardown() {
  if (timer_thread_.joinable()) timer_thread_.join();
  // No M is created after exiting_ is set (new_m checks it under the scheduler lock), so this list is
  // final.
  std::vector<M*> ms;
  {
    SpinGuard lock(sched_lock_);
    for (auto& m : all_ms_) ms.push_back(m.get());
  }
  for (M* m : ms) {
    if (m->thread.joinable()) m->thread.join();
  }
  // No thread of this runtime runs now. Timers first: a sleeping goroutine's timer lives in its frame.
  {
    std::lock_guard lock(timer_mutex_);
    for (TimerTask* t : timer_heap_) {
      t->status = TimerTask::Status::Idle;
      t->heap_index = -1;
      if (t->release) t->release(*t);
    }
    timer_heap_.clear();
    timers_live_.store(0);
  }
  // Unlink every parked goroutine's waiters (under the registry mutex, which snapshots take before they
  // look into any queue), then destroy the goroutines' frames.
  std::vector<G*> alive;
  {
    std::lock_guard lock(all_gs_mutex_);
    for (auto& g : all_gs_) {
      if (g->state.load(std::memory_order_relaxed) != GState::Dead) alive.push_back(g.get());
    }
  }
  {
    std::lock_guard lock(registry_mutex_);
    for (G* g : alive) {
      for (Waiter* w = g->waiting; w; w = w->g_next) {
        if (w->queue) w->queue->remove(*w);
      }
      g->waiting = nullptr;
    }
  }
  // The goroutine whose panic, fatal error or os.Exit ended the run is still here (its frame is kept until
  // now, see end_g) but it was not killed.
  const bool failed = result_.kind == ExitKind::Panic || result_.kind == ExitKind::Fatal;
  const bool by_goroutine = failed || result_.kind == ExitKind::Exit;
  uint64_t killed = 0;
  for (G* g : alive) {
    g->state.store(GState::Dead, std::memory_order_relaxed);
    const bool culprit = by_goroutine && g->id.load() == result_.goroutine;
    killed += !culprit;
    emit(trace::EventKind::GoEnd, g->id, 0, 0,
         uint8_t(culprit && failed ? EndReason::Panicked : kill_reason_));
    if (g->body) g->body->destroy(*g);
    g->body = nullptr;
    count_goroutine(nullptr, -1);
  }
  {
    SpinGuard lock(sched_lock_);
    while (global_runq_.pop_front()) {
    }
    global_runq_size_.store(0);
    for (int i = 0; i < n_ps_.load(); ++i) {
      P& p = *all_ps_[i];
      while (p.runq.pop()) {
      }
      p.status.store(PStatus::Dead);
      p.current.store(nullptr);
      p.m_id.store(-1);
    }
    for (auto& m : all_ms_) {
      m->status.store(MStatus::Idle);
      m->p_id.store(-1);
      m->running_gid.store(0);
    }
  }
  std::lock_guard lock(end_mutex_);
  result_.killed = killed;
}

// ---- deadlock ----

void Runtime::check_dead_locked(RunResult& req, bool& dead) {
  dead = false;
  if (exiting_.load() || active_ms_.load() > 0) return;
  // As Go's checkdead: with main gone through Goexit and nobody left, it is over whatever timers say.
  if (count_goroutines() == 0) {
    if (!main_goexited_.load()) return;
    req.kind = ExitKind::Fatal;
    req.exit_code = 2;
    req.message = "no goroutines (main called runtime.Goexit) - deadlock!";
    dead = true;
    return;
  }
  if (timers_live_.load() > 0) return;  // a timer may still wake someone
  // Every M is asleep and no timer can wake one: queued work now would never run.
  bool stranded = global_runq_size_.load() > 0;
  for (int i = 0, n = n_ps_.load(); i < n && !stranded; ++i) stranded = !all_ps_[i]->runq.empty();
  if (stranded) internal_error("runnable goroutines are queued but every M is asleep (lost wake-up)");
  req.kind = ExitKind::Deadlock;
  req.exit_code = 2;
  req.message = "all goroutines are asleep - deadlock!";
  dead = true;
}

void Runtime::check_dead() {
  RunResult req;
  bool dead = false;
  {
    SpinGuard lock(sched_lock_);
    check_dead_locked(req, dead);
  }
  if (dead) end_program(std::move(req));
}

// Go's goroutine dump: goroutines in id order, `first` (if any) marked running and listed first.
void Runtime::dump_goroutines(std::string& out, const G* first) const {
  std::vector<const G*> gs;
  {
    std::lock_guard lock(all_gs_mutex_);
    for (auto& g : all_gs_) {
      if (g->state.load(std::memory_order_relaxed) != GState::Dead && g.get() != first) gs.push_back(g.get());
    }
  }
  std::sort(gs.begin(), gs.end(), [](const G* a, const G* b) { return a->id < b->id; });
  if (first) gs.insert(gs.begin(), first);
  for (const G* g : gs) {
    if (!out.empty()) out += "\n";
    out += "goroutine " + std::to_string(g->id.load()) + " [";
    GState st = g->state.load(std::memory_order_relaxed);
    if (g == first || st == GState::Running) out += "running";
    else if (st == GState::Waiting) out += go_string(g->wait_reason.load(std::memory_order_relaxed));
    else out += "runnable";
    out += "]:\n";
    if (g->body) g->body->traceback(*g, out);
  }
}

std::string RunResult::go_run_tail() const {
  std::string s = report();
  if (exit_code != 0) s += "exit status " + std::to_string(exit_code) + "\n";
  return s;
}

std::string RunResult::report() const {
  switch (kind) {
    case ExitKind::MainReturned:
    case ExitKind::Exit:
      return "";
    case ExitKind::Stopped:
      return "gopark: " + message + "\n";
    case ExitKind::Panic:
      return "panic: " + message + "\n\n" + goroutines;
    case ExitKind::Fatal:
    case ExitKind::Deadlock:
      return prefix + "fatal error: " + message + "\n" + (goroutines.empty() ? "" : "\n" + goroutines);
  }
  return "";
}

}  // namespace gopark::rt
