// Timeline: per-P slices, marks and GC pauses from trace event batches. The batches are what the
// recorder's per-thread buffers give: in order per thread, not across threads or batches.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "model/view_model.hpp"
#include "runtime/g.hpp"

namespace {

namespace dash = gopark::dash;
namespace rt = gopark::rt;
namespace trace = gopark::trace;
using trace::EventKind;
using Kind = dash::TimelineMark::Kind;

// An event at `ms` milliseconds (the recorder's stamps are nanoseconds).
trace::Event event(EventKind kind, double ms, std::uint64_t g, int p, std::uint64_t obj = 0, std::int64_t arg = 0,
                   std::uint8_t detail = 0) {
  trace::Event e;
  e.kind = kind;
  e.ts_ns = std::int64_t(ms * 1e6);
  e.g = g;
  e.p = std::int16_t(p);
  e.m = std::int16_t(p);
  e.obj = obj;
  e.arg = arg;
  e.detail = detail;
  return e;
}

trace::Event start(double ms, std::uint64_t g, int p) { return event(EventKind::GoStart, ms, g, p); }
trace::Event block(double ms, std::uint64_t g, int p, rt::WaitReason why = rt::WaitReason::ChanReceive,
                   std::uint64_t obj = 7) {
  return event(EventKind::GoBlock, ms, g, p, obj, 0, std::uint8_t(why));
}

struct Expect {
  int p;
  std::uint64_t g;
  double start_ms, end_ms;
};

void check_slices(const dash::Timeline& t, const std::vector<Expect>& expected) {
  REQUIRE(t.slices().size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const dash::TimelineSlice& s = t.slices()[i];
    CAPTURE(i);
    CHECK(s.p == expected[i].p);
    CHECK(s.g == expected[i].g);
    CHECK(s.start_ms == doctest::Approx(expected[i].start_ms));
    CHECK(s.end_ms == doctest::Approx(expected[i].end_ms));
  }
}

// The invariants the panel relies on: sorted by start, no overlap within a lane, only a lane's
// latest slice open, marks sorted.
void check_invariants(const dash::Timeline& t) {
  const auto& slices = t.slices();
  for (std::size_t i = 0; i + 1 < slices.size(); ++i) CHECK(slices[i].start_ms <= slices[i + 1].start_ms);
  for (int p = 0; p < t.lanes(); ++p) {
    const dash::TimelineSlice* previous = nullptr;
    for (const auto& s : slices) {
      if (s.p != p) continue;
      if (previous) {
        CHECK(previous->end_ms >= 0);
        CHECK(previous->end_ms <= s.start_ms);
      }
      previous = &s;
    }
  }
  const auto& marks = t.marks();
  for (std::size_t i = 0; i + 1 < marks.size(); ++i) CHECK(marks[i].ms <= marks[i + 1].ms);
}

}  // namespace

TEST_CASE("no events: no lanes, no slices, no marks, no pauses") {
  dash::Timeline t;
  t.add({});
  t.set_now(5000);
  CHECK(t.lanes() == 0);
  CHECK(t.slices().empty());
  CHECK(t.marks().empty());
  CHECK(t.gc_pauses().empty());
}

TEST_CASE("a slice still running is open (end < 0) and closes when its goroutine blocks") {
  dash::Timeline t;
  t.add({start(1.5, 3, 0)});
  check_slices(t, {{0, 3, 1.5, -1}});
  t.set_now(100000);  // trimming never drops an open slice
  check_slices(t, {{0, 3, 1.5, -1}});
  t.add({block(2.25, 3, 0)});
  check_slices(t, {{0, 3, 1.5, 2.25}});
}

TEST_CASE("ms is ts_ns / 1e6") {
  dash::Timeline t;
  trace::Event e = start(0, 1, 0);
  e.ts_ns = 1'234'567;
  t.add({e});
  CHECK(t.slices().at(0).start_ms == doctest::Approx(1.234567));
}

