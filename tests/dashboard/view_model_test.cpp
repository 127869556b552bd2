// build_view_model and the shared vocabulary (states.cpp): from hand-made snapshots, the awkward
// frames first (empty, objects missing, unnamed, truncated queues, torn values), then a full one.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <set>
#include <string>

#include "model/view_model.hpp"
#include "runtime/g.hpp"
#include "runtime/runtime.hpp"
#include "runtime/sched.hpp"

namespace {

namespace dash = gopark::dash;
namespace rt = gopark::rt;
namespace trace = gopark::trace;
using dash::NoteState;

trace::GoroutineInfo goroutine(std::uint64_t id, rt::GState state, const char* label = "main.worker") {
  trace::GoroutineInfo g;
  g.id = id;
  g.state = std::uint8_t(state);
  g.label = label;
  return g;
}

trace::GoroutineInfo waiting(std::uint64_t id, rt::WaitReason why, std::uint64_t object) {
  trace::GoroutineInfo g = goroutine(id, rt::GState::Waiting);
  g.wait_reason = std::uint8_t(why);
  g.wait_object = object;
  return g;
}

trace::LockInfo lock(std::uint64_t id, trace::LockInfo::Kind kind, std::string name = "") {
  trace::LockInfo l;
  l.id = id;
  l.kind = kind;
  l.name = std::move(name);
  return l;
}

// WCAG relative luminance of an IM_COL32 colour, for the readability check.
double luminance(std::uint32_t color) {
  auto channel = [](std::uint32_t byte) {
    const double c = double(byte & 0xFF) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(color) + 0.7152 * channel(color >> 8) + 0.0722 * channel(color >> 16);
}

}  // namespace

TEST_CASE("an empty snapshot gives an empty frame that still answers lookups") {
  const dash::ViewModel vm = dash::build_view_model(trace::Snapshot{});
  CHECK(vm.time_ms == 0);
  CHECK(vm.mode == "goroutines (M:N)");  // mode 0 is rt::Mode::MN
  CHECK_FALSE(vm.running);
  CHECK(vm.goroutines.empty());
  CHECK(vm.procs.empty());
  CHECK(vm.threads.empty());
  CHECK(vm.channels.empty());
  CHECK(vm.locks.empty());
  CHECK(vm.global_runq.empty());
  for (std::uint32_t count : vm.state_counts) CHECK(count == 0);
  CHECK(vm.goroutine(1) == nullptr);
  CHECK(vm.goroutine_name(1) == "G1");
  CHECK(vm.state_of(1) == NoteState::Terminated);
}

TEST_CASE("mode text for each scheduler mode, '?' for a byte that is none") {
  trace::Snapshot s;
  s.mode = std::uint8_t(rt::Mode::MN);
  CHECK(dash::build_view_model(s).mode == "goroutines (M:N)");
  s.mode = std::uint8_t(rt::Mode::Threads);
  CHECK(dash::build_view_model(s).mode == "threads (1:1)");
  s.mode = std::uint8_t(rt::Mode::Coroutines);
  CHECK(dash::build_view_model(s).mode == "coroutines (N:1)");
  s.mode = 77;
  CHECK(dash::build_view_model(s).mode == "?");
}

TEST_CASE("a goroutine waiting on an object missing from the frame is named by its wait reason") {
  trace::Snapshot s;
  s.goroutines = {waiting(1, rt::WaitReason::ChanReceive, 99), waiting(2, rt::WaitReason::MutexLock, 98),
                  waiting(3, rt::WaitReason::WaitGroupWait, 97), waiting(4, rt::WaitReason::Select, 0),
                  waiting(5, rt::WaitReason::Sleep, 0)};
  const auto vm = dash::build_view_model(s);
  REQUIRE(vm.goroutines.size() == 5);
  CHECK(vm.goroutines[0].wait == "chan receive");
  CHECK(vm.goroutines[0].wait_object == 99);
  CHECK(vm.goroutines[0].wait_object_name == "chan #99");
  CHECK(vm.goroutines[1].wait == "sync.Mutex.Lock");
  CHECK(vm.goroutines[1].wait_object_name == "Mutex #98");
  CHECK(vm.goroutines[2].wait_object_name == "WaitGroup #97");
  // No object at all: a reason, but nothing to name.
  CHECK(vm.goroutines[3].wait == "select");
  CHECK(vm.goroutines[3].wait_object_name.empty());
  CHECK(vm.goroutines[4].wait == "sleep");
  CHECK(vm.goroutines[4].wait_object_name.empty());
}

TEST_CASE("unnamed channels and locks are called '<kind> #<id>', named ones keep their name") {
  using Kind = trace::LockInfo::Kind;
  trace::Snapshot s;
  trace::ChannelInfo unnamed, named;
  unnamed.id = 3;
  named.id = 4;
  named.name = "jobs";
  s.channels = {unnamed, named};
  s.locks = {lock(5, Kind::Mutex), lock(6, Kind::RWMutex), lock(7, Kind::WaitGroup), lock(8, Kind::Once),
             lock(9, Kind::Cond), lock(10, Kind::Mutex, "mu")};
  s.goroutines = {waiting(1, rt::WaitReason::ChanSend, 3), waiting(2, rt::WaitReason::ChanReceive, 4),
                  waiting(11, rt::WaitReason::RWMutexRLock, 6), waiting(12, rt::WaitReason::MutexLock, 10),
                  // Once parks with sync.Mutex.Lock: the frame's own kind wins over the reason's.
                  waiting(13, rt::WaitReason::MutexLock, 8)};
  const auto vm = dash::build_view_model(s);
  CHECK(vm.channels[0].name == "chan #3");
  CHECK(vm.channels[1].name == "jobs");
  const char* expected[] = {"Mutex #5", "RWMutex #6", "WaitGroup #7", "Once #8", "Cond #9", "mu"};
  const char* kinds[] = {"Mutex", "RWMutex", "WaitGroup", "Once", "Cond", "Mutex"};
  REQUIRE(vm.locks.size() == 6);
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(vm.locks[i].name == expected[i]);
    CHECK(vm.locks[i].kind == kinds[i]);
  }
  CHECK(vm.goroutine(1)->wait_object_name == "chan #3");
  CHECK(vm.goroutine(2)->wait_object_name == "jobs");
  CHECK(vm.goroutine(11)->wait_object_name == "RWMutex #6");
  CHECK(vm.goroutine(12)->wait_object_name == "mu");
  CHECK(vm.goroutine(13)->wait_object_name == "Once #8");
}

