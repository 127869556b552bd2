// The scheduler: GOMAXPROCS, modes, goroutine lifecycle, program endings, preemption.
#include <atomic>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include "helpers.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;

TEST_CASE("GOMAXPROCS returns the previous setting, n < 1 only queries, the default is NumCPU") {
  auto res = co::run(rt::Config{}, [&]() -> Task<> {
    CHECK(co::gomaxprocs(0) == co::num_cpu());
    CHECK(co::gomaxprocs(3) == co::num_cpu());
    CHECK(co::gomaxprocs(-1) == 3);
    CHECK(co::gomaxprocs(1) == 3);
    CHECK(co::gomaxprocs(0) == 1);
    co_return;
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("GOMAXPROCS grows and shrinks the Ps while goroutines run") {
  rt::Runtime r(rt::Config{.procs = 1});
  std::atomic<bool> stop{false};
  std::atomic<int> done{0};
  co::start(r, [&]() -> Task<> {
    for (int i = 0; i < 4; ++i) {
      co::go([&]() -> Task<> {
        while (!stop) co_await co::checkpoint();
        ++done;
      });
    }
    co_await wait_until([&] { return done == 4; });
  });
  auto running_ps = [&] {
    int n = 0;
    for (auto& p : r.snapshot().procs) n += p.status == uint8_t(rt::PStatus::Running);
    return n;
  };
  CHECK(r.gomaxprocs(4) == 1);
  // Four busy goroutines spread over the four Ps.
  for (int i = 0; i < 2000 && running_ps() < (kWasm ? 2 : 4); ++i) std::this_thread::sleep_for(1ms);
  CHECK(running_ps() >= (kWasm ? 2 : 4));
  // Shrink while every P is busy: the extra Ps retire at their goroutines' next checkpoint.
  CHECK(r.gomaxprocs(1) == 4);
  auto all_retired = [&] {
    for (auto& p : r.snapshot().procs) {
      if (p.id >= 1 && p.status != uint8_t(rt::PStatus::Dead)) return false;
    }
    return true;
  };
  for (int i = 0; i < 2000 && !all_retired(); ++i) std::this_thread::sleep_for(1ms);
  CHECK(running_ps() == 1);
  auto snap = r.snapshot();
  CHECK(snap.gomaxprocs == 1);
  for (auto& p : snap.procs) {
    if (p.id >= 1) CHECK(p.status == uint8_t(rt::PStatus::Dead));
  }
  stop = true;
  auto res = r.wait();
  CHECK(res.kind == rt::ExitKind::MainReturned);
  CHECK(done == 4);  // no goroutine was lost when its P went away
}

TEST_CASE("NumGoroutine counts live goroutines") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    auto res = co::run(config, [&]() -> Task<> {
      CHECK(co::num_goroutine() == 1);
      auto block = co::make_chan<int>();
      for (int i = 0; i < 5; ++i) co::go([block]() -> Task<> { co_await block.recv(); });
      CHECK(co::num_goroutine() == 6);
      co_await block.close();
      co_await wait_until([] { return co::num_goroutine() == 1; });
      CHECK(co::num_goroutine() == 1);
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
  }
}

TEST_CASE("100k goroutines") {
  const int n = kWasm ? 20000 : 100000;
  for (auto config : {rt::Config{.procs = 1}, rt::Config{.procs = 4},
                      rt::Config{.procs = 1, .mode = rt::Mode::Coroutines}}) {
    std::atomic<int64_t> sum{0};
    auto res = co::run(config, [&]() -> Task<> {
      co::WaitGroup wg;
      auto gate = co::make_chan<int>();
      for (int i = 0; i < n; ++i) {
        co_await wg.add(1);
        co::go([&, i, gate]() -> Task<> {
          co_await gate.recv();  // all of them alive and parked at once
          sum += i;
          co_await wg.done();
        });
      }
      CHECK(co::num_goroutine() == n + 1);
      co_await gate.close();
      co_await wg.wait();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(sum == int64_t(n) * (n - 1) / 2);
  }
}

TEST_CASE("coroutines mode runs every goroutine on one OS thread, threads mode gives each its own") {
  auto threads_used = [](rt::Mode mode) {
    std::set<std::thread::id> ids;
    std::mutex m;
    auto res = co::run(rt::Config{.procs = 4, .mode = mode}, [&]() -> Task<> {
      co::WaitGroup wg;
      auto gate = co::make_chan<int>();
      for (int i = 0; i < 6; ++i) {
        co_await wg.add(1);
        co::go([&, gate]() -> Task<> {
          co_await gate.recv();
          {
            std::lock_guard l(m);
            ids.insert(std::this_thread::get_id());
          }
          co_await wg.done();
        });
      }
      co_await gate.close();
      co_await wg.wait();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    return ids.size();
  };
  CHECK(threads_used(rt::Mode::Coroutines) == 1);
  CHECK(threads_used(rt::Mode::Threads) == 6);
}

TEST_CASE("threads mode: past the thread cap the run ends with Go's thread exhaustion error") {
  auto res = co::run(rt::Config{.mode = rt::Mode::Threads, .max_threads = 4}, [&]() -> Task<> {
    auto block = co::make_chan<int>();
    for (int i = 0; i < 10; ++i) co::go([block]() -> Task<> { co_await block.recv(); });
    co_await block.recv();
  });
  CHECK(res.kind == rt::ExitKind::Fatal);
  CHECK(res.exit_code == 2);
  CHECK(res.report().rfind("runtime: program exceeds 4-thread limit\nfatal error: thread exhaustion\n", 0) == 0);
}

TEST_CASE("Gosched lets the other goroutine run, even on one thread") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    // The OS decides in threads mode; the seed in sim mode, where any goroutine may run next.
    if (config.mode == rt::Mode::Threads || config.mode == rt::Mode::Sim) continue;
    CAPTURE(named.name);
    std::string log;
    auto res = co::run(rt::Config{.procs = 1, .mode = config.mode}, [&]() -> Task<> {
      co::go([&]() -> Task<> {
        for (int i = 0; i < 3; ++i) {
          log += "b";
          co_await co::yield();
        }
      });
      for (int i = 0; i < 3; ++i) {
        log += "a";
        co_await co::yield();
      }
      co_await co::yield();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(log == "ababab");
  }
}

TEST_CASE("when main returns, every other goroutine is ended (and its frames destroyed)") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    static std::atomic<int> destroyed{0};
    destroyed = 0;
    struct Guard {
      ~Guard() { ++destroyed; }
    };
    rt::Runtime r(config);
    auto res = co::run(r, [&]() -> Task<> {
      auto never = co::make_chan<int>();
      for (int i = 0; i < 3; ++i) {
        co::go([never]() -> Task<> {
          Guard g;
          co_await never.recv();
        });
      }
      co::go([]() -> Task<> {
        Guard g;
        co_await co::sleep(std::chrono::hours(1));
      });
      co_await wait_until([] { return others_waiting(4); });
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(res.exit_code == 0);
    CHECK(res.killed == 4);
    CHECK(destroyed == 4);
    CHECK(r.num_goroutine() == 0);
  }
}

TEST_CASE("Goexit ends the goroutine and runs its destructors, main's Goexit waits for the others") {
  std::string log;
  std::mutex m;
  auto say = [&](const char* s) {
    std::lock_guard l(m);
    log += s;
  };
  struct Deferred {
    std::function<void()> f;
    ~Deferred() { f(); }
  };
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto done = co::make_chan<int>(1);
    co::go([&, done]() -> Task<> {
      Deferred d{[&] { say("[child defer]"); }};
      co_await done.send(1);
      co_await co::goexit();
      say("[unreachable]");
    });
    co_await done.recv();
    co_await co::sleep(2ms);
    Deferred d{[&] { say("[main defer]"); }};
    co_await co::goexit();
  });
  CHECK(log == "[child defer][main defer]");
  CHECK(res.kind == rt::ExitKind::Fatal);
  CHECK(res.message == "no goroutines (main called runtime.Goexit) - deadlock!");
  CHECK(res.report() == "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
}

TEST_CASE("main's Goexit while another goroutine still works: the program runs until it is done") {
  std::atomic<bool> finished{false};
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    co::go([&]() -> Task<> {
      co_await co::sleep(10ms);
      finished = true;
    });
    co_await co::goexit();
  });
  CHECK(finished);
  CHECK(res.kind == rt::ExitKind::Fatal);
}

TEST_CASE("os.Exit ends the program at once with its code") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    auto res = co::run(config, [&]() -> Task<> {
      co::go([]() -> Task<> { co_await co::sleep(std::chrono::hours(1)); });
      co_await co::os_exit{3};
      FAIL("unreachable");
    });
    CHECK(res.kind == rt::ExitKind::Exit);
    CHECK(res.exit_code == 3);
    CHECK(res.killed == 1);  // the sleeper; not main, which ended the run itself
    CHECK(res.report().empty());
  }
}

TEST_CASE("a panic in any goroutine ends the program with Go's report") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    co::go([]() -> Task<> { co_await co::panic{"boom"}; }, "main.worker");
    co_await co::sleep(std::chrono::hours(1));
  });
  CHECK(res.kind == rt::ExitKind::Panic);
  CHECK(res.exit_code == 2);
  CHECK(res.report() == "panic: boom\n\ngoroutine 2 [running]:\nmain.worker(...)\n\t(C++ coroutine)\n");
  CHECK(res.killed == 1);  // main; not the goroutine that panicked
}