TEST_CASE("each way of leaving a P closes the slice: yield, preempt, end, the P stopping") {
  dash::Timeline t;
  t.add({start(1, 1, 0), event(EventKind::GoYield, 2, 1, 0),    //
         start(3, 1, 0), event(EventKind::GoPreempt, 4, 1, 0),  //
         start(5, 1, 0), event(EventKind::GoEnd, 6, 1, 0),      //
         start(7, 2, 0), event(EventKind::ProcStop, 8, 0, 0)});
  check_slices(t, {{0, 1, 1, 2}, {0, 1, 3, 4}, {0, 1, 5, 6}, {0, 2, 7, 8}});
}

TEST_CASE("a start on a P whose slice is open closes the old slice at the new start") {
  dash::Timeline t;
  t.add({start(1, 1, 0)});
  t.add({start(4, 2, 0)});
  check_slices(t, {{0, 1, 1, 4}, {0, 2, 4, -1}});
}

TEST_CASE("a batch out of order across threads is put in time order") {
  dash::Timeline t;
  // Thread of P1 first, then P0's, as a drain of two buffers gives them.
  t.add({start(2, 5, 1), block(6, 5, 1), start(7, 6, 1),  //
         start(1, 1, 0), block(3, 1, 0), start(4, 2, 0), event(EventKind::GoEnd, 5, 2, 0)});
  check_slices(t, {{0, 1, 1, 3}, {1, 5, 2, 6}, {0, 2, 4, 5}, {1, 6, 7, -1}});
  check_invariants(t);
  CHECK(t.lanes() == 2);
}

TEST_CASE("a late close from an older thread buffer shortens the slice it belongs to") {
  dash::Timeline t;
  // P0 passed from M0 to M1: M1's GoStart of G2 is drained before M0's GoBlock of G1.
  t.add({start(1, 1, 0), start(8, 2, 0)});
  check_slices(t, {{0, 1, 1, 8}, {0, 2, 8, -1}});
  t.add({block(5, 1, 0), event(EventKind::ProcStop, 6, 0, 0)});
  check_slices(t, {{0, 1, 1, 5}, {0, 2, 8, -1}});
  check_invariants(t);
}

TEST_CASE("a late start is placed before the lane's next slice and ends where it begins") {
  dash::Timeline t;
  t.add({start(8, 2, 0)});
  t.add({start(1, 1, 0)});  // its close is still to come
  check_slices(t, {{0, 1, 1, 8}, {0, 2, 8, -1}});
  t.add({block(5, 1, 0)});
  check_slices(t, {{0, 1, 1, 5}, {0, 2, 8, -1}});
  check_invariants(t);
  // The lane's open slice is still the latest one: a new start closes it.
  t.add({start(9, 3, 0)});
  check_slices(t, {{0, 1, 1, 5}, {0, 2, 8, 9}, {0, 3, 9, -1}});
}

TEST_CASE("a goroutine starting on another P closes its slice still open on the first") {
  dash::Timeline t;
  t.add({start(1, 1, 0), start(3, 1, 1)});  // G1's block on P0 not drained yet
  check_slices(t, {{0, 1, 1, 3}, {1, 1, 3, -1}});
  t.add({block(2, 1, 0)});
  check_slices(t, {{0, 1, 1, 2}, {1, 1, 3, -1}});
}

TEST_CASE("a goroutine's end written on another goroutine's P does not close that P's slice") {
  dash::Timeline t;
  // The run ends: main (G1, running on P0) kills G4, which sits in a run queue.
  t.add({start(1, 1, 0), event(EventKind::GoEnd, 2, 4, 0, 0, 0, std::uint8_t(rt::EndReason::MainReturned))});
  check_slices(t, {{0, 1, 1, -1}});
  REQUIRE(t.marks().size() == 1);
  CHECK(dash::mark_text(t.marks()[0]) == "G4 ends: terminated because main returned");
}

