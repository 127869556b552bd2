// The last frame of a run (dashboard/model/ending.cpp): a normal end terminates everyone and
// empties every queue; a deadlock keeps the blocked goroutines where they wait and marks what
// they wait on.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "model/view_model.hpp"
#include "runtime/g.hpp"
#include "runtime/sched.hpp"

namespace {

namespace dash = gopark::dash;
namespace rt = gopark::rt;
namespace trace = gopark::trace;
using dash::NoteState;

trace::GoroutineInfo goroutine(std::uint64_t id, rt::GState state, const char* label, std::int32_t line = 0) {
  trace::GoroutineInfo g;
  g.id = id;
  g.state = std::uint8_t(state);
  g.label = label;
  g.line = line;
  return g;
}

trace::GoroutineInfo waiting(std::uint64_t id, rt::WaitReason why, std::uint64_t object, const char* label,
                             std::int32_t line) {
  trace::GoroutineInfo g = goroutine(id, rt::GState::Waiting, label, line);
  g.wait_reason = std::uint8_t(why);
  g.wait_object = object;
  return g;
}

// Two goroutines each holding the Mutex the other wants, main waiting on a WaitGroup, and one
// goroutine asleep on a channel nobody will send on; P0 still shows main as running.
trace::Snapshot deadlocked_program() {
  trace::Snapshot s;
  s.running = true;
  s.goroutines = {waiting(1, rt::WaitReason::WaitGroupWait, 30, "main.main", 44),
                  waiting(2, rt::WaitReason::MutexLock, 20, "main.main.func1", 29),
                  waiting(3, rt::WaitReason::MutexLock, 10, "main.main.func2", 39),
                  waiting(4, rt::WaitReason::ChanReceive, 40, "main.listen", 50),
                  waiting(5, rt::WaitReason::MutexLock, 20, "main.main.func3", 60)};
  trace::LockInfo pen, paper, wg;
  pen.id = 10, pen.name = "pen", pen.holders = {2}, pen.waiters = {{3, "", false}};
  paper.id = 20, paper.name = "paper", paper.holders = {3}, paper.waiters = {{2, "", false}, {5, "", false}};
  wg.id = 30, wg.kind = trace::LockInfo::Kind::WaitGroup, wg.counter = 2, wg.waiters = {{1, "", false}};
  trace::LockInfo idle;
  idle.id = 35;
  idle.name = "unused";
  s.locks = {pen, paper, wg, idle};
  trace::ChannelInfo ch;
  ch.id = 40;
  ch.name = "events";
  s.channels = {ch};
  trace::ProcInfo p;
  p.id = 0;
  p.status = std::uint8_t(rt::PStatus::Running);
  p.running = 1;
  p.runq = {6};
  p.runq_size = 1;
  s.procs = {p};
  return s;
}

}  // namespace

TEST_CASE("a normal end: everyone still alive is terminated, and no queue holds anyone") {
  dash::ViewModel v = dash::build_view_model(deadlocked_program());
  dash::ended(v);
  CHECK_FALSE(v.running);
  CHECK_FALSE(v.deadlock);
  CHECK(v.deadlock_objects.empty());
  for (const dash::GoroutineRow& g : v.goroutines) {
    CHECK(g.state == NoteState::Terminated);
    CHECK(g.wait_object == 0);
  }
  CHECK(v.goroutine(1)->wait.empty());                          // main just ended
  CHECK(v.goroutine(2)->wait == "ended with the program");      // the others ended with it
  CHECK(v.state_counts[std::size_t(NoteState::Terminated)] == 5);
  CHECK(v.state_counts[std::size_t(NoteState::Suspended)] == 0);
  CHECK(v.procs[0].running == 0);
  CHECK(v.procs[0].runq.empty());
  CHECK(v.procs[0].status == "idle");
  for (const dash::LockView& l : v.locks) CHECK(l.waiters.empty());
  CHECK(dash::deadlock_lines(v).empty());
}

