// Stress: many Ms and Ps over few cores, rings of channels, contended locks, select storms, churn.
#include <atomic>

#include "helpers.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;

TEST_CASE("a ring of goroutines passes a token around many times with 16 Ps") {
  for (int procs : {2, 16}) {
    CAPTURE(procs);
    const int n = 64, laps = scaled(200);
    int64_t final_token = 0;
    auto res = co::run(rt::Config{.procs = procs}, [&]() -> Task<> {
      std::vector<co::Chan<int64_t>> ring;
      for (int i = 0; i <= n; ++i) ring.push_back(co::make_chan<int64_t>());
      for (int i = 0; i < n; ++i) {
        co::go([in = ring[i], out = ring[i + 1], laps]() -> Task<> {
          for (int k = 0; k < laps; ++k) co_await out.send(co_await in.recv() + 1);
        });
      }
      int64_t token = 0;
      for (int k = 0; k < laps; ++k) {
        co_await ring[0].send(token);
        token = co_await ring[n].recv();
      }
      final_token = token;
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(final_token == int64_t(n) * laps);
  }
}

TEST_CASE("producers and consumers over buffered channels, with many Ps, sum is exact") {
  for (int procs : {3, 16}) {
    CAPTURE(procs);
    const int producers = 8, consumers = 8, per = scaled(3000);
    std::atomic<int64_t> sum{0};
    auto res = co::run(rt::Config{.procs = procs}, [&]() -> Task<> {
      auto ch = co::make_chan<int>(16);
      co::WaitGroup pwg, cwg;
      for (int p = 0; p < producers; ++p) {
        co_await pwg.add(1);
        co::go([&, ch]() -> Task<> {
          for (int i = 1; i <= per; ++i) co_await ch.send(i);
          co_await pwg.done();
        });
      }
      for (int c = 0; c < consumers; ++c) {
        co_await cwg.add(1);
        co::go([&, ch]() -> Task<> {
          int64_t local = 0;
          for (;;) {
            auto [v, ok] = co_await ch.recv_ok();
            if (!ok) break;
            local += v;
          }
          sum += local;
          co_await cwg.done();
        });
      }
      co_await pwg.wait();
      co_await ch.close();
      co_await cwg.wait();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(sum == int64_t(producers) * per * (per + 1) / 2);
  }
}

TEST_CASE("select storm: many goroutines selecting over shared channels with timeouts") {
  const int workers = 16, each = scaled(500);
  std::atomic<int> received{0};
  auto res = co::run(rt::Config{.procs = 8}, [&]() -> Task<> {
    auto a = co::make_chan<int>(), b = co::make_chan<int>(2), quit = co::make_chan<int>();
    co::WaitGroup wg;
    for (int w = 0; w < workers; ++w) {
      co_await wg.add(1);
      co::go([&, a, b, quit]() -> Task<> {
        for (;;) {
          int v = 0;
          int i = co_await co::select(a.on_recv(&v), b.on_recv(&v), quit.on_recv());
          if (i == 2) break;
          ++received;
        }
        co_await wg.done();
      });
    }
    for (int k = 0; k < each * workers; ++k) {
      if (k % 2) co_await a.send(k);
      else co_await b.send(k);
    }
    co_await quit.close();
    co_await wg.wait();
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  CHECK(received == each * workers);
}

TEST_CASE("mutex contention across 16 Ps while GOMAXPROCS changes underneath") {
  const int per = scaled(2000);
  int64_t counter = 0;
  auto res = co::run(rt::Config{.procs = 16}, [&]() -> Task<> {
    co::Mutex mu;
    co::WaitGroup wg;
    for (int i = 0; i < 16; ++i) {
      co_await wg.add(1);
      co::go([&]() -> Task<> {
        for (int k = 0; k < per; ++k) {
          co_await mu.lock();
          ++counter;
          co_await mu.unlock();
          if (k % 64 == 0) co_await co::yield();
        }
        co_await wg.done();
      });
    }
    for (int n : {3, 1, 8, 2, 16}) {
      co_await co::sleep(1ms);
      co::gomaxprocs(n);
    }
    co_await wg.wait();
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  CHECK(counter == 16 * per);
}

TEST_CASE("spawn churn: goroutines that spawn goroutines, in every mode") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    const int depth = config.mode == rt::Mode::Threads ? (kWasm ? 2 : 6) : 10;  // 2^depth goroutines
    std::atomic<int> leaves{0};
    struct Tree {
      static Task<> grow(int d, co::WaitGroup* wg, std::atomic<int>* leaves) {
        if (d == 0) {
          ++*leaves;
        } else {
          for (int i = 0; i < 2; ++i) {
            co_await wg->add(1);
            co::go(grow(d - 1, wg, leaves));
          }
        }
        co_await wg->done();
      }
    };
    auto res = co::run(config, [&]() -> Task<> {
      co::WaitGroup wg;
      co_await wg.add(1);
      co::go(Tree::grow(depth, &wg, &leaves));
      co_await wg.wait();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(leaves == (1 << depth));
  }
}
