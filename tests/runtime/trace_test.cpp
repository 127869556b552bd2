// engine/trace: snapshots (also taken from another thread while the program runs), events, Chrome JSON.
#include <atomic>
#include <sstream>
#include <thread>

#include "helpers.hpp"
#include "trace/chrome_json.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;

TEST_CASE("a snapshot shows channel buffers, queued senders with their values, and receivers") {
  rt::Runtime r(rt::Config{.procs = 2});
  auto res = co::run(r, [&]() -> Task<> {
    auto jobs = co::make_chan<std::string>(2, "jobs");
    co_await jobs.send("a");
    co_await jobs.send("b");
    co::go([jobs]() -> Task<> { co_await jobs.send("c"); }, "main.producer");
    auto empty = co::make_chan<int>(0, "results");
    co::go([empty]() -> Task<> { co_await empty.recv(); }, "main.consumer");
    co_await wait_until([&] { return parked_on(jobs.core()).first == 1 && parked_on(empty.core()).second == 1; });
    auto snap = r.snapshot();
    REQUIRE(snap.channels.size() == 2);
    auto& j = snap.channels[0];
    CHECK(j.name == "jobs");
    CHECK(j.elem_type == "string");
    CHECK(j.cap == 2);
    CHECK(j.len == 2);
    CHECK(j.buffer == std::vector<std::string>{"a", "b"});
    REQUIRE(j.senders.size() == 1);
    CHECK(j.senders[0].goroutine == 2);
    CHECK(j.senders[0].value == "c");
    CHECK(j.sends == 2);
    auto& e = snap.channels[1];
    CHECK(e.name == "results");
    REQUIRE(e.receivers.size() == 1);
    CHECK(e.receivers[0].goroutine == 3);
    // Goroutines, Ps and Ms.
    REQUIRE(snap.goroutines.size() == 3);
    CHECK(snap.goroutines[1].label == "main.producer");
    CHECK(snap.goroutines[1].wait_reason == uint8_t(rt::WaitReason::ChanSend));
    CHECK(snap.goroutines[2].wait_reason == uint8_t(rt::WaitReason::ChanReceive));
    CHECK(snap.gomaxprocs == 2);
    CHECK(snap.procs.size() == 2);
    bool main_on_a_p = false;
    for (auto& p : snap.procs) main_on_a_p |= p.running == 1;
    CHECK(main_on_a_p);
    REQUIRE(!snap.threads.empty());
    CHECK(snap.threads[0].os_tid != 0);
    co_await jobs.recv();
    co_await empty.send(1);
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  auto after = r.snapshot();
  CHECK_FALSE(after.running);
  CHECK(after.goroutines.empty());
}

TEST_CASE("snapshots from another thread at a high rate while goroutines churn") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    auto cfg = config;
    cfg.trace = true;
    rt::Runtime r(cfg);
    std::atomic<bool> quit{false};
    std::atomic<size_t> max_goroutines{0}, snapshots{0};
    std::thread ui([&] {
      while (!quit) {
        auto s = r.snapshot();
        max_goroutines = std::max(max_goroutines.load(), s.goroutines.size());
        ++snapshots;
        std::this_thread::sleep_for(200us);
      }
    });
    auto res = co::run(r, [&]() -> Task<> {
      const int rounds = scaled(200);
      auto ch = co::make_chan<int>(4);
      co::Mutex mu;
      co::WaitGroup wg;
      for (int i = 0; i < 8; ++i) {
        co_await wg.add(1);
        co::go([&, ch]() -> Task<> {
          for (int k = 0; k < rounds; ++k) {
            co_await ch.send(k);
            co_await mu.lock();
            co_await mu.unlock();
            co_await ch.recv();
          }
          co_await wg.done();
        });
      }
      co_await wait_until([&] { return snapshots >= 5; });  // some of them while the workers churn
      co_await wg.wait();
    });
    quit = true;
    ui.join();
    CHECK(res.kind == rt::ExitKind::MainReturned);
    CHECK(snapshots > 0);
    CHECK(max_goroutines <= 9);
    std::vector<trace::Event> events;
    trace::Recorder::Cursor cursor;
    r.recorder()->read_new(cursor, events);
    CHECK(events.size() == r.recorder()->events().size());
    size_t again = events.size();
    r.recorder()->read_new(cursor, events);
    CHECK(events.size() == again);  // nothing new after the run
  }
}

