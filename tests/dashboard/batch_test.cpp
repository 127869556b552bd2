// Run xN (dashboard/session/batch.hpp): N fresh runs of one program and the outcomes they gave.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "run/explore.hpp"
#include "session/batch.hpp"
#include "session/program.hpp"

namespace {

using gopark::dash::BatchRun;
using gopark::dash::RunSettings;
using gopark::dash::SourceError;

bool wait_idle(const BatchRun& b, double seconds = 60) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (b.running()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

}  // namespace

TEST_CASE("run xN: a program that does not compile starts nothing") {
  BatchRun b;
  std::vector<SourceError> errors;
  CHECK_FALSE(b.start("package main\nfunc main() { x }\n", "prog.go", {}, 5, errors));
  CHECK_FALSE(errors.empty());
  CHECK_FALSE(b.running());
}

TEST_CASE("run xN: a deterministic program gives one outcome, N times") {
  BatchRun b;
  std::vector<SourceError> errors;
  REQUIRE(b.start(R"(package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() { ch <- 42 }()
	fmt.Println(<-ch)
}
)", "prog.go", {}, 12, errors));
  REQUIRE(wait_idle(b));
  CHECK(b.done() == 12);
  auto outcomes = b.outcomes();
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].output == "42\n");
  CHECK(outcomes[0].count == 12);
}

TEST_CASE("run xN: exit statuses and panics are part of the outcome") {
  BatchRun b;
  std::vector<SourceError> errors;
  REQUIRE(b.start(R"(package main

import (
	"fmt"
	"os"
)

var n = 0

func main() {
	fmt.Println("before")
	os.Exit(3)
}
)", "prog.go", {}, 3, errors));
  REQUIRE(wait_idle(b));
  auto outcomes = b.outcomes();
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].output == "before\n[exit status 3]\n");

  REQUIRE(b.start("package main\n\nfunc main() { panic(\"boom\") }\n", "prog.go", {}, 2, errors));
  REQUIRE(wait_idle(b));
  outcomes = b.outcomes();
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].output == "[panic: boom\nexit status 2]\n");
  CHECK(outcomes[0].count == 2);
}

TEST_CASE("run xN: cancel stops a batch of programs that never end") {
  BatchRun b;
  std::vector<SourceError> errors;
  RunSettings settings;
  settings.procs = 2;
  REQUIRE(b.start("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n", "prog.go", settings, 100, errors));
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  CHECK(b.running());
  b.cancel();
  REQUIRE(wait_idle(b, 10));
  CHECK(b.done() < 100);
}

TEST_CASE("run xN in sim mode searches seeds: a rare lost update shows, and its seed replays it") {
  const char* source = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n++
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
)";
  BatchRun b;
  std::vector<SourceError> errors;
  gopark::dash::RunSettings settings;
  settings.mode = gopark::rt::Mode::Sim;
  settings.seed = 1;
  REQUIRE(b.start(source, "prog.go", settings, 400, errors));
  REQUIRE(wait_idle(b));
  CHECK(b.simulated());
  auto outcomes = b.outcomes();
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[1].output == "1\n");
  // The same seed alone, as the Open button runs it: the same outcome.
  settings.seed = outcomes[1].seed;
  REQUIRE(b.start(source, "prog.go", settings, 1, errors));
  REQUIRE(wait_idle(b));
  REQUIRE(b.outcomes().size() == 1);
  CHECK(b.outcomes()[0].output == "1\n");
  CHECK(b.outcomes()[0].seed == outcomes[1].seed);
}

TEST_CASE("run xN in sim mode is explore: the same outcomes, counts and seeds, a deadlock and a panic among them") {
  const char* source = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	n := 0
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		n++
		b.Lock()
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		if n == 0 {
			panic("second first")
		}
		a.Lock()
		a.Unlock()
		b.Unlock()
	}()
	wg.Wait()
	fmt.Println("done", n)
}
)";
  RunSettings settings;
  settings.mode = gopark::rt::Mode::Sim;
  settings.seed = 100;
  BatchRun b;
  std::vector<SourceError> errors;
  REQUIRE(b.start(source, "prog.go", settings, 300, errors));
  REQUIRE(wait_idle(b));
  CHECK(b.done() == 300);
  const auto batch = b.outcomes();

  std::string report;
  auto image = gopark::dash::compile_source(source, "prog.go", errors, report);
  REQUIRE(image);
  gopark::engine::ExploreOptions options;
  options.settings = settings;
  options.runs = 300;
  options.jobs = 1;
  const gopark::engine::Exploration e = gopark::engine::explore(image, options);
  REQUIRE(batch.size() == e.outcomes.size());
  CHECK(batch.size() >= 2);
  bool deadlock = false, panic = false;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    CHECK(batch[i].count == e.outcomes[i].count);
    CHECK(batch[i].seed == e.outcomes[i].seed);
    CHECK(batch[i].output.rfind(e.outcomes[i].out, 0) == 0);  // stdout, then the ending
    deadlock = deadlock || batch[i].output.find("all goroutines are asleep") != std::string::npos;
    panic = panic || batch[i].output.find("panic: second first") != std::string::npos;
  }
  CHECK(deadlock);
  CHECK(panic);
}

TEST_CASE("run xN with the race detector: runs that reported a race are an outcome of their own, in every mode") {
  const char* source = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	seen := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		seen = 1
		wg.Done()
	}()
	seen = 2
	wg.Wait()
	fmt.Println("done", seen > 0)
}
)";
  for (gopark::rt::Mode mode : {gopark::rt::Mode::MN, gopark::rt::Mode::Sim}) {
    CAPTURE(int(mode));
    BatchRun b;
    std::vector<SourceError> errors;
    RunSettings settings;
    settings.race = true;
    settings.mode = mode;
    settings.procs = 2;
    REQUIRE(b.start(source, "prog.go", settings, 6, errors));
    REQUIRE(wait_idle(b));
    auto outcomes = b.outcomes();
    REQUIRE(outcomes.size() == 1);  // seen = 1 and seen = 2 are never ordered: every run races
    CHECK(outcomes[0].count == 6);
    CHECK(outcomes[0].output == "done true\n[WARNING: DATA RACE\nexit status 66]\n");
  }
}
