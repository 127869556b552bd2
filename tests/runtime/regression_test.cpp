// Regression tests, one per bug found (named after the bug).
#include <atomic>
#include <thread>

#include "helpers.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;

TEST_CASE("regression: threads mode, a pooled thread must not keep a stale wake-up for its next goroutine") {
  // Each goroutine ends and the next one reuses its thread, then parks at once: with a stale wake-up the
  // new goroutine ran while still parked (false "send on closed channel", or an internal error).
  const int rounds = kWasm ? 30 : 300;
  auto res = co::run(rt::Config{.mode = rt::Mode::Threads}, [&]() -> Task<> {
    auto in = co::make_chan<int>(), out = co::make_chan<int>();
    for (int i = 0; i < rounds; ++i) {
      co::go([in, out]() -> Task<> { co_await out.send(co_await in.recv() + 1); });
      co_await in.send(i);
      CHECK(co_await out.recv() == i + 1);
    }
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("regression: growing GOMAXPROCS while another thread takes snapshots") {
  rt::Runtime r(rt::Config{.procs = 1});
  std::atomic<bool> quit{false};
  std::thread ui([&] {
    while (!quit) {
      auto s = r.snapshot();
      (void)r.num_goroutine();
      CHECK(s.procs.size() <= size_t(rt::kMaxProcs));
    }
  });
  auto res = co::run(r, [&]() -> Task<> {
    for (int round = 0; round < 20; ++round) {
      for (int n : {2, 8, 3, 16, 1, 32}) {
        co::gomaxprocs(n);
        co_await co::yield();
      }
    }
  });
  quit = true;
  ui.join();
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

namespace {
Task<int> receive_in_own_frame(co::Chan<int> ch) {
  int v = co_await ch.recv();  // the Waiter lives in this frame, which dies when we return
  co_return v;
}
}  // namespace

TEST_CASE("regression: a runnable goroutine at the end of the run must not point at a dead waiter") {
  // Under ASan this was a use-after-free in teardown, which followed the goroutine's stale waiter list.
  for (auto& named : all_configs()) {
    // In sim mode main's sleep never ends while the other goroutine spins: time stands still while
    // anything can run (runtime/sim.hpp).
    if (named.config.mode == rt::Mode::Sim) continue;
    CAPTURE(named.name);
    auto res = co::run(named.config, [&]() -> Task<> {
      auto ch = co::make_chan<int>();
      co::go([ch]() -> Task<> {
        CHECK(co_await receive_in_own_frame(ch) == 7);
        for (;;) co_await co::yield();  // Runnable or Running from now on
      });
      co_await wait_until([] { return others_waiting(1); });  // it parked, inside its nested frame
      co_await ch.send(7);
      co_await co::sleep(std::chrono::milliseconds(1));
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(res.killed == 1);
  }
}

TEST_CASE("regression: a lock that dies with main's frame while a goroutine waits on it") {
  // C++ destroys main's locals when main returns, before the other goroutines are killed; the Mutex
  // unlinks its waiter so teardown does not write into freed memory (ASan caught it).
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    co::Mutex mu;
    co_await mu.lock();
    co::go([&mu]() -> Task<> { co_await mu.lock(); });
    co_await wait_until([] { return others_waiting(1); });
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  CHECK(res.killed == 1);
}

TEST_CASE("regression: main's Goexit with a ticker running ends at once, as Go's checkdead does") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto t = co::tick(std::chrono::milliseconds(1));
    co_await t.recv();
    co_await co::goexit();
  });
  CHECK(res.kind == rt::ExitKind::Fatal);
  CHECK(res.message == "no goroutines (main called runtime.Goexit) - deadlock!");
}

TEST_CASE("regression: a send from a thread outside the runtime readies a goroutine safely") {
  // A goroutine parked on a channel is readied by a thread that is not an M. (Main keeps polling on a
  // timer: a goroutine waiting only for an outside thread is, to the runtime as to Go, deadlocked.)
  for (int round = 0; round < (kWasm ? 20 : 200); ++round) {
    rt::Runtime r(rt::Config{.procs = 2});
    auto ch = co::make_chan<int>();
    std::atomic<bool> got{false};
    co::start(r, [ch, &got]() -> Task<> {
      co::go([ch, &got]() -> Task<> {
        CHECK(co_await ch.recv() == 5);
        got = true;
      });
      while (!got) co_await co::sleep(std::chrono::microseconds(100));
    });
    while (!ch.try_send(5)) std::this_thread::yield();  // from this (non-runtime) thread
    CHECK(r.wait().kind == rt::ExitKind::MainReturned);
  }
}

TEST_CASE("regression: the goroutine whose panic ends the program keeps its frame until the others stop") {
  // Others may still use objects in the panicking goroutine's frame: it is destroyed only at teardown.
  std::atomic<int> touched{0};
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    co::Mutex mu;
    int shared = 0;
    co::go([&]() -> Task<> {
      for (;;) {
        co_await mu.lock();
        ++shared;
        co_await mu.unlock();
        ++touched;
        co_await co::checkpoint();
      }
    });
    co_await wait_until([&] { return touched > 10; });
    co_await co::panic{"main gives up"};
  });
  CHECK(res.kind == rt::ExitKind::Panic);
  CHECK(res.goroutine == 1);
}