TEST_CASE("the event stream tells every goroutine's life, and exports as Chrome trace JSON") {
  rt::Runtime r(rt::Config{.procs = 2, .trace = true});
  auto res = co::run(r, [&]() -> Task<> {
    auto ch = co::make_chan<int>();
    co::Mutex mu;
    co::go([&, ch]() -> Task<> {
      co_await mu.lock();
      co_await ch.send(1);
      co_await mu.unlock();
    }, "main.worker");
    co_await ch.recv();
    co_await mu.lock();
    co_await mu.unlock();
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  auto events = r.recorder()->events();
  int creates = 0, ends = 0, sends = 0, recvs = 0, acquires = 0;
  int64_t last = 0;
  bool ordered = true;
  for (auto& e : events) {
    ordered &= e.ts_ns >= last;
    last = e.ts_ns;
    creates += e.kind == trace::EventKind::GoCreate;
    ends += e.kind == trace::EventKind::GoEnd;
    sends += e.kind == trace::EventKind::ChanSend;
    recvs += e.kind == trace::EventKind::ChanRecv;
    acquires += e.kind == trace::EventKind::LockAcquire;
  }
  CHECK(ordered);
  CHECK(creates == 2);
  CHECK(ends == 2);
  CHECK(sends == 1);
  CHECK(recvs == 1);
  CHECK(acquires == 2);
  std::ostringstream json;
  trace::write_chrome_json(events, json);
  std::string s = json.str();
  CHECK(s.rfind("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[", 0) == 0);
  CHECK(s.find("\"G2 main.worker\"") != std::string::npos);
  CHECK(s.find("\"name\":\"P0\"") != std::string::npos);
  CHECK(s.find("waiting: chan receive") != std::string::npos);
  CHECK(s.substr(s.size() - 4) == "\n]}\n");
  // Balanced brackets: a cheap well-formedness check (labels here contain none).
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') --depth;
    CHECK(depth >= 0);
  }
  CHECK(depth == 0);
}

TEST_CASE("the recorder stays within its budget by dropping the oldest events") {
  rt::Runtime r(rt::Config{.procs = 1, .trace = true, .trace_max_events = 8 * 1024});
  auto res = co::run(r, [&]() -> Task<> {
    for (int i = 0; i < 20000; ++i) co_await co::yield();
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  CHECK(r.recorder()->events().size() <= 8 * 1024 + 2 * trace::Sink::kChunkEvents);
  CHECK(r.recorder()->dropped() > 0);
}

namespace {
trace::Event numbered(int64_t i) {
  trace::Event e;
  e.ts_ns = i;
  e.arg = i;
  return e;
}
}  // namespace

TEST_CASE("a recorder reuses dropped chunks: what it keeps is the newest events, whole and in order") {
  trace::Recorder rec(4 * trace::Sink::kChunkEvents);
  trace::Sink* sink = rec.new_sink();
  const int64_t total = 20 * trace::Sink::kChunkEvents + 7;
  for (int64_t i = 0; i < total; ++i) sink->emit(numbered(i));
  std::vector<trace::Event> kept = rec.events();
  REQUIRE(!kept.empty());
  CHECK(kept.back().arg == total - 1);
  CHECK(uint64_t(kept.front().arg) == rec.dropped());  // nothing lost between the dropped and the kept
  for (size_t i = 1; i < kept.size(); ++i) CHECK(kept[i].arg == kept[i - 1].arg + 1);
  // A second recorder (its slabs may be the first one's, once it is gone) starts empty.
  {
    trace::Recorder other;
    other.new_sink()->emit(numbered(1));
    CHECK(other.events().size() == 1);
  }
}

TEST_CASE("read_new with at_most passes over the oldest new chunks and goes on from the newest") {
  trace::Recorder rec;
  trace::Sink* sink = rec.new_sink();
  trace::Recorder::Cursor cursor;
  std::vector<trace::Event> out;
  const int64_t chunk = trace::Sink::kChunkEvents;
  for (int64_t i = 0; i < 10 * chunk + 5; ++i) sink->emit(numbered(i));
  rec.read_new(cursor, out, 3 * chunk);
  // Whole chunks: the newest events, at most 3 chunks' worth, ending with the last one.
  REQUIRE(!out.empty());
  CHECK(out.size() <= size_t(3 * chunk));
  CHECK(out.size() > size_t(2 * chunk));
  CHECK(out.back().arg == 10 * chunk + 4);
  CHECK(out.front().arg % chunk == 0);
  for (size_t i = 1; i < out.size(); ++i) CHECK(out[i].arg == out[i - 1].arg + 1);
  // What was passed over counts as read: the next call has only what came after.
  out.clear();
  for (int64_t i = 10 * chunk + 5; i < 10 * chunk + 9; ++i) sink->emit(numbered(i));
  rec.read_new(cursor, out, 3 * chunk);
  REQUIRE(out.size() == 4);
  CHECK(out.front().arg == 10 * chunk + 5);
  // Without a bound, everything new comes back.
  trace::Recorder::Cursor fresh;
  out.clear();
  rec.read_new(fresh, out);
  CHECK(out.size() == size_t(10 * chunk + 9));
}
