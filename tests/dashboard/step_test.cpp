// Watching a run slowly through the Session: starting paused, Step (one source line of a chosen
// goroutine; on to the next scheduling event) and slow motion. Real programs, real threads.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "session/session.hpp"
#include "session_helpers.hpp"

namespace {

using gopark::dash::Frame;
using gopark::dash::GoroutineRow;
using gopark::dash::NoteState;
using gopark::dash::RunSettings;
using gopark::dash::Session;
using gopark::dash::SourceError;

using gopark::test::start;
using gopark::test::wait_until;

// Goroutine `id` as the latest frame shows it (a default row when it is not there).
GoroutineRow row_of(const Session& s, std::uint64_t id) {
  std::shared_ptr<const Frame> f = s.frame();
  if (f) {
    for (const GoroutineRow& g : f->view.goroutines) {
      if (g.id == id) return g;
    }
  }
  return {};
}

// Waits until goroutine `id` is shown running at `line`.
bool held_at(const Session& s, std::uint64_t id, int line) {
  return wait_until([&] {
    GoroutineRow g = row_of(s, id);
    return g.state == NoteState::Running && g.line == line;
  }, 10);
}

RunSettings paused_settings(int procs = 1) {
  RunSettings settings;
  settings.procs = procs;
  settings.start_paused = true;
  return settings;
}

}  // namespace

TEST_CASE("a run started paused holds main before its first line; stepping it runs one line at a time") {
  Session s;
  REQUIRE(start(s, R"(package main

import "fmt"

func main() {
	fmt.Println("a")
	fmt.Println("b")
	x := 40
	x += 2
	fmt.Println(x)
}
)", paused_settings()));
  CHECK(s.paused());
  REQUIRE(held_at(s, 1, 6));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(s.output_text().empty());  // held: line 6 has not run

  s.step_line(1);
  REQUIRE(held_at(s, 1, 7));
  CHECK(s.output_text() == "a\n");
  s.step_line(1);
  REQUIRE(held_at(s, 1, 8));
  CHECK(s.output_text() == "a\nb\n");
  s.step_line(1);
  REQUIRE(held_at(s, 1, 9));
  s.step_line(1);
  REQUIRE(held_at(s, 1, 10));
  CHECK(s.output_text() == "a\nb\n");
  CHECK_FALSE(s.stepping());

  s.step_line(1);
  REQUIRE(held_at(s, 1, 11));  // main's closing brace: its return
  CHECK(s.output_text() == "a\nb\n42\n");
  s.step_line(1);  // main returns and the program ends
  REQUIRE(wait_until([&] { return !s.running(); }, 10));
  CHECK(s.output_text() == "a\nb\n42\n");
}

TEST_CASE("stepping a goroutine that is not the one asked for leaves it held") {
  Session s;
  REQUIRE(start(s, R"(package main

import "fmt"

func main() {
	fmt.Println("a")
	fmt.Println("b")
}
)", paused_settings()));
  REQUIRE(held_at(s, 1, 6));
  s.step_line(7);  // no such goroutine: nothing runs
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  CHECK(s.output_text().empty());
  CHECK(row_of(s, 1).line == 6);
  s.set_paused(false);  // Resume ends any step and runs to the end
  REQUIRE(wait_until([&] { return !s.running(); }, 10));
  CHECK(s.output_text() == "a\nb\n");
}

TEST_CASE("step to the next scheduling event: goroutines advance event by event to the end") {
  Session s;
  REQUIRE(start(s, R"(package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		for v := range ch {
			fmt.Println("got", v)
		}
		done <- true
	}()
	for i := 1; i <= 3; i++ {
		ch <- i
	}
	close(ch)
	<-done
	fmt.Println("end")
}
)", paused_settings(1)));
  REQUIRE(held_at(s, 1, 6));
  // The first event is the child's creation (line 8): main then holds at line 14, before any
  // value is sent, and the child has not run.
  s.step_event();
  REQUIRE(held_at(s, 1, 14));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(s.output_text().empty());
  CHECK(row_of(s, 2).state == NoteState::Initial);  // created, never run yet

  int steps = 1;
  while (s.running() && steps < 200) {
    s.step_event();
    ++steps;
    wait_until([&] { return !s.stepping() || !s.running(); }, 10);
  }
  CHECK_FALSE(s.running());
  CHECK(s.output_text() == "got 1\ngot 2\ngot 3\nend\n");
  // Each handoff between the two goroutines on one P is an event of its own.
  CHECK(steps >= 8);
}

