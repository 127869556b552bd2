// sync: Mutex, RWMutex, WaitGroup, Once, Cond.
#include <atomic>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;

TEST_CASE("Mutex: no lost updates with real parallelism") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    const int per = scaled(5000);
    int64_t counter = 0;  // guarded by mu (a plain int: TSan checks the mutex really excludes)
    auto res = co::run(config, [&]() -> Task<> {
      co::Mutex mu;
      co::WaitGroup wg;
      for (int i = 0; i < 4; ++i) {
        co_await wg.add(1);
        co::go([&]() -> Task<> {
          for (int k = 0; k < per; ++k) {
            co_await mu.lock();
            ++counter;
            co_await mu.unlock();
          }
          co_await wg.done();
        });
      }
      co_await wg.wait();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(counter == 4 * per);
  }
}

TEST_CASE("Mutex: TryLock, and queued lockers get it in turn") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    co::Mutex mu;
    CHECK(mu.try_lock());
    CHECK_FALSE(mu.try_lock());
    std::atomic<int> got{0};
    for (int i = 0; i < 3; ++i) {
      co::go([&]() -> Task<> {
        co_await mu.lock();
        ++got;
        co_await mu.unlock();
      });
    }
    co_await wait_until([] { return others_waiting(3); });
    CHECK(got == 0);
    auto snap = co::detail::self().runtime->snapshot();
    REQUIRE(snap.locks.size() == 1);
    CHECK(snap.locks[0].holders == std::vector<uint64_t>{1});
    CHECK(snap.locks[0].waiters.size() == 3);
    co_await mu.unlock();
    co_await wait_until([&] { return got == 3; });
    CHECK(mu.try_lock());
    co_await mu.unlock();
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("unlock of an unlocked Mutex is Go's fatal error") {
  auto res = co::run(rt::Config{}, [&]() -> Task<> {
    co::Mutex mu;
    co_await mu.unlock();
  });
  CHECK(res.kind == rt::ExitKind::Fatal);
  CHECK(res.message == "sync: unlock of unlocked mutex");
  CHECK(res.report().rfind("fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:", 0) == 0);
  auto rw = co::run(rt::Config{}, [&]() -> Task<> {
    co::RWMutex mu;
    co_await mu.runlock();
  });
  CHECK(rw.message == "sync: RUnlock of unlocked RWMutex");
  auto w = co::run(rt::Config{}, [&]() -> Task<> {
    co::RWMutex mu;
    co_await mu.unlock();
  });
  CHECK(w.message == "sync: Unlock of unlocked RWMutex");
}

TEST_CASE("a goroutine blocked on a Mutex forever is a deadlock with Go's wait reason") {
  auto res = co::run(rt::Config{}, [&]() -> Task<> {
    co::Mutex mu;
    co_await mu.lock();
    co_await mu.lock();
  });
  CHECK(res.kind == rt::ExitKind::Deadlock);
  CHECK(res.goroutines.find("goroutine 1 [sync.Mutex.Lock]:") == 0);
}

TEST_CASE("RWMutex: readers share, a waiting writer blocks new readers, readers that hold it keep it") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    std::vector<std::string> log;
    co::Mutex log_mu;
    auto say = [&](std::string s) -> Task<> {
      co_await log_mu.lock();
      log.push_back(std::move(s));
      co_await log_mu.unlock();
    };
    auto res = co::run(config, [&]() -> Task<> {
      co::RWMutex rw("rw");
      auto& core = rw.core();
      co_await rw.rlock();
      co_await rw.rlock();  // two read holds (main holds both)
      CHECK_FALSE(rw.try_lock());
      CHECK(rw.try_rlock());
      co_await rw.runlock();
      // A writer arrives and waits for the readers.
      co::go([&]() -> Task<> {
        co_await rw.lock();
        co_await say("writer in");
        co_await rw.unlock();
      });
      co_await wait_until([&] {
        auto snap = co::detail::self().runtime->snapshot();
        for (auto& l : snap.locks) {
          if (l.id == core.object_id()) return l.writer_waiting;
        }
        return false;
      });
      // New readers now queue behind the writer...
      CHECK_FALSE(rw.try_rlock());
      co::go([&]() -> Task<> {
        co_await rw.rlock();
        co_await say("late reader in");
        co_await rw.runlock();
      });
      co_await co::sleep(3ms);
      co_await say("main still reads");  // ...while main keeps its read lock
      co_await rw.runlock();
      co_await rw.runlock();
      co_await wait_until([&] { return co::num_goroutine() == 1; });
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    std::string joined;
    for (auto& l : log) joined += l + "|";
    CHECK(joined == "main still reads|writer in|late reader in|");
  }
}

