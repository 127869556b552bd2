// The dashboard's Session (dashboard/session): compiling, running in the background, publishing
// frames, capturing output, stopping runaway programs, changing GOMAXPROCS live.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "session/session.hpp"
#include "session_helpers.hpp"

namespace {

using gopark::dash::Frame;
using gopark::dash::NoteState;
using gopark::dash::RunSettings;
using gopark::dash::Session;
using gopark::dash::SourceError;

using gopark::test::start;
using gopark::test::wait_until;

}  // namespace

TEST_CASE("compile errors come back positioned, and nothing runs") {
  Session s;
  std::vector<SourceError> errors;
  bool ok = s.start("package main\n\nfunc main() {\n\tx := 1\n}\n", "prog.go", {}, errors);
  CHECK_FALSE(ok);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 4);
  CHECK(errors[0].col == 2);
  CHECK(errors[0].message == "declared and not used: x");
  CHECK_FALSE(s.running());
  CHECK(s.output_text() == "# command-line-arguments\nprog.go:4:2: declared and not used: x\n");
  CHECK(s.ending() == "exit status 1");
}

TEST_CASE("a run's output is captured in order and its end is published") {
  Session s;
  REQUIRE(start(s, R"(package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("one")
	fmt.Fprintln(os.Stderr, "two")
	fmt.Println("three")
}
)"));
  REQUIRE(wait_until([&] { return !s.running(); }));
  auto out = s.output();
  REQUIRE(out.size() >= 3);
  CHECK(out[0].text == "one\n");
  CHECK_FALSE(out[0].is_stderr);
  CHECK(out[1].text == "two\n");
  CHECK(out[1].is_stderr);
  CHECK(out[2].text == "three\n");
  CHECK(s.ending() == "");
  auto frame = s.frame();
  REQUIRE(frame != nullptr);
  CHECK_FALSE(frame->view.running);
  CHECK(s.runs() == 1);
}

TEST_CASE("a panic ends the run with Go's report") {
  Session s;
  REQUIRE(start(s, "package main\n\nfunc main() {\n\tvar a []int\n\t_ = a[3]\n}\n"));
  REQUIRE(wait_until([&] { return !s.running(); }));
  std::string ending = s.ending();
  CHECK(ending.find("panic: runtime error: index out of range [3] with length 0") != std::string::npos);
  CHECK(ending.find("exit status 2") != std::string::npos);
  CHECK(s.output_text().find("goroutine 1 [running]:") != std::string::npos);
}

TEST_CASE("stop ends a program that never yields, in every scheduler mode") {
  for (auto mode : {gopark::rt::Mode::MN, gopark::rt::Mode::Threads, gopark::rt::Mode::Coroutines}) {
    Session s;
    RunSettings settings;
    settings.mode = mode;
    settings.procs = 2;
    REQUIRE(start(s, R"(package main

func spin() {
	for {
	}
}

func main() {
	go spin()
	go spin()
	spin()
}
)", settings));
    // Let it spin a little, then stop it.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(s.running());
    auto t0 = std::chrono::steady_clock::now();
    s.stop();
    REQUIRE(wait_until([&] { return !s.running(); }, 10));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
    CHECK(s.ending() == "stopped\n");
  }
}

TEST_CASE("frames show goroutines waiting on a channel while the program runs") {
  Session s;
  REQUIRE(start(s, R"(package main

import "time"

func main() {
	jobs := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			<-jobs
		}()
	}
	time.Sleep(400 * time.Millisecond)
	close(jobs)
	time.Sleep(50 * time.Millisecond)
}
)"));
  std::shared_ptr<const Frame> seen;
  REQUIRE(wait_until([&] {
    auto f = s.frame();
    if (!f) return false;
    int waiting = 0;
    for (const auto& g : f->view.goroutines) {
      if (g.state == NoteState::Suspended && g.wait == "chan receive") ++waiting;
    }
    if (waiting == 3) seen = f;
    return waiting == 3;
  }, 5));
  CHECK(seen->view.running);
  bool found_channel = false;
  for (const auto& c : seen->view.channels) found_channel = found_channel || c.receivers.size() == 3;
  CHECK(found_channel);
  CHECK(seen->lanes >= 1);
  CHECK_FALSE(seen->slices.empty());  // goroutines ran on Ps
  CHECK_FALSE(seen->marks.empty());   // and blocked
  REQUIRE(wait_until([&] { return !s.running(); }));
  CHECK(s.ending() == "");
}