TEST_CASE("slow motion: at a few lines a second the program crawls, and full speed finishes it") {
  Session s;
  RunSettings settings;
  settings.procs = 2;
  settings.speed = 20;  // lines per second per P
  REQUIRE(start(s, R"(package main

import "fmt"

func main() {
	for i := 0; i < 100; i++ {
		fmt.Println(i)
	}
}
)", settings));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  // At full speed all 100 lines print in well under a millisecond; at 20 lines a second (the
  // loop body is at least two lines an iteration) half a second prints at most a handful.
  std::string early = s.output_text();
  CHECK(s.running());
  CHECK(early.size() < 40);
  s.set_speed(0);
  REQUIRE(wait_until([&] { return !s.running(); }, 10));
  std::string all = s.output_text();
  CHECK(all.substr(0, 2) == "0\n");
  CHECK(all.find("99\n") != std::string::npos);
}

TEST_CASE("pause while in slow motion, step, resume, and stop in every scheduler mode") {
  for (gopark::rt::Mode mode : {gopark::rt::Mode::MN, gopark::rt::Mode::Threads, gopark::rt::Mode::Coroutines}) {
    CAPTURE(int(mode));
    Session s;
    RunSettings settings;
    settings.mode = mode;
    settings.procs = 2;
    settings.speed = 50;
    REQUIRE(start(s, R"(package main

func spin(n int) {
	for {
		n++
	}
}

func main() {
	go spin(1)
	go spin(2)
	spin(0)
}
)", settings));
    REQUIRE(wait_until([&] { return row_of(s, 1).line >= 5; }, 10));
    s.set_paused(true);
    s.step_event();
    s.step_line(1);
    s.set_paused(false);
    s.set_speed(0);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    s.set_paused(true);
    s.stop();
    REQUIRE(wait_until([&] { return !s.running(); }, 10));
    CHECK(s.ending() == "stopped\n");
  }
}

TEST_CASE("a simulated run steps back and seeks: every step shows the same picture however it is reached") {
  const char* source = R"(package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	for i := 0; i < 3; i++ {
		go func(i int) {
			v := <-ch
			fmt.Println(i, v)
			done <- true
		}(i)
	}
	for i := 0; i < 3; i++ {
		ch <- i * 10
	}
	for i := 0; i < 3; i++ {
		<-done
	}
}
)";
  Session s;
  RunSettings settings = paused_settings(2);
  settings.mode = gopark::rt::Mode::Sim;
  settings.seed = 5;
  REQUIRE(start(s, source, settings));
  CHECK(s.simulated());
  // The goroutine table (id, state, line) of the frame published once the run holds at a step.
  auto table_at_hold = [&](std::uint64_t& step) {
    std::string t;
    REQUIRE(wait_until([&] { return s.paused() && !s.stepping() && s.frame() && s.frame()->held && s.frame()->step == s.step(); }, 20));
    step = s.step();
    for (const GoroutineRow& g : s.frame()->view.goroutines) {
      t += std::to_string(g.id) + ":" + std::to_string(int(g.state)) + ":" + std::to_string(g.line) + " ";
    }
    return t;
  };
  std::vector<std::pair<std::uint64_t, std::string>> seen;
  for (int i = 0; i < 12; ++i) {
    s.step_event();
    std::uint64_t at = 0;
    std::string t = table_at_hold(at);
    seen.emplace_back(at, t);
  }
  // Back, one step at a time: each is a step seen on the way forward, with the same picture.
  std::uint64_t at = seen.back().first;
  for (int i = 0; i < 4; ++i) {
    REQUIRE(s.step_back());
    std::uint64_t now = 0;
    std::string t = table_at_hold(now);
    CHECK(now < at + 1);
    for (const auto& [step, table] : seen) {
      if (step == now) CHECK(table == t);
    }
    at = now;
  }
  // A seek forward from here, and one back to the start of the run.
  REQUIRE(s.seek(seen[8].first));
  std::uint64_t now = 0;
  CHECK(table_at_hold(now) == seen[8].second);
  CHECK(now == seen[8].first);
  CHECK(s.steps_seen() >= seen.back().first);
  s.set_paused(false);
  REQUIRE(wait_until([&] { return !s.running(); }, 20));
  CHECK(s.exit_code() == 0);
}

