// Session: compile, run in the background, sample snapshots and events (design in session.hpp).
#include "session/session.hpp"

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <sstream>
#include <utility>

#include "session/program.hpp"
#include "trace/chrome_json.hpp"
#include "trace/recorder.hpp"
#include "vm/machine.hpp"

namespace gopark::dash {


namespace {

// What the goroutines still alive at the end are told, by how the program ended.
std::string why_ended(rt::ExitKind end) {
  switch (end) {
    case rt::ExitKind::MainReturned: return "terminated because main returned";
    case rt::ExitKind::Panic: return "terminated by a panic";
    case rt::ExitKind::Fatal: return "terminated by a fatal error";
    case rt::ExitKind::Exit: return "terminated by os.Exit";
    case rt::ExitKind::Stopped: return "stopped";
    case rt::ExitKind::Deadlock: return "deadlocked";
  }
  return "ended with the program";
}

}  // namespace

// The state of one run, shared by the runner and sampler threads and the Session.
struct Session::Run {
  std::unique_ptr<vm::Machine> machine;
  RunSettings settings;
  // Step back by line: before the run goes on, a replay of it (`scan`, same image and settings,
  // its output dropped) finds where `back_goroutine` arrived at its last line before
  // `back_from`; the run then goes there (vm::Machine::scan_arrivals, hold_at_arrival).
  std::shared_ptr<const vm::Image> image;
  vm::MachineConfig scan_config;
  bool line_back = false;
  std::uint64_t back_goroutine = 0, back_from = 0;
  std::atomic<bool> scanning{false};
  vm::Machine* scan = nullptr;      // guarded by `mutex`; set while the scan runs
  bool stopped = false;             // guarded by `mutex`: stop() was called
  std::mutex mutex;                 // guards `finished` for the condition variable
  std::condition_variable wake;
  bool finished = false;            // the runner has seen the run end
  rt::ExitKind end = rt::ExitKind::MainReturned;  // how (guarded by `mutex` too)
};

Session::Session() = default;

Session::~Session() {
  stop();
  join();
}

void Session::join() {
  if (runner_.joinable()) runner_.join();
  if (sampler_.joinable()) sampler_.join();
  run_.reset();
}

void Session::stop() {
  if (!run_ || !run_->machine) return;
  {
    std::lock_guard lock(run_->mutex);
    run_->stopped = true;
    if (run_->scan) run_->scan->stop();
  }
  run_->machine->stop();
}

int Session::set_procs(int n) {
  if (!run_ || !run_->machine || !running()) return 0;
  return run_->machine->runtime().gomaxprocs(n);
}

void Session::set_paused(bool paused) {
  if (run_ && run_->machine && running()) run_->machine->set_paused(paused);
}

bool Session::paused() const { return run_ && run_->machine && running() && run_->machine->paused(); }

void Session::step_event() {
  back_target_ = UINT64_MAX;
  if (run_ && run_->machine && running()) run_->machine->step_event();
}

void Session::step_line(std::uint64_t id) {
  back_target_ = UINT64_MAX;
  if (run_ && run_->machine && running()) run_->machine->step_line(id);
}

bool Session::stepping() const {
  return run_ && run_->machine && running() &&
         (run_->scanning.load(std::memory_order_acquire) || run_->machine->stepping());
}

std::uint64_t Session::position() const {
  return run_ && run_->machine && simulated() ? run_->machine->position() : 0;
}

bool Session::line_back(std::uint64_t goroutine, std::uint64_t from) {
  back_target_ = UINT64_MAX;
  if (!simulated() || goroutine == 0) return false;
  line_back_ = {goroutine, from};
  const bool ok = restart_paused();
  line_back_ = {};
  return ok;
}

void Session::set_speed(double lines_per_second) {
  if (run_ && run_->machine && running()) run_->machine->set_speed(lines_per_second);
}

std::shared_ptr<const Frame> Session::frame() const {
  std::lock_guard lock(frame_mutex_);
  return frame_;
}

void Session::publish(std::shared_ptr<const Frame> frame) {
  std::lock_guard lock(frame_mutex_);
  frame_ = std::move(frame);
}

void Session::append_output(bool is_stderr, std::string_view text) {
  if (text.empty()) return;
  std::lock_guard lock(output_mutex_);
  output_version_.fetch_add(1, std::memory_order_acq_rel);
  if (!output_.empty() && output_.back().is_stderr == is_stderr) {
    output_.back().text.append(text);
  } else {
    output_.push_back({is_stderr, std::string(text)});
  }
  output_bytes_ += text.size();
  if (output_bytes_ <= max_output_) return;
  // Over the cap: drop the oldest output, whole lines, and say so at the top (a program printing
  // forever keeps running, visibly). Halfway down, so that this happens once per half-cap.
  static constexpr std::string_view kDropped = "[earlier output dropped]\n";
  if (!output_.empty() && output_.front().text.rfind(kDropped, 0) == 0) {
    output_bytes_ -= output_.front().text.size();
    output_.erase(output_.begin());
  }
  std::size_t excess = output_bytes_ - max_output_ / 2;
  while (excess > 0 && !output_.empty()) {
    std::string& first = output_.front().text;
    if (first.size() <= excess) {
      excess -= first.size();
      output_bytes_ -= first.size();
      output_.erase(output_.begin());
      continue;
    }
    std::size_t cut = first.find('\n', excess - 1);
    cut = cut == std::string::npos ? first.size() : cut + 1;
    output_bytes_ -= cut;
    first.erase(0, cut);
    if (first.empty()) output_.erase(output_.begin());
    excess = 0;
  }
  output_.insert(output_.begin(), OutputChunk{true, std::string(kDropped)});
  output_bytes_ += kDropped.size();
}

std::vector<OutputChunk> Session::output() const {
  std::lock_guard lock(output_mutex_);
  return output_;
}

std::string Session::output_text() const {
  std::lock_guard lock(output_mutex_);
  std::string all;
  for (const OutputChunk& c : output_) all += c.text;
  return all;
}

std::string Session::stdout_text() const {
  std::lock_guard lock(output_mutex_);
  std::string out;
  for (const OutputChunk& c : output_) {
    if (!c.is_stderr) out += c.text;
  }
  return out;
}

std::string Session::ending() const {
  std::lock_guard lock(output_mutex_);
  return ending_;
}

std::string Session::trace_json() const {
  const trace::Recorder* recorder = run_ && run_->machine ? run_->machine->runtime().recorder() : nullptr;
  if (!recorder) return "";
  std::ostringstream out;
  trace::write_chrome_json(recorder->events(), out);
  return out.str();
}

bool Session::export_trace(const std::string& path, std::string* why) const {
  const trace::Recorder* recorder = run_ && run_->machine ? run_->machine->runtime().recorder() : nullptr;
  if (!recorder) {
    *why = "no run to export yet";
    return false;
  }
  std::ofstream out(path);
  if (!out) {
    *why = "cannot write " + path;
    return false;
  }
  trace::write_chrome_json(recorder->events(), out);
  out.close();
  if (!out) {
    *why = "cannot write " + path;
    return false;
  }
  return true;
}

bool Session::simulated() const { return run_ && run_->machine && run_->machine->simulated(); }

std::uint64_t Session::step() const { return run_ && run_->machine ? run_->machine->runtime().sched_events() : 0; }

bool Session::restart_paused() {
  RunSettings settings = last_settings_;
  settings.start_paused = true;
  const std::uint64_t seen = steps_seen_.load(std::memory_order_acquire);
  std::vector<SourceError> errors;
  std::string source = last_source_, file = last_file_;
  bool ok = start(source, file, settings, errors);
  steps_seen_.store(seen, std::memory_order_release);  // the same run: what it reached still counts
  return ok;
}

std::uint64_t Session::back_target() {
  const std::uint64_t from = step();
  std::uint64_t target = from > 0 ? from - 1 : 0;
  if (back_target_ < from) target = back_target_ > 0 ? back_target_ - 1 : 0;  // it landed past its target
  back_target_ = target;
  return target;
}

bool Session::seek(std::uint64_t k) {
  if (k != back_target_) back_target_ = UINT64_MAX;
  if (!simulated()) return false;
  if (!running() || k < step()) {
    if (!restart_paused()) return false;
  }
  run_->machine->hold_at_event(k);
  {
    std::lock_guard lock(run_->mutex);  // the sampler watches a seek closely (see its loop)
    run_->wake.notify_all();
  }
  return true;
}

// The runner's first work for a step back by line (see Run): the scan, then the hold.
void Session::line_back_scan(Run& run) {
  vm::Machine scan(run.image, run.scan_config);
  {
    std::lock_guard lock(run.mutex);
    if (run.stopped) return;
    run.scan = &scan;
  }
  scan.set_paused(true);  // held at step 0, to be watched from there (as the run will be)
  scan.start();
  scan.scan_arrivals(run.back_goroutine, run.back_from);
  while (scan.stepping() && !scan.runtime().finished()) std::this_thread::sleep_for(std::chrono::microseconds(200));
  const std::vector<std::uint64_t> arrivals = scan.arrivals();
  {
    std::lock_guard lock(run.mutex);
    run.scan = nullptr;
  }
  scan.stop();
  scan.wait();
  // No earlier line (the goroutine had not run one yet): the run stays held at its start.
  if (!arrivals.empty()) run.machine->hold_at_arrival(run.back_goroutine, arrivals.back());
}

bool Session::start(const std::string& source, const std::string& file_name, const RunSettings& settings,
                    std::vector<SourceError>& errors) {
  stop();
  join();
  const bool same = source == last_source_ && file_name == last_file_ && settings.mode == last_settings_.mode &&
                    settings.seed == last_settings_.seed && settings.procs == last_settings_.procs;
  if (!same) steps_seen_.store(0, std::memory_order_release);
  last_source_ = source;
  last_file_ = file_name;
  last_settings_ = settings;
  {
    std::lock_guard lock(output_mutex_);
    output_version_.fetch_add(1, std::memory_order_acq_rel);
    output_.clear();
    output_bytes_ = 0;
    max_output_ = settings.max_output;
    ending_.clear();
  }
  exit_code_.store(-1, std::memory_order_release);
  std::string report;
  auto image = compile_source(source, file_name, errors, report);
  if (!image) {
    publish(nullptr);  // the panels no longer show the last run's goroutines as if they were this one's
    append_output(true, report);
    std::lock_guard lock(output_mutex_);
    ending_ = "exit status 1";
    exit_code_.store(1, std::memory_order_release);
    return false;
  }

  run_ = std::make_unique<Run>();
  run_->settings = settings;
  vm::MachineConfig config = engine::machine_config(settings, file_name);
  config.runtime.trace = true;
  config.runtime.trace_max_events = std::size_t(1) << 20;
  if (line_back_.first != 0 && settings.mode == rt::Mode::Sim) {
    run_->line_back = true;
    run_->scanning.store(true, std::memory_order_release);
    run_->back_goroutine = line_back_.first;
    run_->back_from = line_back_.second;
    run_->image = image;
    run_->scan_config = config;  // the same run, unseen
    run_->scan_config.output.out = [](std::string_view) {};
    run_->scan_config.output.err = [](std::string_view) {};
  }
  config.output.out = [this](std::string_view s) { append_output(false, s); };
  config.output.err = [this](std::string_view s) { append_output(true, s); };
  run_->machine = std::make_unique<vm::Machine>(image, std::move(config));
  run_->machine->set_speed(settings.speed);
  run_->machine->set_paused(settings.start_paused);
  publish(nullptr);
  running_.store(true, std::memory_order_release);
  runs_.fetch_add(1, std::memory_order_acq_rel);

  // Started here, not on the runner: a stop() right after start() must find it running.
  run_->machine->start();
  Run* run = run_.get();
  runner_ = std::thread([this, run] {
    if (run->line_back) {
      line_back_scan(*run);
      run->scanning.store(false, std::memory_order_release);
    }
    rt::RunResult result = run->machine->wait();
    std::string report = result.go_run_tail();
    int code = result.exit_code;
    if (result.kind == rt::ExitKind::Stopped && result.message == "program stopped") report = "stopped\n";
    exit_code_.store(result.kind == rt::ExitKind::Stopped ? -1 : code, std::memory_order_release);
    append_output(true, report);
    {
      std::lock_guard lock(output_mutex_);
      ending_ = report;
    }
    std::lock_guard lock(run->mutex);
    run->finished = true;
    run->end = result.kind;
    run->wake.notify_all();
  });

  sampler_ = std::thread([this, run] {
    rt::Runtime& runtime = run->machine->runtime();
    // The timeline and the event buffer outlive the run (the sampler of the next one reuses their
    // memory: a seek behind runs the program again, and fresh pages cost more than the copying).
    Timeline& timeline = timeline_;
    timeline.reset(run->settings.timeline_ms);
    std::vector<trace::Event>& events = sample_events_;
    trace::Recorder::Cursor cursor;
    ViewModel last;
    EndedGoroutines gone;
    std::vector<RaceView> races;  // the detector's reports, copied again only when there are more
    auto sample = [&](bool final, rt::ExitKind end) {
      // The last frame is drawn from the runtime's picture at the end, when it has one (the
      // last sample may be up to a sampling period old).
      const trace::Snapshot* at_end = final ? runtime.end_snapshot() : nullptr;
      const bool held_before = runtime.sim_holding();
      if (at_end || !final) {
        last = build_view_model(at_end ? *at_end : runtime.snapshot());
        gone.update(last);
      }
      events.clear();
      if (const trace::Recorder* recorder = runtime.recorder()) recorder->read_new(cursor, events, Timeline::kMaxBatch);
      timeline.add(events);
      double now = double(runtime.trace_now_ns()) / 1e6;  // the trace's clock (sim: virtual)
      const std::uint64_t step = runtime.sched_events();
      if (step > steps_seen_.load(std::memory_order_relaxed)) steps_seen_.store(step, std::memory_order_release);
      timeline.set_now(now);
      auto frame = std::make_shared<Frame>();
      frame->view = last;
      if (const vm::Races* detector = run->machine->races(); detector && detector->found() != races.size()) {
        races.clear();
        for (const vm::RaceReport& r : detector->reports()) {
          races.push_back({r.goroutine, r.previous_goroutine, r.write, r.previous_write, r.line, r.previous_line,
                           r.text});
        }
      }
      frame->view.races = races;
      if (final && end == rt::ExitKind::Deadlock) {
        ended_in_deadlock(frame->view);
      } else if (final) {
        ended(frame->view, why_ended(end));
      }
      frame->slices = timeline.slices();
      frame->marks = timeline.marks();
      frame->gc_pauses = timeline.gc_pauses();
      frame->lanes = timeline.lanes();
      frame->now_ms = now;
      frame->step = step;
      frame->simulated = runtime.config().mode == rt::Mode::Sim;
      frame->held = held_before && runtime.sim_holding() && runtime.sched_events() == step;
      publish(std::move(frame));
    };
    // A simulated run on its way to a held step (a seek) is not sampled: its frames would be gone
    // at once, and the sampler would take a core from the simulation. It is watched closely
    // instead, so that the step's frame comes as soon as the run holds there.
    // (A step back by line: its scan, then the replay to the goroutine's line.)
    auto seeking = [&] {
      return runtime.config().mode == rt::Mode::Sim && !runtime.finished() &&
             (run->scanning.load(std::memory_order_acquire) || run->machine->stepping());
    };
    std::unique_lock lock(run->mutex);
    while (!run->finished) {
      lock.unlock();
      if (!seeking()) sample(false, rt::ExitKind::MainReturned);
      lock.lock();
      run->wake.wait_for(lock, std::chrono::milliseconds(seeking() ? 1 : 33), [run] { return run->finished; });
    }
    rt::ExitKind end = run->end;
    lock.unlock();
    sample(true, end);
    running_.store(false, std::memory_order_release);
  });
  return true;
}

}  // namespace gopark::dash
