#pragma once
// Session: one program run for the dashboard, in the background. The UI thread starts, stops and
// reconfigures it and reads what it publishes; it never waits for the engine.
//
// Design
// - start() compiles on the caller's thread (small programs compile in milliseconds; errors must
//   come back at once to be marked in the editor), then a runner thread starts the Machine and
//   waits for its end, and a sampler thread takes a snapshot and the new trace events about 30
//   times a second, builds the view-model and the timeline, and publishes them by swapping a
//   shared_ptr under a mutex held only for the swap. The UI copies the pointer: drawing never
//   races the sampler, and a slow frame never slows the program.
// - Output arrives from goroutines on any thread; it is appended under a mutex to one transcript
//   (stdout and stderr chunks in order), capped so a program printing without end cannot take
//   all the memory (the oldest part is dropped, and the transcript says so).
// - stop() is asynchronous (Runtime::stop: goroutines end at their next safe point, even in
//   `for {}`); the destructor stops and joins. A Session runs one program at a time: start()
//   on a running session stops the old run first.
// - Memory: the Machine's heap has a cap (MachineConfig::memory_limit); a program past it ends
//   with Go's out-of-memory fatal error, reported like any other ending.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "model/view_model.hpp"
#include "run/settings.hpp"
#include "runtime/runtime.hpp"

namespace gopark::dash {

// A run as the dashboard starts it: the engine's settings (engine/run/settings.hpp: GOMAXPROCS,
// mode, seed, speed, memory, and their limits) and what only a dashboard keeps of a run.
struct RunSettings : engine::RunSettings {
  // A page has far less memory than a process: the heap's cap is lower than the CLI's.
  static constexpr std::size_t kMemoryLimit = std::size_t(512) << 20;
  RunSettings() { memory_limit = kMemoryLimit; }
  std::size_t max_output = std::size_t(4) << 20;   // bytes of transcript kept
  double timeline_ms = 10000;           // timeline history kept
  bool start_paused = false;            // hold main before its first line (to Step from there)
};

// A compile error, positioned for the editor.
struct SourceError {
  int line = 0, col = 0;
  std::string message;
};

struct OutputChunk {
  bool is_stderr = false;
  std::string text;
};

// What the sampler publishes: one frame of the run.
struct Frame {
  ViewModel view;
  std::vector<TimelineSlice> slices;
  std::vector<TimelineMark> marks;
  std::vector<std::pair<double, double>> gc_pauses;
  int lanes = 0;
  double now_ms = 0;
  std::uint64_t step = 0;  // goroutine state changes so far (a simulated run's step)
  bool held = false;       // a simulated run held all the while the frame was taken: it is that step's
  bool simulated = false;  // a simulated run: its times are virtual (one instruction is 1 ns)
};

class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Compiles and, if that succeeds, starts `source` (named `file_name` in messages). Returns
  // false with the compile errors in `errors` (and the formatted report in the transcript).
  bool start(const std::string& source, const std::string& file_name, const RunSettings& settings,
             std::vector<SourceError>& errors);
  // Ends the run soon (asynchronous). Nothing happens when no run is going.
  void stop();
  // A run was started and has not ended yet.
  bool running() const { return running_.load(std::memory_order_acquire); }
  // runtime.GOMAXPROCS(n) on the live run; returns the previous value (0 when not running).
  int set_procs(int n);
  // Pause/Resume the live run (vm::Machine::set_paused); nothing when not running.
  void set_paused(bool paused);
  bool paused() const;
  // Step while paused (vm::Machine::step_event / step_line): on to the next goroutine state
  // change anywhere, or one source line of goroutine `id`. Nothing when not running or not paused.
  void step_event();
  void step_line(std::uint64_t id);
  bool stepping() const;
  // Slow motion: at most this many source lines a second per P; 0 is full speed. Also kept for
  // the next runs (RunSettings::speed).
  void set_speed(double lines_per_second);