TEST_CASE("RWMutex: writer unlock lets every queued reader in at once") {
  auto res = co::run(rt::Config{.procs = 4}, [&]() -> Task<> {
    co::RWMutex rw;
    std::atomic<int> inside{0}, max_inside{0};
    co_await rw.lock();
    co::WaitGroup wg;
    for (int i = 0; i < 3; ++i) {
      co_await wg.add(1);
      co::go([&]() -> Task<> {
        co_await rw.rlock();
        int now = ++inside;
        int m = max_inside;
        while (now > m && !max_inside.compare_exchange_weak(m, now)) {
        }
        // Stay until all three are inside together (they can only be if the lock lets readers
        // share it); a time limit, not a fixed nap, so a loaded machine cannot make it flaky.
        for (int waited = 0; max_inside < 3 && waited < 5000; ++waited) co_await co::sleep(1ms);
        --inside;
        co_await rw.runlock();
        co_await wg.done();
      });
    }
    co_await co::sleep(3ms);
    co_await rw.unlock();
    co_await wg.wait();
    CHECK(max_inside == 3);
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("WaitGroup: Wait returns when the counter reaches zero, negative counter panics") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    std::atomic<int> done{0};
    auto res = co::run(config, [&]() -> Task<> {
      co::WaitGroup wg;
      co_await wg.wait();  // zero: returns at once
      for (int i = 0; i < 8; ++i) {
        co_await wg.add(1);
        co::go([&]() -> Task<> {
          co_await co::sleep(1ms);
          ++done;
          co_await wg.done();
        });
      }
      // Several waiters at once.
      std::atomic<int> waiters_out{0};
      for (int i = 0; i < 2; ++i) {
        co::go([&]() -> Task<> {
          co_await wg.wait();
          ++waiters_out;
        });
      }
      co_await wg.wait();
      CHECK(done == 8);
      co_await wait_until([&] { return waiters_out == 2; });
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
  }
  auto neg = co::run(rt::Config{}, [&]() -> Task<> {
    co::WaitGroup wg;
    co_await wg.done();
  });
  CHECK(neg.kind == rt::ExitKind::Panic);
  CHECK(neg.message == "sync: negative WaitGroup counter");
}

TEST_CASE("WaitGroup.Go runs the function in a goroutine and counts it") {
  std::atomic<int> ran{0};
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    co::WaitGroup wg;
    for (int i = 0; i < 5; ++i) co_await wg.go([&]() -> Task<> { ++ran; co_return; });
    co_await wg.wait();
    CHECK(ran == 5);
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("Once runs its function exactly once, latecomers wait for it to finish") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    std::atomic<int> calls{0};
    std::atomic<bool> finished{false};
    std::atomic<int> saw_unfinished{0};
    auto res = co::run(config, [&]() -> Task<> {
      co::Once once;
      co::WaitGroup wg;
      for (int i = 0; i < 6; ++i) {
        co_await wg.add(1);
        co::go([&]() -> Task<> {
          co_await once.call([&]() -> Task<> {
            ++calls;
            co_await co::sleep(3ms);
            finished = true;
          });
          if (!finished) ++saw_unfinished;
          co_await wg.done();
        });
      }
      co_await wg.wait();
      CHECK(once.done());
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(calls == 1);
    CHECK(saw_unfinished == 0);
  }
}

TEST_CASE("Cond: Signal wakes one waiter, Broadcast wakes all, a Signal between unlock and wait is not lost") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    auto res = co::run(config, [&]() -> Task<> {
      co::Mutex mu;
      co::Cond cond(mu);
      int ready = 0;  // guarded by mu
      int woke = 0;   // guarded by mu
      co::WaitGroup wg;
      for (int i = 0; i < 3; ++i) {
        co_await wg.add(1);
        co::go([&]() -> Task<> {
          co_await mu.lock();
          ++ready;
          while (woke == 0) co_await cond.wait();
          --woke;
          co_await mu.unlock();
          co_await wg.done();
        });
      }
      for (;;) {
        co_await mu.lock();
        bool all = ready == 3;
        co_await mu.unlock();
        if (all) break;
        co_await co::sleep(200us);
      }
      co_await co::sleep(2ms);
      co_await mu.lock();
      woke = 1;
      cond.signal();
      co_await mu.unlock();
      co_await wait_until([] { return co::num_goroutine() == 3; });  // exactly one left
      co_await co::sleep(2ms);
      CHECK(co::num_goroutine() == 3);  // and no other woke up
      co_await mu.lock();
      woke += 2;
      cond.broadcast();
      co_await mu.unlock();
      co_await wg.wait();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    if (res.kind != rt::ExitKind::MainReturned) MESSAGE(res.report());
  }
}
