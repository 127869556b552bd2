// The race detector end to end (`gopark run --race`, issue 15): Go programs compiled and run with
// RunSettings::race, their stderr read as a person reads it. tests/race has the corpus checked
// against Go's own detector; these are the engine's promises around it.
#include <doctest/doctest.h>

#include <string>

#include "run/compile.hpp"
#include "run/explore.hpp"
#include "run/settings.hpp"

using namespace gopark;

namespace {

engine::RunOutput run(const std::string& source, engine::RunSettings settings) {
  engine::Compiled c = engine::compile(source, "prog.go");
  REQUIRE(c.image);
  return engine::run_captured(c.image, settings, "prog.go");
}

engine::RunSettings with_race(rt::Mode mode = rt::Mode::MN, std::uint64_t seed = 0) {
  engine::RunSettings s;
  s.race = true;
  s.mode = mode;
  s.seed = seed;
  s.procs = 2;
  return s;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// n++ from two goroutines (line 14), waited for properly.
const char* kCounter = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	n := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			n++
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
)";

}  // namespace

TEST_CASE("race: a racy program gets Go's report on stderr, Found N, and exit status 66") {
  for (rt::Mode mode : {rt::Mode::MN, rt::Mode::Threads, rt::Mode::Coroutines, rt::Mode::Sim}) {
    CAPTURE(int(mode));
    engine::RunOutput r = run(kCounter, with_race(mode, 3));
    CHECK(r.out == "done\n");
    CHECK(r.exit == 66);
    CHECK(r.err.rfind("==================\nWARNING: DATA RACE\n", 0) == 0);
    CHECK(count(r.err, "WARNING: DATA RACE") == 1);  // one pair of lines: one report
    CHECK(r.err.find("main.main.func1()\n      prog.go:14 +0x") != std::string::npos);
    CHECK(r.err.find("\nPrevious write at 0x00c0") != std::string::npos);
    CHECK(r.err.find(" created at:\n  main.main()\n      prog.go:13 +0x") != std::string::npos);
    CHECK(r.err.find("==================\nFound 1 data race(s)\nexit status 66\n") != std::string::npos);
  }
}

TEST_CASE("race: without the detector the same program runs as before; with it, a race-free one is silent") {
  engine::RunSettings plain = with_race();
  plain.race = false;
  engine::RunOutput r = run(kCounter, plain);
  CHECK(r.exit == 0);
  CHECK(r.err.empty());
  std::string fixed = kCounter;
  fixed.replace(fixed.find("n++\n\t\t\twg.Done()"), 16, "mu.Lock(); n++; mu.Unlock()\n\t\t\twg.Done()");
  fixed.replace(fixed.find("var wg"), 6, "var mu sync.Mutex\n\tvar wg");
  r = run(fixed, with_race());
  CHECK(r.err == "");
  CHECK(r.exit == 0);
}

TEST_CASE("race: in sim mode a seed's report is the same every time, addresses included") {
  engine::RunOutput a = run(kCounter, with_race(rt::Mode::Sim, 42));
  engine::RunOutput b = run(kCounter, with_race(rt::Mode::Sim, 42));
  CHECK(a.exit == 66);
  CHECK(a.err == b.err);
}

TEST_CASE("race: a status other than 0 is kept (no Found line): os.Exit(3), a panic") {
  std::string exits = kCounter;
  exits.replace(exits.find("fmt.Println(\"done\")"), 19, "fmt.Println(\"done\")\n\tos.Exit(3)");
  exits.replace(exits.find("\"sync\""), 6, "\"os\"\n\t\"sync\"");
  engine::RunOutput r = run(exits, with_race());
  CHECK(r.exit == 3);
  CHECK(count(r.err, "WARNING: DATA RACE") == 1);
  CHECK(r.err.find("Found") == std::string::npos);
  std::string panics = kCounter;
  panics.replace(panics.find("fmt.Println(\"done\")"), 19, "fmt.Println(\"done\")\n\tpanic(\"boom\")");
  r = run(panics, with_race());
  CHECK(r.exit == 2);
  CHECK(r.err.find("panic: boom") != std::string::npos);
  CHECK(r.err.find("Found") == std::string::npos);
}

TEST_CASE("race: one report per pair of lines, however often they race; another pair is another report") {
  const char* many = R"(package main

import "sync"

var a, b [100]int

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range a {
				a[i]++
				b[i] = a[i]
			}
		}()
	}
	wg.Wait()
}
)";
  engine::RunOutput r = run(many, with_race(rt::Mode::Sim, 1));
  CHECK(r.exit == 66);
  const std::size_t reports = count(r.err, "WARNING: DATA RACE");
  CHECK(reports >= 2);  // a[i]++ with itself, b[i] = with itself
  CHECK(reports <= 3);  // and perhaps a[i] read at 15 with the write at 14: never one per element
  CHECK(r.err.find("Found " + std::to_string(reports) + " data race(s)") != std::string::npos);
}

TEST_CASE("race: goroutines filling neighbouring bytes of one word do not race") {
  const char* bytes = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	buf := make([]byte, 16)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(buf); i += 2 {
				buf[i] = byte('a' + w)
			}
		}(w)
	}
	wg.Wait()
	fmt.Println(string(buf))
}
)";
  engine::RunOutput r = run(bytes, with_race(rt::Mode::Sim, 5));
  CHECK(r.out == "abababababababab\n");
  CHECK(r.err == "");
  CHECK(r.exit == 0);
}

TEST_CASE("race: explore tells runs with a report apart by it") {
  CHECK(engine::first_line("==================\nWARNING: DATA RACE\nRead at 0x1 by goroutine 2:\n") ==
        "WARNING: DATA RACE");
  CHECK(engine::first_line("panic: boom\n\ngoroutine 1") == "panic: boom");
  engine::Compiled c = engine::compile(kCounter, "prog.go");
  REQUIRE(c.image);
  engine::ExploreOptions options;
  options.settings = with_race(rt::Mode::Sim, 1);
  options.runs = 20;
  options.jobs = 2;
  engine::Exploration e = engine::explore(c.image, options);
  REQUIRE(e.outcomes.size() == 1);  // every schedule races here
  CHECK(e.outcomes[0].exit == 66);
  CHECK(e.outcomes[0].count == 20);
}
