// engine/runtime/race: the detector's core, driven directly: goroutines as Threads, sync as
// SyncClocks, accesses as words. (Programs under `gopark run --race` are tested in tests/race.)
#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "runtime/race.hpp"

using namespace gopark::rt::race;

namespace {
constexpr uintptr_t kX = 0x10000, kY = 0x10008;
}

TEST_CASE("race: two goroutines writing one word without synchronisation race; the report names both") {
  Detector d;
  Thread main, a;
  REQUIRE(d.start(main, 1));
  REQUIRE(d.go(main, a, 7));
  Race r;
  CHECK_FALSE(d.write(a, kX, 8, 11, &r));
  CHECK(d.write(main, kX + 4, 4, 12, &r));  // bytes of the word the first wrote
  CHECK(r.addr == kX + 4);                   // where the racing access was
  CHECK(r.now.gid == 1);
  CHECK(r.now.site == 12);
  CHECK(r.now.write);
  CHECK(r.before.gid == 7);
  CHECK(r.before.site == 11);
  CHECK(r.before.write);
  // Another word: no history, no race.
  CHECK_FALSE(d.write(main, kY, 8, 13, &r));
}

TEST_CASE("race: what happens before go f() is seen by f; what comes after is not") {
  Detector d;
  Thread main, a;
  REQUIRE(d.start(main, 1));
  Race r;
  CHECK_FALSE(d.write(main, kX, 8, 1, &r));
  REQUIRE(d.go(main, a, 2));
  CHECK_FALSE(d.read(a, kX, 8, 2, &r));   // written before the go statement
  CHECK_FALSE(d.write(main, kY, 8, 3, &r));
  CHECK(d.read(a, kY, 8, 4, &r));         // written after it: a read racing with a write
  CHECK(r.now.gid == 2);
  CHECK_FALSE(r.now.write);
  CHECK(r.before.site == 3);
}

TEST_CASE("race: a release and an acquire order two goroutines' accesses (a Mutex, a channel)") {
  Detector d;
  Thread main, a;
  REQUIRE(d.start(main, 1));
  REQUIRE(d.go(main, a, 2));
  SyncClock mu;
  Race r;
  CHECK_FALSE(d.write(a, kX, 8, 1, &r));
  mu.release(a);
  mu.acquire(main);
  CHECK_FALSE(d.write(main, kX, 8, 2, &r));
  CHECK_FALSE(d.read(main, kX, 8, 3, &r));
  // The other way round without the lock: a's next access races.
  CHECK(d.read(a, kX, 8, 4, &r));
  CHECK(r.before.gid == 1);
}

TEST_CASE("race: concurrent reads do not race with each other, but a write races with any read it does not know") {
  Detector d;
  Thread main, a, b;
  REQUIRE(d.start(main, 1));
  Race r;
  CHECK_FALSE(d.write(main, kX, 8, 1, &r));
  REQUIRE(d.go(main, a, 2));
  REQUIRE(d.go(main, b, 3));
  CHECK_FALSE(d.read(a, kX, 8, 10, &r));
  CHECK_FALSE(d.read(b, kX, 8, 20, &r));  // two concurrent reads: no race
  // main learns of a's read only: its write races with b's.
  SyncClock done;
  done.release(a);
  done.acquire(main);
  CHECK(d.write(main, kX, 8, 30, &r));
  CHECK(r.before.gid == 3);
  CHECK(r.before.site == 20);
  CHECK_FALSE(r.before.write);
  // After the write, the reads are forgotten: a write by main again is its own.
  CHECK_FALSE(d.write(main, kX, 8, 31, &r));
}

