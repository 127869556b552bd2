// BatchRun (batch.hpp): N runs of one compiled program on a worker thread.
#include "session/batch.hpp"

#include <algorithm>

#include "run/explore.hpp"
#include "session/program.hpp"
#include "vm/race.hpp"

namespace gopark::dash {

BatchRun::~BatchRun() {
  cancel();
  join();
}

void BatchRun::join() {
  if (worker_.joinable()) worker_.join();
}

void BatchRun::cancel() {
  cancelled_.store(true, std::memory_order_release);
  std::lock_guard lock(mutex_);
  if (current_) current_->stop();
}

// Sim mode: engine::explore, a simulation per core, each run added as it ends.
void BatchRun::explore(const std::shared_ptr<const vm::Image>& image, const RunSettings& settings, int runs,
                       const std::string& file_name) {
  engine::ExploreOptions options;
  options.settings = settings;
  options.runs = std::uint64_t(std::max(runs, 0));
  options.program = file_name;
  options.cancel = &cancelled_;
  const std::size_t max_output = settings.max_output;  // kept per run, as in the other modes
  options.on_run = [this, max_output](std::uint64_t seed, const engine::RunOutput& run) {
    // The ending as explore tells outcomes apart: the first line of stderr, and the exit status.
    std::string ending(engine::first_line(run.err));
    const std::string status = "exit status " + std::to_string(run.exit);
    if (run.exit != 0 && ending != status) ending += (ending.empty() ? "" : "\n") + status;
    std::string out = run.out.substr(0, max_output);
    if (!ending.empty()) out += "[" + ending + "]\n";
    std::lock_guard lock(mutex_);
    if (cancelled_.load(std::memory_order_acquire)) return;
    outputs_.push_back(std::move(out));
    seeds_.push_back(seed);
    done_.fetch_add(1, std::memory_order_acq_rel);
  };
  engine::explore(image, options);
}

std::vector<OutcomeCount> BatchRun::outcomes() const {
  std::lock_guard lock(mutex_);
  return histogram(outputs_, seeds_);
}

bool BatchRun::start(const std::string& source, const std::string& file_name, const RunSettings& settings,
                     int runs, std::vector<SourceError>& errors) {
  cancel();
  join();
  std::string report;
  auto image = compile_source(source, file_name, errors, report);
  if (!image) return false;
  {
    std::lock_guard lock(mutex_);
    outputs_.clear();
    seeds_.clear();
  }
  simulated_.store(settings.mode == rt::Mode::Sim, std::memory_order_release);
  cancelled_.store(false, std::memory_order_release);
  done_.store(0, std::memory_order_release);
  total_.store(runs, std::memory_order_release);
  running_.store(true, std::memory_order_release);
  worker_ = std::thread([this, image, settings, runs, file_name] {
    if (settings.mode == rt::Mode::Sim) {
      explore(image, settings, runs, file_name);
      running_.store(false, std::memory_order_release);
      return;
    }
    for (int i = 0; i < runs && !cancelled_.load(std::memory_order_acquire); ++i) {
      std::string out;
      std::mutex out_mutex;  // goroutines on several threads may print at once
      vm::MachineConfig config = engine::machine_config(settings, file_name);
      // Seeds seed, seed+1, ...: a simulated run is its seed, so in sim mode this is a search
      // over schedules (engine/run/explore.hpp); elsewhere 0 keeps "a fresh seed each run".
      const bool sim = settings.mode == rt::Mode::Sim;
      const std::uint64_t config_seed = settings.seed == 0 && !sim ? 0 : settings.seed + std::uint64_t(i);
      config.runtime.seed = config_seed;
      config.output.out = [&](std::string_view s) {
        std::lock_guard lock(out_mutex);
        if (out.size() < settings.max_output) out.append(s);
      };
      config.output.err = [](std::string_view) {};  // stderr (panic dumps) is summarised below
      auto machine = std::make_unique<vm::Machine>(image, std::move(config));
      machine->start();
      {
        std::lock_guard lock(mutex_);
        current_ = machine.get();
      }
      if (cancelled_.load(std::memory_order_acquire)) machine->stop();
      rt::RunResult result = machine->wait();
      {
        std::lock_guard lock(mutex_);
        current_ = nullptr;
      }
      if (cancelled_.load(std::memory_order_acquire)) break;
      // The ending, when there is one, in a line of its own: "exit status 3", "panic: boom".
      std::string ending;
      if (result.kind == rt::ExitKind::Panic) ending = "panic: " + result.message;
      else if (result.kind == rt::ExitKind::Fatal || result.kind == rt::ExitKind::Deadlock) ending = "fatal error: " + result.message;
      else if (result.kind == rt::ExitKind::Stopped) ending = result.message;  // its step budget spent
      if (result.exit_code != 0) ending += (ending.empty() ? "" : "\n") + std::string("exit status ") + std::to_string(result.exit_code);
      // A run with the race detector that reported a race says so first, as explore does.
      if (machine->races() && machine->races()->found() > 0) ending = std::string(vm::kRaceWarning) + "\n" + ending;
      std::lock_guard lock(mutex_);
      outputs_.push_back(ending.empty() ? out : out + "[" + ending + "]\n");
      seeds_.push_back(config_seed);
      done_.fetch_add(1, std::memory_order_acq_rel);
    }
    running_.store(false, std::memory_order_release);
  });
  return true;
}

}  // namespace gopark::dash