TEST_CASE("wait fields are kept only for suspended goroutines (a torn frame's state wins)") {
  trace::Snapshot s;
  trace::ChannelInfo c;
  c.id = 3;
  c.name = "jobs";
  s.channels = {c};
  trace::GoroutineInfo woken = waiting(1, rt::WaitReason::ChanReceive, 3);
  woken.state = std::uint8_t(rt::GState::Runnable);
  s.goroutines = {woken};
  const auto vm = dash::build_view_model(s);
  CHECK(vm.goroutines[0].state == NoteState::Ready);
  CHECK(vm.goroutines[0].wait.empty());
  CHECK(vm.goroutines[0].wait_object == 0);
  CHECK(vm.goroutines[0].wait_object_name.empty());
}

TEST_CASE("a state byte out of range counts as terminated") {
  CHECK(dash::note_state(200) == NoteState::Terminated);
  CHECK(dash::note_state(std::uint8_t(rt::GState::Waiting)) == NoteState::Suspended);
  trace::Snapshot s;
  trace::GoroutineInfo torn = goroutine(1, rt::GState::Running);
  torn.state = 9;
  s.goroutines = {torn};
  const auto vm = dash::build_view_model(s);
  CHECK(vm.goroutines[0].state == NoteState::Terminated);
  CHECK(vm.state_counts[std::size_t(NoteState::Terminated)] == 1);
}

TEST_CASE("truncated run queues keep the entries shown and the real length") {
  trace::Snapshot s;
  trace::ProcInfo p;
  p.id = 0;
  p.status = std::uint8_t(rt::PStatus::Running);
  p.runq = {5, 6, 7};
  p.runq_size = 40;
  s.procs = {p};
  s.global_runq = {8};
  s.global_runq_size = 1000;
  const auto vm = dash::build_view_model(s);
  REQUIRE(vm.procs.size() == 1);
  CHECK(vm.procs[0].runq == std::vector<std::uint64_t>{5, 6, 7});
  CHECK(vm.procs[0].runq_size == 40);
  CHECK(vm.global_runq == std::vector<std::uint64_t>{8});
  CHECK(vm.global_runq_size == 1000);
}