TEST_CASE("lanes is the highest P id seen + 1, and events without a P give marks, not slices") {
  dash::Timeline t;
  // Threads mode: no Ps.
  t.add({start(1, 1, -1), block(2, 1, -1), event(EventKind::GoCreate, 1.5, 2, -1, 0, 1)});
  CHECK(t.lanes() == 0);
  CHECK(t.slices().empty());
  CHECK(t.marks().size() == 2);
  t.add({event(EventKind::GoUnblock, 3, 1, 5, 0, 2)});
  CHECK(t.lanes() == 6);
  t.add({start(4, 1, 2)});
  CHECK(t.lanes() == 6);
}

TEST_CASE("marks say what happened, in time order") {
  dash::Timeline t;
  t.add({
      event(EventKind::GoCreate, 1, 1, -1),
      event(EventKind::GoCreate, 2, 3, 0, 0, 1),
      block(3, 3, 0, rt::WaitReason::ChanReceive, 7),
      block(4, 4, 1, rt::WaitReason::Sleep, 0),
      event(EventKind::GoUnblock, 5, 3, 1, 0, 4),
      event(EventKind::GoUnblock, 6, 4, -1, 0, 0),
      event(EventKind::GoYield, 7, 3, 0),
      event(EventKind::GoPreempt, 8, 3, 0),
      event(EventKind::GoEnd, 9, 3, 0, 0, 0, std::uint8_t(rt::EndReason::Returned)),
      event(EventKind::ChanSend, 9.5, 3, 0, 7, 1),  // not a timeline mark
  });
  const auto& marks = t.marks();
  REQUIRE(marks.size() == 9);
  const Kind kinds[] = {Kind::Create, Kind::Create, Kind::Block, Kind::Block, Kind::Unblock,
                        Kind::Unblock, Kind::Yield, Kind::Preempt, Kind::End};
  const char* texts[] = {"G1 created", "G3 created by G1", "G3 blocks: chan receive on chan #7",
                         "G4 blocks: sleep", "G3 ready, woken by G4", "G4 ready, woken by the runtime",
                         "G3 yields (runtime.Gosched)", "G3 preempted", "G3 ends: returned"};
  for (std::size_t i = 0; i < marks.size(); ++i) {
    CAPTURE(i);
    CHECK(marks[i].kind == kinds[i]);
    CHECK(dash::mark_text(marks[i]) == texts[i]);
    CHECK(marks[i].ms == doctest::Approx(double(i + 1)));
  }
  CHECK(marks[2].g == 3);
  CHECK(marks[2].p == 0);
  CHECK(marks[3].p == 1);
}

TEST_CASE("a mark from a late batch is inserted in time order") {
  dash::Timeline t;
  t.add({event(EventKind::GoYield, 5, 1, 0)});
  t.add({event(EventKind::GoPreempt, 3, 2, 1)});
  REQUIRE(t.marks().size() == 2);
  CHECK(t.marks()[0].kind == Kind::Preempt);
  CHECK(t.marks()[1].kind == Kind::Yield);
}

TEST_CASE("GC pauses pair GcStart with GcEnd, and one still going has end < 0") {
  dash::Timeline t;
  t.add({event(EventKind::GcStart, 10, 0, 0), event(EventKind::GcEnd, 10.5, 0, 0, 0, 2048)});
  t.add({event(EventKind::GcStart, 20, 0, 1)});
  auto pauses = t.gc_pauses();
  REQUIRE(pauses.size() == 2);
  CHECK(pauses[0].first == doctest::Approx(10));
  CHECK(pauses[0].second == doctest::Approx(10.5));
  CHECK(pauses[1].first == doctest::Approx(20));
  CHECK(pauses[1].second < 0);
  REQUIRE(t.marks().size() == 1);
  CHECK(t.marks()[0].kind == Kind::Gc);
  CHECK(dash::mark_text(t.marks()[0]) == "GC: world stopped 0.500 ms, 2.0 KiB live");
  // An end with no start seen (its start was dropped with an old chunk): a mark, no pause.
  dash::Timeline late;
  late.add({event(EventKind::GcEnd, 3, 0, 0, 0, 3 * 1024 * 1024)});
  CHECK(late.gc_pauses().empty());
  REQUIRE(late.marks().size() == 1);
  CHECK(dash::mark_text(late.marks()[0]) == "GC ends, 3.0 MiB live");
}

