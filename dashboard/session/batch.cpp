// BatchRun (batch.hpp): N runs of one compiled program on a worker thread.
#include "session/batch.hpp"

#include "session/program.hpp"

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