TEST_CASE("P and M status words, '?' for bytes that are none") {
  trace::Snapshot s;
  for (std::uint8_t st : {0, 1, 2, 3, 9}) {
    trace::ProcInfo p;
    p.id = st;
    p.status = st;
    s.procs.push_back(p);
    trace::ThreadInfo m;
    m.id = st;
    m.status = st;
    s.threads.push_back(m);
  }
  const auto vm = dash::build_view_model(s);
  const char* procs[] = {"idle", "running", "retiring", "dead", "?"};
  const char* threads[] = {"idle", "spinning", "running", "?", "?"};
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(vm.procs[i].status == procs[i]);
    CHECK(vm.threads[i].status == threads[i]);
  }
}

TEST_CASE("goroutine rows are sorted by id, counted by state, and named 'G<id> <function>'") {
  trace::Snapshot s;
  s.goroutines = {goroutine(7, rt::GState::Running), goroutine(1, rt::GState::Waiting, "main.main"),
                  goroutine(3, rt::GState::Runnable, ""), goroutine(4, rt::GState::Initial),
                  goroutine(2, rt::GState::Dead)};
  const auto vm = dash::build_view_model(s);
  REQUIRE(vm.goroutines.size() == 5);
  for (std::size_t i = 0; i + 1 < vm.goroutines.size(); ++i) CHECK(vm.goroutines[i].id < vm.goroutines[i + 1].id);
  for (std::uint32_t count : vm.state_counts) CHECK(count == 1);
  CHECK(vm.goroutine_name(7) == "G7 main.worker");
  CHECK(vm.goroutine_name(1) == "G1 main.main");
  CHECK(vm.goroutine_name(3) == "G3");   // no label
  CHECK(vm.goroutine_name(5) == "G5");   // not in this frame
  CHECK(vm.state_of(4) == NoteState::Initial);
  CHECK(vm.state_of(3) == NoteState::Ready);
  CHECK(vm.state_of(5) == NoteState::Terminated);
  REQUIRE(vm.goroutine(7) != nullptr);
  CHECK(vm.goroutine(7)->id == 7);
}

TEST_CASE("every field of a full snapshot reaches the frame") {
  trace::Snapshot s;
  s.time_ns = 1'500'000;
  s.mode = std::uint8_t(rt::Mode::Threads);
  s.gomaxprocs = 4;
  s.running = true;
  s.timers = 2;
  trace::GoroutineInfo g = waiting(9, rt::WaitReason::ChanSend, 3);
  g.label = "main.producer";
  g.line = 12;
  g.created_line = 30;
  g.parent_id = 1;
  g.p = 2;
  g.m = 5;
  g.run_ns = 2'500'000;
  g.switches = 17;
  s.goroutines = {g};
  trace::ProcInfo p;
  p.id = 2;
  p.status = std::uint8_t(rt::PStatus::Running);
  p.m = 5;
  p.running = 4;
  p.runnext = 6;
  s.procs = {p};
  trace::ThreadInfo m;
  m.id = 5;
  m.os_tid = 12345;
  m.status = std::uint8_t(rt::MStatus::Running);
  m.p = 2;
  m.running = 4;
  m.bound = 4;
  s.threads = {m};
  trace::ChannelInfo c;
  c.id = 3;
  c.name = "make(chan int, 2) at line 8";
  c.elem_type = "int";
  c.cap = 2;
  c.len = 2;
  c.closed = true;
  c.buffer = {"1", "2"};
  c.senders = {{9, "42", false}};
  c.receivers = {{10, "", false}};
  c.sends = 5;
  c.receives = 3;
  s.channels = {c};
  trace::LockInfo l = lock(20, trace::LockInfo::Kind::RWMutex, "rw");
  l.holders = {11, 12};
  l.readers = 2;
  l.writer_waiting = true;
  l.counter = -1;
  l.done = true;
  l.waiters = {{13, "", true}};
  s.locks = {l};

  const auto vm = dash::build_view_model(s);
  CHECK(vm.time_ms == doctest::Approx(1.5));
  CHECK(vm.mode == "threads (1:1)");
  CHECK(vm.gomaxprocs == 4);
  CHECK(vm.running);
  CHECK(vm.timers == 2);
  const dash::GoroutineRow& row = vm.goroutines.at(0);
  CHECK(row.id == 9);
  CHECK(row.function == "main.producer");
  CHECK(row.state == NoteState::Suspended);
  CHECK(row.wait == "chan send");
  CHECK(row.wait_object == 3);
  CHECK(row.wait_object_name == "make(chan int, 2) at line 8");
  CHECK(row.p == 2);
  CHECK(row.m == 5);
  CHECK(row.line == 12);
  CHECK(row.created_line == 30);
  CHECK(row.parent == 1);
  CHECK(row.run_ms == doctest::Approx(2.5));
  CHECK(row.switches == 17);
  const dash::ProcLane& lane = vm.procs.at(0);
  CHECK(lane.id == 2);
  CHECK(lane.status == "running");
  CHECK(lane.m == 5);
  CHECK(lane.running == 4);
  CHECK(lane.runnext == 6);
  const dash::ThreadRow& thread = vm.threads.at(0);
  CHECK(thread.id == 5);
  CHECK(thread.os_tid == 12345);
  CHECK(thread.status == "running");
  CHECK(thread.p == 2);
  CHECK(thread.running == 4);
  CHECK(thread.bound == 4);
  const dash::ChannelView& chan = vm.channels.at(0);
  CHECK(chan.elem_type == "int");
  CHECK(chan.cap == 2);
  CHECK(chan.len == 2);
  CHECK(chan.closed);
  CHECK(chan.buffer == std::vector<std::string>{"1", "2"});
  REQUIRE(chan.senders.size() == 1);
  CHECK(chan.senders[0].id == 9);
  CHECK(chan.senders[0].value == "42");
  REQUIRE(chan.receivers.size() == 1);
  CHECK(chan.receivers[0].id == 10);
  CHECK(chan.sends == 5);
  CHECK(chan.receives == 3);
  const dash::LockView& rw = vm.locks.at(0);
  CHECK(rw.id == 20);
  CHECK(rw.kind == "RWMutex");
  CHECK(rw.name == "rw");
  CHECK(rw.holders == std::vector<std::uint64_t>{11, 12});
  CHECK(rw.readers == 2);
  CHECK(rw.writer_waiting);
  CHECK(rw.counter == -1);
  CHECK(rw.done);
  REQUIRE(rw.waiters.size() == 1);
  CHECK(rw.waiters[0].id == 13);
  CHECK(rw.waiters[0].writer);
}

