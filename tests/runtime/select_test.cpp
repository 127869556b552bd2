// select: default, blocking, fairness among ready cases, nil cases, close, select {}.
#include <array>
#include <atomic>
#include <cmath>

#include "helpers.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;

TEST_CASE("select with default does not block") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    auto res = co::run(config, [&]() -> Task<> {
      auto a = co::make_chan<int>();
      auto b = co::make_chan<int>(1);
      int v = -1;
      CHECK(co_await co::select(a.on_recv(&v), co::default_case()) == 1);
      CHECK(co_await co::select(a.on_send(1), co::default_case()) == 1);  // no receiver
      CHECK(co_await co::select(b.on_send(5), co::default_case()) == 0);  // room in the buffer
      bool ok = false;
      CHECK(co_await co::select(co::default_case(), b.on_recv(&v, &ok)) == 1);
      CHECK(v == 5);
      CHECK(ok);
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
  }
}

TEST_CASE("blocking select wakes on the case that becomes ready") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    auto res = co::run(config, [&]() -> Task<> {
      auto a = co::make_chan<int>();
      auto b = co::make_chan<std::string>();
      auto out = co::make_chan<int>();
      co::go([b]() -> Task<> {
        co_await co::sleep(2ms);
        co_await b.send("hello");
      });
      int av = 0;
      std::string bv;
      int got = co_await co::select(a.on_recv(&av), b.on_recv(&bv));
      CHECK(got == 1);
      CHECK(bv == "hello");
      // A send case completes when a receiver arrives.
      co::go([out]() -> Task<> {
        co_await co::sleep(2ms);
        CHECK(co_await out.recv() == 42);
      });
      CHECK(co_await co::select(a.on_recv(&av), out.on_send(42)) == 1);
      // Its other cases were withdrawn: a later send on `a` finds no receiver.
      CHECK_FALSE(a.try_send(1));
      co_await co::sleep(5ms);
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
  }
}

TEST_CASE("select chooses uniformly among ready cases (chi-square)") {
  constexpr int kCases = 4;
  const int rounds = scaled(20000);
  std::array<int, kCases> hits{};
  auto res = co::run(rt::Config{.procs = 2, .seed = 12345}, [&]() -> Task<> {
    std::array<co::Chan<int>, kCases> chans;
    for (auto& c : chans) c = co::make_chan<int>(1);
    for (int r = 0; r < rounds; ++r) {
      for (auto& c : chans) {
        if (c.len() == 0) CHECK(c.try_send(1));
      }
      int i = co_await co::select(chans[0].on_recv(), chans[1].on_recv(), chans[2].on_recv(), chans[3].on_recv());
      ++hits[i];
    }
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  double expected = double(rounds) / kCases, chi2 = 0;
  for (int h : hits) chi2 += (h - expected) * (h - expected) / expected;
  CAPTURE(hits[0]);
  CAPTURE(hits[1]);
  CAPTURE(hits[2]);
  CAPTURE(hits[3]);
  // 3 degrees of freedom: P(chi2 > 16.27) = 0.001.
  CHECK(chi2 < 16.27);
}

TEST_CASE("select over nil channels and closed channels") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    co::Chan<int> nil;
    auto closed = co::make_chan<int>();
    co_await closed.close();
    int v = 9;
    bool ok = true;
    // A nil case is never ready; a closed channel always is.
    CHECK(co_await co::select(nil.on_recv(), closed.on_recv(&v, &ok)) == 1);
    CHECK(v == 0);
    CHECK_FALSE(ok);
    CHECK(co_await co::select(nil.on_send(1), co::default_case()) == 1);
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("select send case on a closed channel panics, also when it was closed while parked") {
  auto now = co::run(rt::Config{}, [&]() -> Task<> {
    auto ch = co::make_chan<int>();
    co_await ch.close();
    co_await co::select(ch.on_send(1), co::default_case());
  });
  CHECK(now.kind == rt::ExitKind::Panic);
  CHECK(now.message == "send on closed channel");
  auto later = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto ch = co::make_chan<int>();
    auto never = co::make_chan<int>();
    co::go([ch]() -> Task<> {
      co_await wait_until([&] { return parked_on(ch.core()).first == 1; });
      co_await ch.close();
    });
    co_await co::select(ch.on_send(1), never.on_recv());
  });
  CHECK(later.kind == rt::ExitKind::Panic);
  CHECK(later.message == "send on closed channel");
  CHECK(later.goroutine == 1);
}

TEST_CASE("select {} blocks forever: a deadlock when nothing else runs") {
  auto res = co::run(rt::Config{}, [&]() -> Task<> { co_await co::select(); });
  CHECK(res.kind == rt::ExitKind::Deadlock);
  CHECK(res.goroutines.find("goroutine 1 [select (no cases)]:") == 0);
  auto nil_only = co::run(rt::Config{}, [&]() -> Task<> {
    co::Chan<int> a, b;
    co_await co::select(a.on_recv(), b.on_send(1));
  });
  CHECK(nil_only.kind == rt::ExitKind::Deadlock);
  CHECK(nil_only.goroutines.find("goroutine 1 [select]:") == 0);
}

TEST_CASE("two goroutines in select over the same channels in opposite order do not deadlock") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    const int n = scaled(2000);
    std::atomic<int> total{0};
    auto res = co::run(config, [&]() -> Task<> {
      auto a = co::make_chan<int>();
      auto b = co::make_chan<int>();
      co::WaitGroup wg;
      co_await wg.add(2);
      co::go([&, a, b]() -> Task<> {
        for (int i = 0; i < n; ++i) {
          int v = 0;
          if (co_await co::select(a.on_send(1), b.on_recv(&v)) == 1) total += v;
        }
        co_await wg.done();
      });
      co::go([&, a, b]() -> Task<> {
        for (int i = 0; i < n; ++i) {
          int v = 0;
          if (co_await co::select(b.on_send(1), a.on_recv(&v)) == 1) total += v;
        }
        co_await wg.done();
      });
      co_await wg.wait();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(total.load() == n);  // each round pairs one send with one receive
  }
}

TEST_CASE("the same channel twice in one select") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto ch = co::make_chan<int>();
    co::go([ch]() -> Task<> { co_await ch.send(3); });
    int x = 0, y = 0;
    int i = co_await co::select(ch.on_recv(&x), ch.on_recv(&y));
    CHECK(x + y == 3);
    CHECK((i == 0 ? x : y) == 3);
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}