TEST_CASE("GOMAXPROCS changes while the program runs") {
  Session s;
  RunSettings settings;
  settings.procs = 1;
  REQUIRE(start(s, R"(package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	for runtime.GOMAXPROCS(0) != 3 {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("now 3")
}
)", settings));
  REQUIRE(wait_until([&] { return s.frame() != nullptr; }, 5));
  CHECK(s.set_procs(3) == 1);
  REQUIRE(wait_until([&] { return !s.running(); }));
  CHECK(s.output_text() == "now 3\n");
  CHECK(s.set_procs(2) == 0);  // nothing running
}

TEST_CASE("the transcript keeps the newest output within its cap") {
  Session s;
  RunSettings settings;
  settings.max_output = 4096;
  REQUIRE(start(s, R"(package main

import "fmt"

func main() {
	for i := 0; i < 20000; i++ {
		fmt.Println("line", i)
	}
}
)", settings));
  REQUIRE(wait_until([&] { return !s.running(); }));
  std::string text = s.output_text();
  CHECK(text.size() < 4096 + 100);
  CHECK(text.rfind("[earlier output dropped]\n", 0) == 0);
  CHECK(text.find("line 19999\n") != std::string::npos);
}

TEST_CASE("a second start replaces a run that is still going") {
  Session s;
  REQUIRE(start(s, "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n"));
  REQUIRE(start(s, "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"second\") }\n"));
  REQUIRE(wait_until([&] { return !s.running(); }));
  CHECK(s.output_text() == "second\n");
  CHECK(s.runs() == 2);
}

TEST_CASE("the last run's trace exports as Chrome trace JSON") {
  Session s;
  std::string why;
  CHECK_FALSE(s.export_trace("/nonexistent-dir/x.json", &why));
  CHECK(why == "no run to export yet");
  CHECK(s.trace_json().empty());
  REQUIRE(start(s, "package main\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n\t<-ch\n}\n"));
  REQUIRE(wait_until([&] { return !s.running(); }));
  std::string path = "session_test_trace.json";
  REQUIRE(s.export_trace(path, &why));
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("traceEvents") != std::string::npos);
  CHECK(s.trace_json() == text);  // the web page's download: the same JSON
  std::remove(path.c_str());
  CHECK_FALSE(s.export_trace("/nonexistent-dir/x.json", &why));
}

