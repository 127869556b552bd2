// Timers: Sleep, After, Tick, Timer, Ticker; timers in the past; deadlock detection around timers.
#include <atomic>
#include <chrono>

#include "helpers.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;
using Clock = std::chrono::steady_clock;

namespace {
int64_t ms_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}
}  // namespace

TEST_CASE("Sleep sleeps at least as long as asked, and sleepers wake in deadline order") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    std::vector<int> order;
    co::Mutex mu;
    auto res = co::run(config, [&]() -> Task<> {
      // co::now(): the run's wall clock, virtual in sim mode (where the sleep takes no real time).
      auto start = co::now();
      co_await co::sleep(20ms);
      CHECK(co::now() - start >= 20'000'000);
      co::WaitGroup wg;
      // Deadlines 50 ms apart, fixed before any sleeper starts (a loaded machine may start them
      // late): each wakes before the next one's timer fires.
      const co::Time base = co::now();
      for (int i : {3, 1, 2}) {
        co_await wg.add(1);
        co::go([&, i, base]() -> Task<> {
          co_await co::sleep(std::chrono::nanoseconds(base + i * 50'000'000 - co::now()));
          co_await mu.lock();
          order.push_back(i);
          co_await mu.unlock();
          co_await wg.done();
        });
      }
      co_await wg.wait();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(order == std::vector<int>{1, 2, 3});
  }
}

TEST_CASE("timers in the past fire at once, Sleep(0) and negative sleeps return at once") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto start = Clock::now();
    co_await co::sleep(0ms);
    co_await co::sleep(-5ms);
    co_await co::after(-1ms).recv();
    co_await co::after(0ms).recv();
    co::Timer t(-10ms);
    co_await t.c.recv();
    CHECK(ms_since(start) < 1000);
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("After delivers the time once") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto before = co::now();
    auto ch = co::after(10ms);
    co::Time t = co_await ch.recv();
    CHECK(t - before >= 10'000'000);
    CHECK(ch.len() == 0);
    int i = co_await co::select(ch.on_recv(), co::after(20ms).on_recv());
    CHECK(i == 1);  // the first After never fires again
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("Timer Stop and Reset") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    co::Timer t(20ms);
    CHECK(t.stop());        // stopped before firing
    CHECK_FALSE(t.stop());  // already stopped
    co_await co::sleep(30ms);
    CHECK(t.c.len() == 0);  // it never fired
    CHECK_FALSE(t.reset(5ms));
    co_await t.c.recv();
    CHECK_FALSE(t.stop());  // already fired
    CHECK(t.reset(1h) == false);
    CHECK(t.reset(1ms));    // was pending
    co_await t.c.recv();
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("Ticker ticks until stopped, dropping ticks a slow reader misses, Tick too") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto start = Clock::now();  // before the ticker: its ticks are due 2, 4, 6... ms after this
    co::Ticker tk(2ms);
    for (int i = 0; i < 5; ++i) co_await tk.c.recv();
    CHECK(ms_since(start) >= 10);
    co_await co::sleep(20ms);  // ~10 ticks pass; the channel holds at most one
    CHECK(tk.c.len() == 1);
    tk.stop();
    co_await tk.c.recv();
    co_await co::sleep(10ms);
    CHECK(tk.c.len() == 0);
    tk.reset(1ms);
    co_await tk.c.recv();
    tk.stop();
    auto t = co::tick(1ms);
    co_await t.recv();
    co_await t.recv();
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("deadlock is reported only once no timer can wake anyone") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    // A sleeper keeps the program alive; when it ends, main is stuck for good.
    auto start = Clock::now();
    auto res = co::run(config, [&]() -> Task<> {
      co::go([]() -> Task<> { co_await co::sleep(30ms); }, "main.sleeper");
      auto never = co::make_chan<int>();
      co_await never.recv();
    });
    CHECK(res.kind == rt::ExitKind::Deadlock);
    if (config.mode != rt::Mode::Sim) CHECK(ms_since(start) >= 30);  // sim: virtual time, no wait
    CHECK(res.goroutines == "goroutine 1 [chan receive]:\nmain.main(...)\n\t(C++ coroutine)\n");
  }
  // Without any timer, the deadlock is found at once.
  auto start = Clock::now();
  auto res = co::run(rt::Config{.procs = 4}, [&]() -> Task<> {
    auto a = co::make_chan<int>();
    auto b = co::make_chan<int>();
    co::go([a, b]() -> Task<> {
      co_await a.recv();
      co_await b.send(1);
    }, "main.worker");
    co_await b.recv();
  });
  CHECK(res.kind == rt::ExitKind::Deadlock);
  CHECK(ms_since(start) < 1000);
  CHECK(res.goroutines ==
        "goroutine 1 [chan receive]:\nmain.main(...)\n\t(C++ coroutine)\n\n"
        "goroutine 2 [chan receive]:\nmain.worker(...)\n\t(C++ coroutine)\n");
}

TEST_CASE("a timer whose channel nobody reads does not prevent the deadlock once it has fired") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto ignored = co::after(10ms);
    auto never = co::make_chan<int>();
    co_await never.recv();
  });
  CHECK(res.kind == rt::ExitKind::Deadlock);
}

TEST_CASE("a running Ticker keeps the program alive (as in Go), until the run is stopped") {
  rt::Runtime r(rt::Config{.procs = 2});
  co::start(r, [&]() -> Task<> {
    co::Ticker tk(5ms);
    auto never = co::make_chan<int>();
    co_await never.recv();
  });
  std::this_thread::sleep_for(50ms);
  CHECK_FALSE(r.finished());
  r.stop();
  CHECK(r.wait().kind == rt::ExitKind::Stopped);
}