TEST_CASE("race: bytes of one word are apart; a range covers every byte it spans") {
  Detector d;
  Thread main, a, b;
  REQUIRE(d.start(main, 1));
  REQUIRE(d.go(main, a, 2));
  REQUIRE(d.go(main, b, 3));
  Race r;
  for (uintptr_t i = 0; i < 16; i += 2) {  // a []byte split between two workers, byte by byte
    CHECK_FALSE(d.write(a, kX + i, 1, 1, &r));
    CHECK_FALSE(d.write(b, kX + i + 1, 1, 2, &r));
  }
  constexpr uintptr_t kW = 0x30000;
  CHECK_FALSE(d.write(a, kW, 4, 3, &r));      // two halves of one word
  CHECK_FALSE(d.read(b, kW + 4, 4, 4, &r));
  CHECK(d.read_range(main, kX + 5, 6, 5, &r));  // copy(dst, buf[5:11]): bytes of both
  CHECK(r.addr >= kX + 5);
  CHECK(r.addr < kX + 11);
  CHECK(d.write(main, kW + 2, 4, 6, &r));     // overlaps both halves: races with the write
  CHECK(r.before.site == 3);
}

TEST_CASE("race: fresh memory has no history") {
  Detector d;
  Thread main, a;
  REQUIRE(d.start(main, 1));
  REQUIRE(d.go(main, a, 2));
  Race r;
  CHECK_FALSE(d.write(a, kX, 8, 1, &r));
  CHECK(d.cells() == 1);
  d.reset(kX, 16);  // freed and allocated again
  CHECK(d.cells() == 0);
  CHECK_FALSE(d.write(main, kX, 8, 2, &r));
}

TEST_CASE("race: slots are reused only when the new goroutine knows the old one's every event") {
  Detector d;
  Thread main, a, b, c;
  REQUIRE(d.start(main, 1));
  REQUIRE(d.go(main, a, 2));
  Race r;
  CHECK_FALSE(d.write(a, kX, 8, 1, &r));
  SyncClock wg;
  wg.release(a);  // wg.Done()
  d.end(a);
  // Not joined yet: b gets a fresh slot, and a's write races with b's.
  REQUIRE(d.go(main, b, 3));
  CHECK(b.slot != a.slot);
  CHECK(d.write(b, kX, 8, 2, &r));
  CHECK(r.before.gid == 2);
  d.end(b);
  // Joined (wg.Wait): c may take a's slot, and a's write happened before c's.
  wg.acquire(main);
  REQUIRE(d.go(main, c, 4));
  CHECK(c.slot == a.slot);
  CHECK(c.epoch().clock > a.last());  // its epochs are new ones
  CHECK_FALSE(d.write(c, kY, 8, 3, &r));
  CHECK_FALSE(d.read(c, kY, 8, 3, &r));
}

TEST_CASE("race: past the limit of goroutines alive at once, go fails") {
  Detector d;
  Thread main;
  REQUIRE(d.start(main, 1));
  std::vector<Thread> gs(Detector::kMaxLive);
  std::size_t started = 0;
  for (Thread& g : gs) {
    if (!d.go(main, g, 2 + started)) break;
    ++started;
  }
  CHECK(started == Detector::kMaxLive - 1);  // main is alive too
  d.end(gs[0]);
  Thread more;
  CHECK(d.go(main, more, 99999));
}