TEST_CASE("state styles: Go's and the note's words, distinct opaque colours readable on dark") {
  std::set<std::uint32_t> colors;
  const double background = luminance(0xFF0F0F0F);  // ImGui's dark WindowBg
  for (std::uint8_t i = 0; i < std::uint8_t(NoteState::Count); ++i) {
    const dash::StateStyle& style = dash::state_style(NoteState(i));
    CAPTURE(int(i));
    CHECK(std::string(style.note_word) == rt::note_word(rt::GState(i)));
    // Go's dumps call a goroutine that never ran "runnable" (rt::go_word says "idle", _Gidle).
    const std::string go = i == 0 ? "runnable" : rt::go_word(rt::GState(i));
    CHECK(std::string(style.go_word) == go);
    CHECK((style.color >> 24) == 0xFF);
    CHECK((luminance(style.color) + 0.05) / (background + 0.05) >= 3.0);
    colors.insert(style.color);
  }
  CHECK(colors.size() == std::size_t(NoteState::Count));
  CHECK(std::string(dash::state_style(NoteState::Count).note_word) == "?");
  CHECK(std::string(dash::state_style(NoteState(200)).go_word) == "?");
  CHECK(std::string(dash::state_style(NoteState::Running).go_word) == "running");
  CHECK(std::string(dash::state_style(NoteState::Suspended).note_word) == "suspended");
}

TEST_CASE("wait reason text and names of objects known only by id") {
  CHECK(dash::wait_reason_text(std::uint8_t(rt::WaitReason::None)).empty());
  CHECK(dash::wait_reason_text(std::uint8_t(rt::WaitReason::ChanReceive)) == "chan receive");
  CHECK(dash::wait_reason_text(std::uint8_t(rt::WaitReason::CondWait)) == "sync.Cond.Wait");
  CHECK(dash::wait_reason_text(250) == "?");
  CHECK(dash::unnamed_object(3, std::uint8_t(rt::WaitReason::ChanSend)) == "chan #3");
  CHECK(dash::unnamed_object(5, std::uint8_t(rt::WaitReason::RWMutexLock)) == "RWMutex #5");
  CHECK(dash::unnamed_object(6, std::uint8_t(rt::WaitReason::CondWait)) == "Cond #6");
  CHECK(dash::unnamed_object(7, std::uint8_t(rt::WaitReason::Select)) == "object #7");
  CHECK(dash::unnamed_object(8, 250) == "object #8");
}
