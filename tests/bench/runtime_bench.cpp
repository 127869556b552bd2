// Runtime microbenchmarks: the same workloads as go/runtime_bench.go, on gopark's runtime.
//
// Output: one line per workload, "name<TAB>value<TAB>unit", the best of `--reps` runs. run.sh puts the
// two sides in a table. Options: --procs N (GOMAXPROCS, default NumCPU), --only NAME, --reps N,
// --scale X (multiplies the iteration counts).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "runtime/api/go.hpp"

using namespace gopark;
using co::Task;
using Clock = std::chrono::steady_clock;

namespace {

int g_procs = 0;
double g_scale = 1.0;

int64_t n_of(int64_t n) { return std::max<int64_t>(1, int64_t(n * g_scale)); }

double elapsed_ns(Clock::time_point start) {
  return double(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
}

// Runs `body` as main of a fresh runtime; returns what it reports.
double run_main(std::function<Task<>(double&)> body) {
  double out = 0;
  auto res = co::run(rt::Config{.procs = g_procs}, [&]() -> Task<> { co_await body(out); });
  if (res.kind != rt::ExitKind::MainReturned) {
    std::fprintf(stderr, "benchmark program failed: %s", res.report().c_str());
    std::exit(1);
  }
  return out;
}

// ---- spawn: go func() { wg.Done() }() for 1M goroutines ----
Task<> done_one(co::WaitGroup* wg) { co_await wg->done(); }

Task<> spawn(double& ns_per) {
  const int64_t n = n_of(1'000'000);
  co::WaitGroup wg;
  auto start = Clock::now();
  for (int64_t i = 0; i < n; ++i) {
    co_await wg.add(1);
    co::go(done_one(&wg));
  }
  co_await wg.wait();
  ns_per = elapsed_ns(start) / double(n);
}

// ---- pingpong: an unbuffered round trip between two goroutines ----
Task<> ponger(co::Chan<int> ping, co::Chan<int> pong, int64_t n) {
  for (int64_t i = 0; i < n; ++i) co_await pong.send(co_await ping.recv());
}

Task<> pingpong(double& ns_per) {
  const int64_t n = n_of(500'000);
  auto ping = co::make_chan<int>(), pong = co::make_chan<int>();
  co::go(ponger(ping, pong, n));
  auto start = Clock::now();
  for (int64_t i = 0; i < n; ++i) {
    co_await ping.send(int(i));
    co_await pong.recv();
  }
  ns_per = elapsed_ns(start) / double(n);
}

// ---- buffered: producer/consumer over a channel of capacity 128 ----
Task<> producer(co::Chan<int64_t> ch, int64_t n) {
  for (int64_t i = 0; i < n; ++i) co_await ch.send(i);
  co_await ch.close();
}

Task<> buffered(double& ns_per) {
  const int64_t n = n_of(5'000'000);
  auto ch = co::make_chan<int64_t>(128);
  auto start = Clock::now();
  co::go(producer(ch, n));
  int64_t sum = 0;
  for (;;) {
    auto [v, ok] = co_await ch.recv_ok();
    if (!ok) break;
    sum += v;
  }
  if (sum != n * (n - 1) / 2) std::abort();
  ns_per = elapsed_ns(start) / double(n);
}

// ---- mutex4: four goroutines contending for one sync.Mutex ----
Task<> locker(co::Mutex* mu, int64_t* counter, int64_t n, co::WaitGroup* wg) {
  for (int64_t i = 0; i < n; ++i) {
    co_await mu->lock();
    ++*counter;
    co_await mu->unlock();
  }
  co_await wg->done();
}

Task<> mutex4(double& ns_per) {
  const int64_t n = n_of(2'000'000);
  co::Mutex mu;
  co::WaitGroup wg;
  int64_t counter = 0;
  auto start = Clock::now();
  co_await wg.add(4);
  for (int i = 0; i < 4; ++i) co::go(locker(&mu, &counter, n / 4, &wg));
  co_await wg.wait();
  if (counter != n / 4 * 4) std::abort();
  ns_per = elapsed_ns(start) / double(n / 4 * 4);
}

// ---- select4: one receiver selecting over four channels fed by four senders ----
Task<> feeder(co::Chan<int> ch, int64_t n) {
  for (int64_t i = 0; i < n; ++i) co_await ch.send(1);
}

Task<> select4(double& ns_per) {
  const int64_t n = n_of(1'000'000) / 4 * 4;
  std::array<co::Chan<int>, 4> chans;
  for (auto& c : chans) {
    c = co::make_chan<int>();
    co::go(feeder(c, n / 4));
  }
  auto start = Clock::now();
  int64_t got = 0;
  for (int64_t i = 0; i < n; ++i) {
    int v = 0;
    co_await co::select(chans[0].on_recv(&v), chans[1].on_recv(&v), chans[2].on_recv(&v), chans[3].on_recv(&v));
    got += v;
  }
  if (got != n) std::abort();
  ns_per = elapsed_ns(start) / double(n);
}

// ---- blocked_mem: resident memory per goroutine blocked on a channel receive ----
int64_t rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  int64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * 4096;
}

Task<> blocked(co::Chan<int> ch, co::WaitGroup* wg) {
  co_await ch.recv();
  co_await wg->done();
}

Task<> blocked_mem(double& bytes_per) {
  const int64_t n = n_of(100'000);
  auto ch = co::make_chan<int>();
  co::WaitGroup wg;
  co_await wg.add(n);
  int64_t before = rss_bytes();
  for (int64_t i = 0; i < n; ++i) co::go(blocked(ch, &wg));
  while (co::num_goroutine() < n + 1) co_await co::yield();
  co_await co::sleep(std::chrono::milliseconds(20));  // let every one of them park
  int64_t after = rss_bytes();
  bytes_per = double(after - before) / double(n);
  co_await ch.close();
  co_await wg.wait();
}

struct Workload {
  const char* name;
  const char* unit;
  Task<> (*fn)(double&);
};

const Workload kWorkloads[] = {
    {"spawn", "ns/goroutine", spawn},
    {"pingpong", "ns/roundtrip", pingpong},
    {"buffered", "ns/item", buffered},
    {"mutex4", "ns/op", mutex4},
    {"select4", "ns/op", select4},
    {"blocked_mem", "bytes/goroutine", blocked_mem},
};

}  // namespace

int main(int argc, char** argv) {
  const char* only = nullptr;
  int reps = 3;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--procs") && i + 1 < argc) g_procs = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) reps = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--scale") && i + 1 < argc) g_scale = std::atof(argv[++i]);
    else {
      std::fprintf(stderr, "usage: %s [--procs N] [--only NAME] [--reps N] [--scale X]\n", argv[0]);
      return 2;
    }
  }
  for (const Workload& w : kWorkloads) {
    if (only && std::strcmp(only, w.name)) continue;
    double best = 0;
    // Memory is the growth of a fresh process: only the first run measures it.
    const int runs = std::strcmp(w.name, "blocked_mem") == 0 ? 1 : reps;
    for (int r = 0; r < runs; ++r) {
      double v = run_main([&](double& out) { return w.fn(out); });
      best = r == 0 ? v : std::min(best, v);
    }
    std::printf("%s\t%.1f\t%s\n", w.name, best, w.unit);
    std::fflush(stdout);
  }
}