  // ---- Simulated runs (mode sim): steps, step back, seek ----
  // A run's step is how many goroutine state changes it has made (created, started, blocked,
  // woken, yielded, preempted, ended). A simulated run is the same run every time, so any step
  // can be shown again: seek(k) goes on to step k, or, for a step behind, runs the same program
  // and settings again from the start, paused, on to step k. Every panel then shows that step.
  bool simulated() const;                 // the last run started is simulated
  std::uint64_t step() const;             // its step now (0 before any run)
  std::uint64_t steps_seen() const { return steps_seen_.load(std::memory_order_acquire); }  // the most it reached
  // Goes to step k of the last simulated run (paused there). False when there is none. The run
  // holds between instructions, so where one instruction makes two changes (a send that wakes a
  // receiver) the hold lands after both: at the first step >= k.
  bool seek(std::uint64_t k);
  // Where one step back is: step() - 1; when the last Back landed where it started (two
  // changes in one instruction), one further back. Remembered for the next call.
  std::uint64_t back_target();
  bool step_back() { return step() > 0 && seek(back_target()); }
  // Step back one line of goroutine `goroutine`: where the run holds now is position(), a place
  // finer than a step (vm::Machine::position); line_back(g, from) replays the run to g's last
  // arrival at a line before `from` (the start of its current line when it is in the middle of
  // one, else of the line before), held there, the rest of the run held with it. A replay finds
  // the place, another goes there (stepping() is true until then). With no earlier line the
  // replay stays at the run's start. From a run that ended, position() is its end. False when the
  // last run is not simulated.
  std::uint64_t position() const;
  bool line_back(std::uint64_t goroutine, std::uint64_t from);

  // The latest published frame (null before the first run).
  std::shared_ptr<const Frame> frame() const;
  // The transcript so far: stdout/stderr chunks in order, then the ending's report.
  std::vector<OutputChunk> output() const;
  std::string output_text() const;  // the same, as one string
  std::string stdout_text() const;  // the program's standard output alone
  // Changes whenever the transcript does (so a UI copies it only then).
  std::uint64_t output_version() const { return output_version_.load(std::memory_order_acquire); }
  // How the last run ended ("" while running or before any run): Go's report, e.g.
  // "panic: ... exit status 2", "exit status 3", or "" for a normal exit.
  std::string ending() const;
  // The last run's exit status (0, 1 compile errors, 2 panics and fatal errors, os.Exit's), -1
  // when it was stopped, before any run, and while one is going.
  int exit_code() const { return exit_code_.load(std::memory_order_acquire); }
  std::uint64_t runs() const { return runs_.load(std::memory_order_acquire); }  // runs started
  // Writes the last run's trace as Chrome trace JSON (Perfetto opens it). False, with why, when
  // there is no run or the file cannot be written. UI thread (like start()).
  bool export_trace(const std::string& path, std::string* why) const;
  // The same as text ("" when there is no run): the web page offers it as a download.
  std::string trace_json() const;

 private:
  struct Run;
  void append_output(bool is_stderr, std::string_view text);
  void publish(std::shared_ptr<const Frame> frame);
  void join();

  bool restart_paused();  // the last program and settings again, paused at their start
  void line_back_scan(Run& run);
  std::pair<std::uint64_t, std::uint64_t> line_back_ = {0, 0};  // start()'s: line_back's (goroutine, from)

  std::unique_ptr<Run> run_;
  // What the last start() ran, for seek's fresh runs (UI thread, like start()).
  std::string last_source_, last_file_;
  RunSettings last_settings_;
  std::atomic<std::uint64_t> steps_seen_{0};
  std::uint64_t back_target_ = UINT64_MAX;  // the last step_back's target (UINT64_MAX: none since)
  std::thread runner_, sampler_;
  // The sampler's (one at a time: start() joins the last one first), kept for the next run.
  Timeline timeline_;
  std::vector<trace::Event> sample_events_;
  std::atomic<bool> running_{false};
  std::atomic<std::uint64_t> runs_{0};
  std::atomic<std::uint64_t> output_version_{0};
  std::atomic<int> exit_code_{-1};

  mutable std::mutex frame_mutex_;
  std::shared_ptr<const Frame> frame_;

  mutable std::mutex output_mutex_;
  std::vector<OutputChunk> output_;
  std::size_t output_bytes_ = 0;
  std::size_t max_output_ = std::size_t(4) << 20;
  std::string ending_;
};

}  // namespace gopark::dash