TEST_CASE("pause holds a running program, resume and stop release it") {
  Session s;
  REQUIRE(start(s, R"(package main

import "fmt"

func main() {
	n := 0
	for i := 0; i < 400; i++ {
		for j := 0; j < 20000; j++ {
			n += j % 7
		}
		fmt.Println(i)
	}
	fmt.Println("done", n)
}
)"));
  REQUIRE(wait_until([&] { return !s.output_text().empty(); }, 10));
  s.set_paused(true);
  CHECK(s.paused());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // reaches a safe point
  std::string held = s.output_text();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(s.output_text() == held);
  CHECK(s.running());
  s.set_paused(false);
  CHECK_FALSE(s.paused());
  REQUIRE(wait_until([&] { return !s.running(); }, 60));
  CHECK(s.output_text().find("done") != std::string::npos);

  // Stop while paused ends the run.
  REQUIRE(start(s, "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  s.set_paused(true);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  s.stop();
  REQUIRE(wait_until([&] { return !s.running(); }, 10));
  CHECK(s.ending() == "stopped\n");
}

TEST_CASE("a deadlock's last frame keeps the blocked goroutines and marks their objects") {
  Session s;
  REQUIRE(start(s, R"(package main

import "sync"

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	aTaken := make(chan bool)
	bTaken := make(chan bool)
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		aTaken <- true
		<-bTaken
		b.Lock()
	}()
	go func() {
		defer wg.Done()
		<-aTaken
		b.Lock()
		bTaken <- true
		a.Lock()
	}()
	wg.Wait()
}
)"));
  REQUIRE(wait_until([&] { return !s.running(); }, 20));
  CHECK(s.output_text().find("fatal error: all goroutines are asleep - deadlock!") != std::string::npos);
  std::shared_ptr<const Frame> f = s.frame();
  REQUIRE(f);
  const gopark::dash::ViewModel& v = f->view;
  CHECK_FALSE(v.running);
  CHECK(v.deadlock);
  REQUIRE(v.goroutines.size() == 3);
  for (const auto& g : v.goroutines) CHECK(g.state == NoteState::Suspended);
  CHECK(v.goroutine(1)->wait == "sync.WaitGroup.Wait");
  CHECK(v.goroutine(1)->line == 25);  // the lines they block on
  CHECK(v.goroutine(2)->wait == "sync.Mutex.Lock");
  CHECK(v.goroutine(2)->line == 16);
  CHECK(v.goroutine(3)->line == 23);
  CHECK(v.deadlock_objects.size() == 3);  // a, b and the WaitGroup
  std::vector<std::string> lines = gopark::dash::deadlock_lines(v);
  REQUIRE(lines.size() == 3);
  // Locks are named after the variables the program first used them through.
  CHECK(lines[0] == "G1 main.main: sync.WaitGroup.Wait on wg (line 25)");
  CHECK(lines[1] == "G2 main.main.func1: sync.Mutex.Lock on b (line 16)");
  CHECK(lines[2] == "G3 main.main.func2: sync.Mutex.Lock on a (line 23)");

  // A normal end after it clears the mark.
  REQUIRE(start(s, "package main\n\nfunc main() {\n}\n"));
  REQUIRE(wait_until([&] { return !s.running(); }, 20));
  REQUIRE(s.frame());
  CHECK_FALSE(s.frame()->view.deadlock);
}

TEST_CASE("the last frame is the picture at the end: who finished on their own, who main's end killed") {
  Session s;
  REQUIRE(start(s, R"(package main

import (
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(200 * time.Millisecond)
		}()
	}
	wg.Wait()
	go func() { select {} }()
	time.Sleep(200 * time.Millisecond)
}
)"));
  REQUIRE(wait_until([&] { return !s.running(); }, 20));
  std::shared_ptr<const Frame> f = s.frame();
  REQUIRE(f);
  const gopark::dash::ViewModel& v = f->view;
  CHECK_FALSE(v.deadlock);
  std::string rows;
  for (const auto& g : v.goroutines) rows += "G" + std::to_string(g.id) + " " + g.function + " [" + g.wait + "]; ";
  CAPTURE(rows);
  REQUIRE(v.goroutines.size() == 5);
  for (const auto& g : v.goroutines) CHECK(g.state == NoteState::Terminated);
  int finished = 0, killed = 0;
  for (const auto& g : v.goroutines) {
    if (g.function == "main.main.func1") {  // the workers: they ended on their own
      CHECK(g.wait.empty());
      ++finished;
    } else if (g.function == "main.main.func2") {  // blocked for ever: main's end killed it
      CHECK(g.wait == "terminated because main returned");
      ++killed;
    }
  }
  CHECK(finished == 3);
  CHECK(killed == 1);
  REQUIRE(v.locks.size() == 1);
  CHECK(v.locks[0].name == "wg");
  CHECK(v.locks[0].counter == 0);
}

TEST_CASE("with the race detector, frames carry the races found: both lines, both goroutines, Go's report") {
  Session s;
  RunSettings settings;
  settings.race = true;
  settings.procs = 2;
  REQUIRE(start(s, R"(package main

import "sync"

var hits int

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		hits = 1
		wg.Done()
	}()
	_ = hits
	wg.Wait()
}
)", settings));
  REQUIRE(wait_until([&] { return !s.running(); }));
  std::shared_ptr<const Frame> f = s.frame();
  REQUIRE(f);
  REQUIRE(f->view.races.size() == 1);
  const auto& r = f->view.races[0];
  // Which of the two came first is the schedule's: the write at 11 and the read at 14, either way.
  CHECK(std::min(r.line, r.previous_line) == 11);
  CHECK(std::max(r.line, r.previous_line) == 14);
  CHECK(r.goroutine != r.previous_goroutine);
  CHECK((r.goroutine == 1 || r.previous_goroutine == 1));
  CHECK(r.write != r.previous_write);
  CHECK(r.text.rfind("WARNING: DATA RACE\n", 0) == 0);
  CHECK(s.exit_code() == 66);
  CHECK(s.ending().find("exit status 66") != std::string::npos);
  CHECK(s.output_text().find("==================\nFound 1 data race(s)\n") != std::string::npos);
  settings.race = false;
  REQUIRE(start(s, "package main\n\nfunc main() {}\n", settings));
  REQUIRE(wait_until([&] { return !s.running(); }));
  CHECK(s.frame()->view.races.empty());
}
