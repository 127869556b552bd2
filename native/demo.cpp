#include "demo.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime/api/go.hpp"
#include "snapshot_text.hpp"
#include "trace/chrome_json.hpp"

namespace gopark::native {

namespace {

using co::Task;
using namespace std::chrono_literals;

// The program's stdout: goroutines append lines, the view draws the last few.
class Output {
 public:
  void line(std::string s) {
    std::lock_guard lock(mutex_);
    lines_.push_back(std::move(s));
  }
  std::vector<std::string> all() const {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

struct Pool {
  co::Chan<int> jobs;
  co::Chan<std::string> results;
  co::Mutex stats{"stats"};
  co::WaitGroup workers{"workers"};
  int done = 0;  // guarded by stats
};

// Burns CPU for about `ms` milliseconds, offering to yield as Go code would be preempted.
Task<> compute(int ms) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  volatile uint64_t x = 0;
  while (std::chrono::steady_clock::now() < until) {
    for (int i = 0; i < 1000; ++i) x = x + i;
    co_await co::checkpoint();
  }
}

Task<> worker(Pool* pool, int id) {
  for (;;) {
    auto [job, ok] = co_await pool->jobs.recv_ok();
    if (!ok) break;
    co_await compute(40 + (job * 7 % 5) * 20);                                // 40-120 ms of CPU
    co_await co::sleep(std::chrono::milliseconds(60 + (job * 13 % 7) * 20));  // "waiting on I/O"
    co_await pool->stats.lock();
    ++pool->done;
    co_await pool->stats.unlock();
    co_await pool->results.send("worker " + std::to_string(id) + " finished job " + std::to_string(job));
  }
  co_await pool->workers.done();
}

Task<> producer(Pool* pool, int jobs) {
  for (int j = 1; j <= jobs; ++j) {
    co_await pool->jobs.send(j);
    co_await co::sleep(30ms);
  }
  co_await pool->jobs.close();
}

Task<> closer(Pool* pool) {
  co_await pool->workers.wait();
  co_await pool->results.close();
}

Task<> demo_main(Output* out, int jobs) {
  Pool pool;
  pool.jobs = co::make_chan<int>(4, "jobs");
  pool.results = co::make_chan<std::string>(0, "results");
  for (int w = 1; w <= 4; ++w) {
    co_await pool.workers.add(1);
    co::go(worker(&pool, w), "main.worker");
  }
  co::go(producer(&pool, jobs), "main.producer");
  co::go(closer(&pool), "main.closer");
  for (;;) {
    auto [line, ok] = co_await pool.results.recv_ok();
    if (!ok) break;
    out->line(line);
  }
  co_await pool.stats.lock();
  out->line("all " + std::to_string(pool.done) + " jobs done");
  co_await pool.stats.unlock();
}

void draw(const rt::Runtime& r, const Output& out, bool live) {
  std::string frame = live ? "\x1b[H\x1b[2J" : "\n";
  frame += "gopark demo: a worker pool on the goroutine runtime (Ctrl-C to quit)\n\n";
  frame += snapshot_text(r.snapshot());
  frame += "\nOutput\n";
  auto lines = out.all();
  size_t from = lines.size() > 6 ? lines.size() - 6 : 0;
  for (size_t i = from; i < lines.size(); ++i) frame += "  " + lines[i] + "\n";
  std::fputs(frame.c_str(), stdout);
  std::fflush(stdout);
}

}  // namespace

int run_demo(const DemoOptions& options) {
  rt::Config config = engine::runtime_config(options.settings);
  config.trace = !options.trace_path.empty();
  rt::Runtime r(config);
  Output out;
  co::start(r, demo_main(&out, options.jobs));
  int frame = 0;
  while (!r.finished()) {
    std::this_thread::sleep_for(100ms);
    // A terminal gets a redrawn frame ten times a second; a log gets one every second.
    if (options.live || ++frame % 10 == 0) draw(r, out, options.live);
  }
  rt::RunResult result = r.wait();
  draw(r, out, options.live);
  std::fputs(result.report().c_str(), stderr);
  if (!options.trace_path.empty()) {
    std::ofstream file(options.trace_path);
    trace::write_chrome_json(r.recorder()->events(), file);
    std::fprintf(stderr, "trace written to %s (open it in https://ui.perfetto.dev)\n", options.trace_path.c_str());
  }
  return result.exit_code;
}

}  // namespace gopark::native