TEST_CASE("a deadlock: the blocked stay blocked, with what they wait on, and those objects are marked") {
  dash::ViewModel v = dash::build_view_model(deadlocked_program());
  dash::ended_in_deadlock(v);
  CHECK_FALSE(v.running);
  CHECK(v.deadlock);
  CHECK(v.deadlock_objects == std::vector<std::uint64_t>{10, 20, 30, 40});  // sorted, once each, not 35
  CHECK(v.state_counts[std::size_t(NoteState::Suspended)] == 5);
  CHECK(v.goroutine(3)->wait_object_name == "pen");
  // The queues of the objects stay: they show who waits on whom.
  CHECK(v.locks[1].waiters.size() == 2);
  // Nothing runs any more.
  CHECK(v.procs[0].running == 0);
  CHECK(v.procs[0].runq.empty());

  std::vector<std::string> lines = dash::deadlock_lines(v);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "G1 main.main: sync.WaitGroup.Wait on WaitGroup #30 (line 44)");
  CHECK(lines[1] == "G2 main.main.func1: sync.Mutex.Lock on paper (line 29)");
  CHECK(lines[3] == "G4 main.listen: chan receive on events (line 50)");
}

TEST_CASE("a deadlock frame with no goroutine left waiting on an object still counts as a deadlock") {
  trace::Snapshot s;
  s.goroutines = {goroutine(1, rt::GState::Waiting, "main.main", 3)};  // select {} : no object
  s.goroutines[0].wait_reason = std::uint8_t(rt::WaitReason::SelectNoCases);
  dash::ViewModel v = dash::build_view_model(s);
  dash::ended_in_deadlock(v);
  CHECK(v.deadlock);
  CHECK(v.deadlock_objects.empty());
  REQUIRE(dash::deadlock_lines(v).size() == 1);
  CHECK(dash::deadlock_lines(v)[0].rfind("G1 main.main: select (no cases)", 0) == 0);
}

TEST_CASE("ended goroutines keep a terminated row, the most recent ones, in id order") {
  dash::EndedGoroutines ended(2);
  trace::Snapshot first;
  first.goroutines = {goroutine(1, rt::GState::Running, "main.main", 9), goroutine(2, rt::GState::Running, "main.work", 20),
                      waiting(3, rt::WaitReason::ChanReceive, 40, "main.wait", 30),
                      goroutine(4, rt::GState::Runnable, "main.work", 21)};
  dash::ViewModel v1 = dash::build_view_model(first);
  ended.update(v1);
  CHECK(v1.goroutines.size() == 4);  // nothing ended yet
  CHECK(ended.size() == 0);

  trace::Snapshot second;  // G2 and G3 ended; G5 is new
  second.goroutines = {goroutine(1, rt::GState::Running, "main.main", 10), goroutine(4, rt::GState::Running, "main.work", 22),
                       goroutine(5, rt::GState::Runnable, "main.work", 0)};
  dash::ViewModel v2 = dash::build_view_model(second);
  ended.update(v2);
  REQUIRE(v2.goroutines.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) CHECK(v2.goroutines[i].id == i + 1);
  CHECK(v2.goroutine(2)->state == NoteState::Terminated);
  CHECK(v2.goroutine(2)->line == 20);        // where it was last seen
  CHECK(v2.goroutine(3)->state == NoteState::Terminated);
  CHECK(v2.goroutine(3)->wait.empty());      // no longer waiting on anything
  CHECK(v2.goroutine(3)->wait_object == 0);
  CHECK(v2.state_counts[std::size_t(NoteState::Terminated)] == 2);
  CHECK(v2.state_counts[std::size_t(NoteState::Running)] == 2);

  trace::Snapshot third;  // G4 ended too: only the two most recent ended rows stay (G3, G4)
  third.goroutines = {goroutine(1, rt::GState::Running, "main.main", 11), goroutine(5, rt::GState::Running, "main.work", 0)};
  dash::ViewModel v3 = dash::build_view_model(third);
  ended.update(v3);
  CHECK(ended.size() == 2);
  REQUIRE(v3.goroutines.size() == 4);
  CHECK(v3.goroutine(2) == nullptr);
  CHECK(v3.goroutine(3)->state == NoteState::Terminated);
  CHECK(v3.goroutine(4)->state == NoteState::Terminated);

  // An older picture showing G4 alive again (the runtime's at the end): it wins, no duplicate.
  dash::EndedGoroutines again(8);
  dash::ViewModel a = dash::build_view_model(first), b = dash::build_view_model(second), c = dash::build_view_model(first);
  again.update(a);
  again.update(b);
  again.update(c);
  CHECK(c.goroutines.size() == 5);  // G1-G4 live again, G5 ended
  CHECK(c.goroutine(2)->state == NoteState::Running);

  // The end: main's end kills G5; the kept rows stay as they are.
  dash::ended(v3);
  CHECK(v3.goroutine(5)->wait == "ended with the program");
  CHECK(v3.goroutine(4)->wait.empty());
  CHECK(v3.state_counts[std::size_t(NoteState::Terminated)] == 4);
}