TEST_CASE("goroutine states go initial -> running -> waiting -> runnable -> running -> dead, with events") {
  rt::Runtime r(rt::Config{.procs = 1, .trace = true});
  uint64_t child = 0;
  auto res = co::run(r, [&]() -> Task<> {
    auto ch = co::make_chan<int>();
    co::go([ch]() -> Task<> { co_await ch.recv(); }, "main.child");
    auto snap = r.snapshot();
    REQUIRE(snap.goroutines.size() == 2);
    child = snap.goroutines[1].id;
    CHECK(snap.goroutines[0].state == uint8_t(rt::GState::Running));
    CHECK(snap.goroutines[1].state == uint8_t(rt::GState::Initial));
    CHECK(snap.goroutines[1].label == "main.child");
    co_await co::yield();  // the child runs and parks
    snap = r.snapshot();
    CHECK(snap.goroutines[1].state == uint8_t(rt::GState::Waiting));
    CHECK(snap.goroutines[1].wait_reason == uint8_t(rt::WaitReason::ChanReceive));
    CHECK(snap.goroutines[1].wait_object == ch.core()->object_id());
    co_await ch.send(1);
    snap = r.snapshot();
    CHECK(snap.goroutines[1].state == uint8_t(rt::GState::Runnable));
    co_await co::yield();
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  std::vector<trace::EventKind> kinds;
  for (auto& e : r.recorder()->events()) {
    if (e.g == child && (e.kind == trace::EventKind::GoCreate || e.kind == trace::EventKind::GoStart ||
                         e.kind == trace::EventKind::GoBlock || e.kind == trace::EventKind::GoUnblock ||
                         e.kind == trace::EventKind::GoEnd)) {
      kinds.push_back(e.kind);
    }
  }
  using K = trace::EventKind;
  std::vector<K> want = {K::GoCreate, K::GoStart, K::GoBlock, K::GoUnblock, K::GoStart, K::GoEnd};
  CHECK(kinds == want);
}

TEST_CASE("a busy goroutine is preempted after its time slice (M:N), so others get the P") {
  // Regression: the spinner's own count of should_yield() was racy (sysmon may raise the flag
  // between its check and the checkpoint that honours it). Main returning is the evidence: with
  // one P it can only run again after the spinner was preempted.
  std::atomic<bool> stop{false};
  std::atomic<int> spins{0};
  auto res = co::run(rt::Config{.procs = 1, .time_slice_ns = 2'000'000}, [&]() -> Task<> {
    co::go([&]() -> Task<> {
      while (!stop) {
        ++spins;
        co_await co::checkpoint();
      }
    });
    co_await co::sleep(30ms);  // main only gets the P back because the spinner is preempted
    stop = true;
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  CHECK(spins > 0);
}

TEST_CASE("stop() ends a runaway program that only checkpoints") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    rt::Runtime r(config);
    co::start(r, [&]() -> Task<> {
      co::go([]() -> Task<> {
        for (;;) co_await co::checkpoint();
      });
      for (;;) co_await co::checkpoint();
    });
    std::this_thread::sleep_for(20ms);
    CHECK_FALSE(r.finished());
    r.stop();
    auto res = r.wait();
    CHECK(res.kind == rt::ExitKind::Stopped);
    CHECK(res.killed == 2);
  }
}