TEST_CASE("a batch is applied in time order: a GC end listed before its start still pairs") {
  dash::Timeline t;
  t.add({event(EventKind::GcEnd, 11, 0, 1, 0, 100), event(EventKind::GcStart, 10, 0, 0)});
  auto pauses = t.gc_pauses();
  REQUIRE(pauses.size() == 1);
  CHECK(pauses[0].first == doctest::Approx(10));
  CHECK(pauses[0].second == doctest::Approx(11));
}

TEST_CASE("set_now drops what ended before now - keep, keeps the rest and the open slices") {
  dash::Timeline t(100);
  t.add({start(0, 1, 0), block(10, 1, 0), start(10, 2, 1), block(150, 2, 1), start(20, 3, 0),
         event(EventKind::GcStart, 30, 0, 0), event(EventKind::GcEnd, 31, 0, 0, 0, 10),
         event(EventKind::GcStart, 160, 0, 0), event(EventKind::GoYield, 170, 9, 2)});
  t.set_now(200);  // cutoff 100
  check_slices(t, {{1, 2, 10, 150}, {0, 3, 20, -1}});
  REQUIRE(t.marks().size() == 2);
  CHECK(t.marks()[0].ms == doctest::Approx(150));
  CHECK(t.marks()[1].ms == doctest::Approx(170));
  auto pauses = t.gc_pauses();
  REQUIRE(pauses.size() == 1);
  CHECK(pauses[0].first == doctest::Approx(160));
  CHECK(t.lanes() == 3);
  // The lanes' bookkeeping survived the trim: events still find their slices.
  t.add({block(210, 3, 0), start(220, 4, 1)});
  check_slices(t, {{1, 2, 10, 150}, {0, 3, 20, 210}, {1, 4, 220, -1}});
  // A late close for a slice already dropped changes nothing.
  t.add({block(12, 1, 0)});
  check_slices(t, {{1, 2, 10, 150}, {0, 3, 20, 210}, {1, 4, 220, -1}});
  check_invariants(t);
}

TEST_CASE("a long run keeps bounded history") {
  constexpr double keep_ms = 200;
  constexpr int procs = 3;
  dash::Timeline t(keep_ms);
  std::size_t most_slices = 0, most_marks = 0;
  std::uint64_t next_g = 1;
  // 20 s of run: every P runs a fresh goroutine for 1 ms, it blocks, the next starts; one batch
  // (shuffled across Ps) per 50 ms, then set_now as the sampler would.
  for (int batch = 0; batch < 400; ++batch) {
    std::vector<trace::Event> events;
    for (int p = procs - 1; p >= 0; --p) {
      for (int i = 0; i < 50; ++i) {
        const double at = batch * 50.0 + i;
        events.push_back(start(at, next_g, p));
        events.push_back(block(at + 0.75, next_g, p));
        ++next_g;
      }
    }
    t.add(events);
    t.set_now(batch * 50.0 + 50);
    most_slices = std::max(most_slices, t.slices().size());
    most_marks = std::max(most_marks, t.marks().size());
  }
  // keep_ms of history plus one batch, per P.
  CHECK(most_slices <= std::size_t(procs * (keep_ms + 50)));
  CHECK(most_marks <= std::size_t(procs * (keep_ms + 50)));
  CHECK(t.slices().size() >= std::size_t(procs * (keep_ms - 1)));
  for (const auto& s : t.slices()) CHECK(s.end_ms >= 20000 - keep_ms);
  check_invariants(t);
}

TEST_CASE("clear forgets everything") {
  dash::Timeline t;
  t.add({start(1, 1, 3), event(EventKind::GcStart, 2, 0, 0), event(EventKind::GoYield, 3, 1, 3)});
  t.clear();
  CHECK(t.lanes() == 0);
  CHECK(t.slices().empty());
  CHECK(t.marks().empty());
  CHECK(t.gc_pauses().empty());
  t.add({start(5, 2, 0)});
  check_slices(t, {{0, 2, 5, -1}});
}
