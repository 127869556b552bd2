// Channels: Go's semantics, including the ugly cases, in every scheduler mode.
#include <algorithm>
#include <atomic>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;

TEST_CASE("unbuffered channel hands values over in order") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    std::vector<int> got;
    auto res = co::run(config, [&]() -> Task<> {
      auto ch = co::make_chan<int>();
      co::go([ch]() -> Task<> {
        for (int i = 0; i < 100; ++i) co_await ch.send(i);
        co_await ch.close();
      });
      for (;;) {
        auto [v, ok] = co_await ch.recv_ok();
        if (!ok) break;
        got.push_back(v);
      }
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    REQUIRE(got.size() == 100);
    for (int i = 0; i < 100; ++i) CHECK(got[i] == i);
  }
}

TEST_CASE("buffered channel: len, cap, FIFO, blocks when full") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    std::vector<std::string> got;
    std::atomic<bool> sent_d{false};
    auto res = co::run(config, [&]() -> Task<> {
      auto ch = co::make_chan<std::string>(3);
      CHECK(ch.cap() == 3);
      CHECK(ch.len() == 0);
      co_await ch.send("a");
      co_await ch.send("b");
      CHECK(ch.len() == 2);
      co_await ch.send("c");
      CHECK(ch.len() == 3);
      CHECK_FALSE(ch.try_send("d"));  // full: a send would block
      auto done = co::make_chan<bool>();
      co::go([ch, done, &sent_d]() -> Task<> {
        co_await ch.send("d");  // blocks until main receives
        sent_d = true;
        co_await done.send(true);
      });
      co_await wait_until([&] { return parked_on(ch.core()).first == 1; });
      CHECK_FALSE(sent_d);
      got.push_back(co_await ch.recv());  // frees a slot: the sender's "d" moves into the buffer
      co_await done.recv();
      CHECK(sent_d);
      CHECK(ch.len() == 3);
      for (int i = 0; i < 3; ++i) got.push_back(co_await ch.recv());
      CHECK(ch.len() == 0);
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(got == std::vector<std::string>{"a", "b", "c", "d"});
  }
}

TEST_CASE("receive from a closed channel drains the buffer, then yields zero values with ok == false") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto ch = co::make_chan<int>(2);
    co_await ch.send(7);
    co_await ch.send(8);
    co_await ch.close();
    CHECK(ch.len() == 2);
    auto a = co_await ch.recv_ok();
    auto b = co_await ch.recv_ok();
    auto c = co_await ch.recv_ok();
    auto d = co_await ch.recv_ok();
    CHECK((a.value == 7 && a.ok));
    CHECK((b.value == 8 && b.ok));
    CHECK((c.value == 0 && !c.ok));
    CHECK((d.value == 0 && !d.ok));
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("close wakes every blocked receiver with ok == false") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    std::atomic<int> woken{0};
    auto res = co::run(config, [&]() -> Task<> {
      auto ch = co::make_chan<int>();
      co::WaitGroup wg;
      for (int i = 0; i < 5; ++i) {
        co_await wg.add(1);
        co::go([&, ch]() -> Task<> {
          auto r = co_await ch.recv_ok();
          if (!r.ok && r.value == 0) ++woken;
          co_await wg.done();
        });
      }
      co_await wait_until([&] { return parked_on(ch.core()).second == 5; });
      co_await ch.close();
      co_await wg.wait();
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(woken == 5);
  }
}

TEST_CASE("close while senders are blocked: the senders panic with Go's message") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    auto res = co::run(config, [&]() -> Task<> {
      auto ch = co::make_chan<int>();
      co::go([ch]() -> Task<> { co_await ch.send(1); }, "main.sender");
      co_await co::sleep(5ms);  // let the sender block
      co_await ch.close();
      co_await co::sleep(1000ms);  // the sender's panic ends the program first
    });
    CHECK(res.kind == rt::ExitKind::Panic);
    CHECK(res.exit_code == 2);
    CHECK(res.message == "send on closed channel");
    CHECK(res.goroutine == 2);
    CHECK(res.report().rfind("panic: send on closed channel\n\ngoroutine 2 [running]:\nmain.sender", 0) == 0);
  }
}

TEST_CASE("send on a closed channel panics") {
  auto res = co::run(rt::Config{.procs = 1}, [&]() -> Task<> {
    auto ch = co::make_chan<int>(1);
    co_await ch.close();
    co_await ch.send(1);
    FAIL("unreachable");
  });
  CHECK(res.kind == rt::ExitKind::Panic);
  CHECK(res.message == "send on closed channel");
  CHECK(res.goroutine == 1);
}

TEST_CASE("close of a closed channel and of a nil channel panic") {
  auto twice = co::run(rt::Config{}, [&]() -> Task<> {
    auto ch = co::make_chan<int>();
    co_await ch.close();
    co_await ch.close();
  });
  CHECK(twice.kind == rt::ExitKind::Panic);
  CHECK(twice.message == "close of closed channel");
  auto nil = co::run(rt::Config{}, [&]() -> Task<> {
    co::Chan<int> ch;
    co_await ch.close();
  });
  CHECK(nil.kind == rt::ExitKind::Panic);
  CHECK(nil.message == "close of nil channel");
}

TEST_CASE("nil channel: send and receive block forever (deadlock), len and cap are 0") {
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    co::Chan<int> nil;
    CHECK(nil.len() == 0);
    CHECK(nil.cap() == 0);
    CHECK_FALSE(nil.try_send(1));
    co::go([nil]() -> Task<> { co_await nil.send(1); }, "main.sendNil");
    co_await nil.recv();
  });
  CHECK(res.kind == rt::ExitKind::Deadlock);
  CHECK(res.message == "all goroutines are asleep - deadlock!");
  CHECK(res.goroutines.find("goroutine 1 [chan receive (nil chan)]:") != std::string::npos);
  CHECK(res.goroutines.find("goroutine 2 [chan send (nil chan)]:\nmain.sendNil") != std::string::npos);
}

TEST_CASE("waiters are served in FIFO order") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    std::vector<int> order;
    auto res = co::run(config, [&]() -> Task<> {
      auto ch = co::make_chan<int>();
      auto results = co::make_chan<int>(4);
      // Receivers park one after another: receiver i is i-th in the queue.
      for (int i = 0; i < 4; ++i) {
        co::go([ch, results, i]() -> Task<> {
          int v = co_await ch.recv();
          co_await results.send(i * 100 + v);
        });
        co_await wait_until([&] { return parked_on(ch.core()).second == size_t(i + 1); });
      }
      for (int v = 0; v < 4; ++v) co_await ch.send(v);
      for (int k = 0; k < 4; ++k) order.push_back(co_await results.recv());
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
    std::vector<int> want = {0, 101, 202, 303};  // receiver i got the i-th value
    std::sort(order.begin(), order.end());
    CHECK(order == want);
  }
}

TEST_CASE("values are moved, not copied, and buffered ones are destroyed with the channel") {
  static int alive = 0;
  struct Counted {
    int v = 0;
    Counted() { ++alive; }
    explicit Counted(int x) : v(x) { ++alive; }
    Counted(Counted&& o) noexcept : v(o.v) { ++alive; }
    Counted& operator=(Counted&& o) noexcept { v = o.v; return *this; }
    ~Counted() { --alive; }
  };
  alive = 0;
  auto res = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto ch = co::make_chan<Counted>(4);
    co_await ch.send(Counted(1));
    co_await ch.send(Counted(2));
    Counted got = co_await ch.recv();
    CHECK(got.v == 1);
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  CHECK(alive == 0);
}
