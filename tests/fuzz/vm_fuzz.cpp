// libFuzzer target: any bytes, as a Go file, through engine::compile, and what compiles is run on
// the VM the way a shell runs it (engine::machine_config, then a Machine), with its output thrown
// away. Nothing may crash, hang, leak or trip a sanitizer: a program that loops, sleeps, blocks,
// panics or runs out of memory must end with a RunResult like any other.
//   build/asan/tests/fuzz/vm_fuzz -max_total_time=60 -jobs=1 build/vm-fuzz-corpus tests/programs examples
//
// Every run is bounded three ways, so that one input costs well under the fuzzer's -timeout:
// - a small heap (kMemoryLimit): an allocation past it is Go's "out of memory" fatal error;
// - a step budget (MachineConfig::max_steps): a loop or a recursion that computes without end is
//   stopped after kMaxSteps safe points, the same on a fast machine and a slow one;
// - a wall-clock guard (kWallLimit), a thread that stops the run from outside as the dashboard's
//   Stop button does: for what the step budget does not count, a goroutine asleep in time.Sleep or
//   two goroutines handing a value back and forth through a channel (each park ends a poll early).
// A goroutine parked forever needs none of them: deadlock detection ends the run, or the run's
// end kills it.
// GOMAXPROCS is 1 or 2, chosen by the input's length, so a crash reproduces with its input alone
// as far as the scheduler allows; the seed of select and stealing is fixed for the same reason.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "run/compile.hpp"
#include "run/settings.hpp"
#include "vm/machine.hpp"

namespace {

using namespace gopark;

constexpr std::size_t kMaxSource = 64 * 1024;
constexpr std::size_t kMemoryLimit = std::size_t(64) << 20;
constexpr std::uint64_t kMaxSteps = 200'000;
constexpr std::chrono::seconds kWallLimit{2};

// Runs `image` to its end: stops it after kWallLimit unless it ends first.
void run_bounded(const std::shared_ptr<const vm::Image>& image, int procs) {
  engine::RunSettings settings;
  settings.procs = procs;
  settings.seed = 1;
  settings.memory_limit = kMemoryLimit;
  vm::MachineConfig config = engine::machine_config(settings, "fuzz");
  config.max_steps = kMaxSteps;
  config.output.out = [](std::string_view) {};
  config.output.err = [](std::string_view) {};
  vm::Machine machine(image, std::move(config));
  std::mutex mutex;
  std::condition_variable ended_cv;
  bool ended = false;  // guarded by mutex
  machine.start();
  std::thread guard([&] {
    std::unique_lock lock(mutex);
    if (!ended_cv.wait_for(lock, kWallLimit, [&] { return ended; })) machine.stop();
  });
  rt::RunResult result = machine.wait();
  (void)result;
  {
    std::lock_guard lock(mutex);
    ended = true;
  }
  ended_cv.notify_one();
  guard.join();  // before the Machine goes: the guard may be inside stop() (a no-op by now)
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxSource) return 0;
  std::string source(reinterpret_cast<const char*>(data), size);
  engine::Compiled compiled = engine::compile(source, "fuzz.go");
  if (!compiled.image) return -1;  // not Go: keep it out of the corpus, the front end's target has it
  run_bounded(compiled.image, 1 + int(size % 2));
  return 0;
}
