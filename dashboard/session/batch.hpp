#pragma once
// BatchRun: "Run xN". The same program run N times in a row, each on a fresh Machine, at full
// speed, on a worker thread; what each run printed is kept, so the dashboard can show how often
// each distinct outcome came out (the study note's "main wins 95% of the time", lost updates of
// an unlocked counter). In sim mode the batch is engine::explore (run i has seed seed+i, a
// simulation per core; outcomes told apart as explore does), and each outcome's seed replays it.
//
// The program is compiled once; every run shares the immutable Image. Runs do not draw anything
// and are not sampled. cancel() stops the current run and skips the rest.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "model/view_model.hpp"
#include "session/session.hpp"

namespace gopark::vm {
class Machine;
struct Image;
}

namespace gopark::dash {

class BatchRun {
 public:
  BatchRun() = default;
  ~BatchRun();
  BatchRun(const BatchRun&) = delete;
  BatchRun& operator=(const BatchRun&) = delete;

  // Compiles `source` and starts `runs` runs (a batch already going is cancelled first). False,
  // with the errors, when it does not compile.
  bool start(const std::string& source, const std::string& file_name, const RunSettings& settings, int runs,
             std::vector<SourceError>& errors);
  void cancel();
  bool running() const { return running_.load(std::memory_order_acquire); }
  int done() const { return done_.load(std::memory_order_acquire); }   // runs finished so far
  int total() const { return total_.load(std::memory_order_acquire); }
  // The outcomes so far, most frequent first: each run's stdout, plus its ending when it did not
  // exit normally ("exit status 3", "panic: ...").
  std::vector<OutcomeCount> outcomes() const;
  // The batch runs in sim mode: run i has seed settings.seed + i, and an outcome's seed replays it.
  bool simulated() const { return simulated_.load(std::memory_order_acquire); }

 private:
  void join();
  void explore(const std::shared_ptr<const vm::Image>& image, const RunSettings& settings, int runs,
               const std::string& file_name);
  std::thread worker_;
  std::atomic<bool> running_{false};
  std::atomic<bool> cancelled_{false};
  std::atomic<int> done_{0};
  std::atomic<int> total_{0};
  mutable std::mutex mutex_;
  std::atomic<bool> simulated_{false};
  std::vector<std::string> outputs_;     // guarded by mutex_
  std::vector<std::uint64_t> seeds_;     // guarded by mutex_: each run's seed
  vm::Machine* current_ = nullptr;       // guarded by mutex_: the run going now (for cancel)
};

}  // namespace gopark::dash