TEST_CASE("race: threads touching their own words at once report nothing (and the detector is thread-safe)") {
  Detector d;
  Thread main;
  REQUIRE(d.start(main, 1));
  std::vector<Thread> ts(4);
  for (std::size_t i = 0; i < ts.size(); ++i) REQUIRE(d.go(main, ts[i], 2 + i));
  std::atomic<int> races{0};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    threads.emplace_back([&, i] {
      Race r;
      for (uintptr_t k = 0; k < 2000; ++k) {
        const uintptr_t a = 0x100000 + (k * ts.size() + i) * 8;
        if (d.write(ts[i], a, 8, 1, &r)) races.fetch_add(1);
        if (d.read(ts[i], a, 8, 2, &r)) races.fetch_add(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(races.load() == 0);
  CHECK(d.cells() == 2000 * ts.size());
}

// ---- The runtime's edges: real goroutines, channels and locks (accesses reported by hand) ----

#include "helpers.hpp"

namespace {

using gopark::co::Task;
namespace co = gopark::co;
namespace grt = gopark::rt;

// Reports an access of the calling goroutine; true when it raced.
bool access(bool write, uintptr_t addr) {
  grt::G& g = co::detail::self();
  Detector* d = g.runtime->race_detector();
  REQUIRE(d);
  Race r;
  return write ? d->write(g.race, addr, 8, 1, &r) : d->read(g.race, addr, 8, 2, &r);
}

// Runs `body` as main with a detector, in every scheduler set-up; `expect` races in each.
template <class Body>
void in_every_mode(bool expect_race, Body body) {
  for (auto& named : gopark::test::all_configs()) {
    CAPTURE(named.name);
    grt::Config config = named.config;
    config.race = true;
    std::atomic<int> races{0};
    auto res = co::run(config, [&]() -> Task<> { co_await body(races); });
    CHECK(res.kind == grt::ExitKind::MainReturned);
    CHECK((races.load() > 0) == expect_race);
  }
}

}  // namespace

TEST_CASE("race edges: an unbuffered send happens before its receive completes, and the other way") {
  in_every_mode(false, [](std::atomic<int>& races) -> Task<> {
    auto ch = co::make_chan<int>();
    co::go([&, ch]() -> Task<> {
      races += access(true, kX);
      co_await ch.send(1);
      co_await ch.recv();
      races += access(true, kY);  // after main's read of kY (the second handoff)
    });
    co_await ch.recv();
    races += access(false, kX);
    races += access(false, kY);
    co_await ch.send(2);
    co_await co::sleep(std::chrono::milliseconds(1));
  });
}

TEST_CASE("race edges: a buffered channel orders a send before its receive, and a capacity-1 channel is a lock") {
  in_every_mode(false, [](std::atomic<int>& races) -> Task<> {
    auto sem = co::make_chan<int>(1);
    auto done = co::make_chan<int>(2);
    for (int i = 0; i < 2; ++i) {
      co::go([&, sem, done]() -> Task<> {
        co_await sem.send(1);  // acquire
        races += access(true, kX);
        co_await sem.recv();   // release
        co_await done.send(1);
      });
    }
    co_await done.recv();
    co_await done.recv();
    races += access(true, kX);
  });
}

TEST_CASE("race edges: close happens before a receive that sees the channel closed") {
  in_every_mode(false, [](std::atomic<int>& races) -> Task<> {
    auto ch = co::make_chan<int>();
    co::go([&, ch]() -> Task<> {
      races += access(true, kX);
      co_await ch.close();
    });
    co_await ch.recv();
    races += access(false, kX);
  });
}

TEST_CASE("race edges: Mutex, WaitGroup and Once order what they protect") {
  in_every_mode(false, [](std::atomic<int>& races) -> Task<> {
    co::Mutex mu;
    co::WaitGroup wg;
    co::Once once;
    constexpr uintptr_t kZ = 0x20000;
    for (int i = 0; i < 3; ++i) {
      co_await wg.add(1);
      co::go([&]() -> Task<> {
        co_await once.call([&] { races += access(true, kZ); });  // the first Do writes
        races += access(false, kZ);                             // every Do returns after it
        co_await mu.lock();
        races += access(true, kX);
        co_await mu.unlock();
        races += access(true, kY + 8 * uintptr_t(1 + co::detail::self().id.load()));  // each its own
        co_await wg.done();
      });
    }
    co_await wg.wait();
    races += access(false, kX);
    for (uintptr_t id = 1; id < 8; ++id) races += access(false, kY + 8 * (1 + id));
  });
}

TEST_CASE("race edges: sleeping is not synchronisation, and goroutines without any race") {
  in_every_mode(true, [](std::atomic<int>& races) -> Task<> {
    co::go([&]() -> Task<> {
      races += access(true, kX);
      co_return;
    });
    co_await co::sleep(std::chrono::milliseconds(5));
    races += access(false, kX);
  });
  in_every_mode(true, [](std::atomic<int>& races) -> Task<> {
    co::WaitGroup wg;
    for (int i = 0; i < 2; ++i) {
      co_await wg.add(1);
      co::go([&]() -> Task<> {
        races += access(true, kX);  // n++ without a lock
        co_await wg.done();
      });
    }
    co_await wg.wait();
  });
}