TEST_CASE("a simulated run steps back one line of a goroutine: each line back shows the picture seen there going forward") {
  const char* source = R"(package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		s := 0
		for i := 0; i < 3; i++ {
			s += i
		}
		ch <- s
	}()
	x := 1
	x = x * 2
	x = x + <-ch
	fmt.Println(x)
}
)";
  Session s;
  RunSettings settings = paused_settings(2);
  settings.mode = gopark::rt::Mode::Sim;
  settings.seed = 11;
  REQUIRE(start(s, source, settings));
  // The whole picture once a step is over: every goroutine's id, state and line, and the output.
  auto picture = [&] {
    REQUIRE(wait_until([&] { return s.paused() && !s.stepping(); }, 20));
    // Two fresh frames: the second was sampled entirely after the hold.
    for (int i = 0; i < 2; ++i) {
      std::shared_ptr<const Frame> before = s.frame();
      REQUIRE(wait_until([&] { return s.frame() != before; }, 20));
    }
    std::string t;
    for (const GoroutineRow& g : s.frame()->view.goroutines) {
      t += std::to_string(g.id) + ":" + std::to_string(int(g.state)) + ":" + std::to_string(g.line) + " ";
    }
    return t + "| " + s.stdout_text();
  };
  // Forward, one line of main at a time, from main's first line (reached by a first line step).
  s.step_line(1);
  std::vector<std::pair<std::uint64_t, std::string>> seen;  // (position, picture)
  for (int i = 0; i < 4; ++i) {
    std::string p = picture();
    seen.emplace_back(s.position(), p);
    s.step_line(1);
  }
  std::string last = picture();
  CHECK(last != seen.back().second);
  // Back, one line at a time: the pictures seen going forward, in reverse, at the same places.
  for (int i = int(seen.size()) - 1; i >= 0; --i) {
    REQUIRE(s.line_back(1, s.position()));
    std::string p = picture();
    CHECK(p == seen[std::size_t(i)].second);
    CHECK(s.position() == seen[std::size_t(i)].first);
  }
  // And forward again from there: the same next line.
  s.step_line(1);
  CHECK(picture() == seen[1].second);
  // From a step (not a line) with G2 at work: G2's line back holds G2 at the start of one of its
  // own lines, before where the run was.
  for (int i = 0; i < 40 && !(row_of(s, 2).state == NoteState::Running && row_of(s, 2).line >= 9); ++i) {
    s.step_event();
    picture();
  }
  REQUIRE(row_of(s, 2).line >= 9);
  const std::uint64_t from = s.position();
  REQUIRE(s.line_back(2, from));
  picture();
  CHECK(s.position() < from);
  CHECK(row_of(s, 2).state == NoteState::Running);
  CHECK(row_of(s, 2).line >= 8);
  CHECK(row_of(s, 2).line <= 12);
  s.set_paused(false);
  REQUIRE(wait_until([&] { return !s.running(); }, 20));
  CHECK(s.stdout_text() == "5\n");
}

TEST_CASE("a simulated run going freely is shown as it goes, like a real one") {
  Session s;
  RunSettings settings;
  settings.mode = gopark::rt::Mode::Sim;
  REQUIRE(start(s, R"(package main

func main() {
	ch := make(chan int)
	go func() {
		for {
			ch <- 1
		}
	}()
	n := 0
	for {
		n += <-ch
	}
}
)", settings));
  // Frames come while it runs (a seek alone is not sampled on its way), their steps going up.
  REQUIRE(wait_until([&] { return s.frame() && s.frame()->step > 0; }, 20));
  const std::uint64_t first = s.frame()->step;
  REQUIRE(wait_until([&] { return s.frame()->step > first; }, 20));
  CHECK(s.running());
  CHECK(row_of(s, 2).id == 2);
  s.stop();
  REQUIRE(wait_until([&] { return !s.running(); }, 20));
}
