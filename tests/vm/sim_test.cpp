// Sim mode (runtime/sim.hpp) and explore (run/explore.hpp), through Go programs: the same seed is
// the same run, byte for byte; different seeds are different schedules; time is virtual; and a
// search over seeds finds the interleavings real hardware almost never shows.
#include <doctest/doctest.h>

#include <chrono>
#include <set>
#include <thread>
#include <sstream>

#include "go_helpers.hpp"
#include "run/explore.hpp"
#include "runtime/sim.hpp"
#include "trace/chrome_json.hpp"

namespace gopark::test {
namespace {

std::shared_ptr<const vm::Image> build(const std::string& source) {
  engine::Compiled c = engine::compile(source, "prog.go");
  REQUIRE_MESSAGE(c.image, c.report);
  return c.image;
}

engine::RunSettings sim(std::uint64_t seed, int procs = 0) {
  engine::RunSettings s;
  s.mode = rt::Mode::Sim;
  s.seed = seed;
  s.procs = procs;
  return s;
}

// A run with everything a schedule can change: goroutines racing on a counter and on output,
// select among ready channels, map iteration, the default math/rand source, timers, a mutex.
const char* const kBusy = R"(package main

import (
	"fmt"
	"math/rand"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	n, locked := 0, 0
	a, b := make(chan int, 10), make(chan int, 10)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				n++
				mu.Lock()
				locked++
				mu.Unlock()
			}
			if i%2 == 0 {
				a <- i
			} else {
				b <- i
			}
			fmt.Println("worker", i, "done")
		}(i)
	}
	wg.Wait()
	for len(a)+len(b) > 0 {
		select {
		case v := <-a:
			fmt.Print("a", v, " ")
		case v := <-b:
			fmt.Print("b", v, " ")
		}
	}
	m := map[string]int{"x": 1, "y": 2, "z": 3, "w": 4}
	for k := range m {
		fmt.Print(k)
	}
	fmt.Println()
	fmt.Println(rand.Intn(1000000), n, locked)
	t0 := time.Now()
	time.Sleep(3 * time.Second)
	fmt.Println(time.Since(t0), time.Now().Unix())
}
)";

struct Traced {
  engine::RunOutput output;
  std::string trace;
};

Traced run_traced(const std::shared_ptr<const vm::Image>& image, const engine::RunSettings& settings) {
  Traced t;
  vm::MachineConfig config = engine::machine_config(settings, "prog");
  config.runtime.trace = true;
  config.output.out = [&](std::string_view s) { t.output.out += s; };
  config.output.err = [&](std::string_view s) { t.output.err += s; };
  vm::Machine machine(image, std::move(config));
  machine.start();
  rt::RunResult r = machine.wait();
  t.output.err += r.report();
  t.output.exit = r.exit_code;
  std::ostringstream json;
  trace::write_chrome_json(machine.runtime().recorder()->events(), json);
  t.trace = json.str();
  return t;
}

// The first line where a and b differ, for a failure message ("" when equal).
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ga = bool(std::getline(x, la)), gb = bool(std::getline(y, lb));
    if (!ga && !gb) return "";
    if (!ga || !gb || la != lb) return "line " + std::to_string(line) + ":\n  " + la + "\n  " + lb;
  }
}

}  // namespace

TEST_CASE("sim: the same seed is the same run, output and trace byte for byte") {
  auto image = build(kBusy);
  for (std::uint64_t seed : {0ull, 1ull, 2ull, 5ull, 12345678901234ull}) {
    for (int procs : {1, 4}) {
      CAPTURE(seed);
      CAPTURE(procs);
      Traced a = run_traced(image, sim(seed, procs));
      Traced b = run_traced(image, sim(seed, procs));
      CHECK(a.output.exit == 0);
      CHECK(a.output.out == b.output.out);
      CHECK(a.output.err == b.output.err);
      CHECK_MESSAGE(a.trace == b.trace, first_difference(a.trace, b.trace));
      CHECK(a.trace.size() > 1000);
      // Time is virtual: the 3 s sleep took exactly 3 s, from the playground's epoch.
      CHECK(a.output.out.find("3s 1257894003\n") != std::string::npos);
    }
  }
}

TEST_CASE("sim: different seeds are different schedules") {
  auto image = build(kBusy);
  std::set<std::string> outputs;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) outputs.insert(engine::run_captured(image, sim(seed), "prog").out);
  CHECK(outputs.size() >= 6);
}

TEST_CASE("sim: both policies are drawn from seeds, and a seed's policy is fixed") {
  int walks = 0, pcts = 0;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    rt::SimPolicy a(seed), b(seed);
    CHECK(a.describe() == b.describe());
    (a.kind() == rt::SimPolicy::Kind::Walk ? walks : pcts)++;
  }
  CHECK(walks > 60);
  CHECK(pcts > 60);
}

TEST_CASE("sim: nothing the program sees depends on the machine") {
  auto image = build(R"(package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.NumCPU(), runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(2)
	done := make(chan int)
	for i := 0; i < 3; i++ {
		go func(i int) { done <- i }(i)
	}
	s := 0
	for i := 0; i < 3; i++ {
		s += <-done
	}
	fmt.Println(runtime.GOMAXPROCS(0), s)
}
)");
  CHECK(engine::run_captured(image, sim(9), "prog").out == "4 4\n2 3\n");
  CHECK(engine::run_captured(image, sim(9, 7), "prog").out == "4 7\n2 3\n");
}

TEST_CASE("sim: timeouts are deterministic and a long sleep is free") {
  auto image = build(R"(package main

import (
	"fmt"
	"time"
)

func main() {
	slow := make(chan bool)
	go func() {
		time.Sleep(time.Hour)
		slow <- true
	}()
	select {
	case <-slow:
		fmt.Println("slow")
	case <-time.After(59 * time.Minute):
		fmt.Println("timeout")
	}
	tick := time.NewTicker(250 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tick.C
	}
	tick.Stop()
	var fired []int
	for i := 3; i > 0; i-- {
		i := i
		time.AfterFunc(time.Duration(i)*time.Second, func() { fired = append(fired, i) })
	}
	time.Sleep(5 * time.Second)
	fmt.Println(fired)
}
)");
  for (std::uint64_t seed = 0; seed < 6; ++seed) {
    CAPTURE(seed);
    CHECK(engine::run_captured(image, sim(seed), "prog").out == "timeout\n[1 2 3]\n");
  }
}

TEST_CASE("sim: deadlocks and panics end the run as in the other modes") {
  auto dead = build("package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n");
  engine::RunOutput r = engine::run_captured(dead, sim(3), "prog");
  CHECK(r.exit == 2);
  CHECK(r.err.rfind("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\n", 0) == 0);
  auto panics = build("package main\n\nfunc main() {\n\tgo func() { panic(\"boom\") }()\n\tselect {}\n}\n");
  r = engine::run_captured(panics, sim(3), "prog");
  CHECK(r.exit == 2);
  CHECK(r.err.rfind("panic: boom\n\ngoroutine 2 [running]:\n", 0) == 0);
}

TEST_CASE("sim: a run that never ends spends its step budget, the same way every time") {
  auto image = build(R"(package main

import "time"

var done bool

func main() {
	go func() {
		time.Sleep(time.Second) // never wakes: time stands still while main spins
		done = true
	}()
	for !done {
	}
}
)");
  engine::RunSettings s = sim(4);
  s.max_steps = 200'000;
  engine::RunOutput a = engine::run_captured(image, s, "prog");
  engine::RunOutput b = engine::run_captured(image, s, "prog");
  CHECK(a.exit == 130);
  CHECK(a.err == "gopark: step limit exceeded (200000 loop iterations and calls): the program may never end\nexit status 130\n");
  CHECK(a.err == b.err);
  CHECK(engine::RunSettings{}.effective_max_steps() == 0);
  CHECK(sim(0).effective_max_steps() == engine::kSimDefaultMaxSteps);
}

TEST_CASE("explore finds a lost update between a load and its store, and its seed replays it") {
  auto image = build(R"(package main

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
)");
  engine::ExploreOptions options;
  options.settings.seed = 1;
  options.runs = 2000;
  options.jobs = 2;
  engine::Exploration e = engine::explore(image, options);
  CHECK(e.runs == 2000);
  REQUIRE(e.outcomes.size() == 2);
  CHECK(e.outcomes[0].out == "2\n");
  CHECK(e.outcomes[1].out == "1\n");
  CHECK(e.outcomes[0].count + e.outcomes[1].count == 2000);
  for (const engine::Outcome& o : e.outcomes) {
    CAPTURE(o.seed);
    engine::RunOutput replay = engine::run_captured(image, sim(o.seed), "prog");
    CHECK(replay.out == o.out);
    CHECK(replay.err == o.err);
  }
  // The same seeds on one thread: the same report.
  options.jobs = 1;
  engine::Exploration again = engine::explore(image, options);
  REQUIRE(again.outcomes.size() == 2);
  CHECK(again.outcomes[1].seed == e.outcomes[1].seed);
  CHECK(again.outcomes[1].count == e.outcomes[1].count);
  CHECK(engine::outcome_json(e.outcomes[0]) ==
        "{\"stdout\":\"2\\n\",\"stderr\":\"\",\"exit\":0,\"count\":" + std::to_string(e.outcomes[0].count) +
            ",\"seed\":\"" + std::to_string(e.outcomes[0].seed) + "\"}");
}

TEST_CASE("explore groups outcomes by stdout, exit status and the first line of stderr") {
  auto image = build(R"(package main

import "sync"

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		a.Lock()
		a.Unlock()
		b.Unlock()
	}()
	wg.Wait()
}
)");
  engine::ExploreOptions options;
  options.runs = 600;
  options.jobs = 2;
  engine::Exploration e = engine::explore(image, options);
  REQUIRE(e.outcomes.size() == 2);
  bool deadlock = false;
  for (const auto& o : e.outcomes) {
    if (o.exit == 2) {
      deadlock = true;
      CHECK(o.err.rfind("fatal error: all goroutines are asleep - deadlock!\n", 0) == 0);
      CHECK(engine::run_captured(image, sim(o.seed), "prog").err == o.err);
    }
  }
  CHECK(deadlock);
}

}  // namespace gopark::test

namespace gopark::test {

TEST_CASE("sim: a spin-wait that yields ends under every policy, PCT's priorities included") {
  auto image = build(R"(package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var flag int32
	go func() {
		for i := 0; i < 100; i++ {
			runtime.Gosched()
		}
		atomic.StoreInt32(&flag, 1)
	}()
	for atomic.LoadInt32(&flag) == 0 {
		runtime.Gosched()
	}
	fmt.Println("done")
}
)");
  engine::ExploreOptions options;
  options.runs = 48;
  options.jobs = 2;
  options.settings.max_steps = 5'000'000;
  engine::Exploration e = engine::explore(image, options);
  REQUIRE(e.outcomes.size() == 1);
  CHECK(e.outcomes[0].out == "done\n");
}

TEST_CASE("sim: when only timers that wake nobody are left, the run ends") {
  auto image = build(R"(package main

import (
	"sync"
	"time"
)

func main() {
	t := time.NewTicker(time.Millisecond) // nobody reads it
	_ = t
	var mu sync.Mutex
	mu.Lock()
	mu.Lock() // blocked for good; real Go waits for ever (the ticker keeps it from a deadlock)
}
)");
  engine::RunOutput r = engine::run_captured(image, sim(1), "prog");
  CHECK(r.exit == 130);
  CHECK(r.err == "gopark: every goroutine is blocked for good; only timers fire, and they wake nobody (1000000 "
                 "firings in a row)\nexit status 130\n");
}

}  // namespace gopark::test

namespace gopark::test {
namespace {

// What a step shows: every goroutine's state, wait, line and P; every channel's length.
std::string picture(const trace::Snapshot& s) {
  std::string out;
  for (const auto& g : s.goroutines) {
    out += "g" + std::to_string(g.id) + " s" + std::to_string(g.state) + " w" + std::to_string(g.wait_reason) + " l" +
           std::to_string(g.line) + " p" + std::to_string(g.p) + "\n";
  }
  for (const auto& c : s.channels) out += "c" + std::to_string(c.id) + " n" + std::to_string(c.len) + "\n";
  return out;
}

struct Held {
  std::unique_ptr<vm::Machine> machine;
  std::string out;
};

// Starts `image` simulated with `seed`, traced, paused before anything runs.
std::unique_ptr<Held> start_paused(const std::shared_ptr<const vm::Image>& image, std::uint64_t seed) {
  auto h = std::make_unique<Held>();
  vm::MachineConfig config = engine::machine_config(sim(seed), "prog");
  config.runtime.trace = true;
  Held* raw = h.get();
  config.output.out = [raw](std::string_view s) { raw->out += s; };
  h->machine = std::make_unique<vm::Machine>(image, std::move(config));
  h->machine->set_paused(true);
  h->machine->start();
  return h;
}

// Waits until the simulation holds (or the run ended); returns the step it holds at.
std::uint64_t wait_held(vm::Machine& m) {
  for (int i = 0; i < 20000 && !m.runtime().finished(); ++i) {
    if (m.runtime().sim_holding() && !m.stepping()) return m.runtime().sched_events();
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return m.runtime().sched_events();
}

}  // namespace

TEST_CASE("sim: holding at steps never changes the run, and a step looks the same however it is reached") {
  auto image = build(kBusy);
  for (std::uint64_t seed : {1ull, 2ull, 3ull}) {
    CAPTURE(seed);
    Traced straight = run_traced(image, sim(seed));
    // Forward in uneven strides, a picture at each hold, then on to the end.
    auto h = start_paused(image, seed);
    std::vector<std::pair<std::uint64_t, std::string>> pictures;
    for (std::uint64_t k : {1ull, 2ull, 7ull, 30ull, 31ull, 90ull, 200ull}) {
      h->machine->hold_at_event(k);
      std::uint64_t at = wait_held(*h->machine);
      if (h->machine->runtime().finished()) break;
      CHECK(at >= k);
      pictures.emplace_back(at, picture(h->machine->runtime().snapshot()));
    }
    h->machine->set_paused(false);
    h->machine->wait();
    CHECK(h->out == straight.output.out);
    std::ostringstream json;
    trace::write_chrome_json(h->machine->runtime().recorder()->events(), json);
    CHECK_MESSAGE(json.str() == straight.trace, first_difference(json.str(), straight.trace));
    // Each step again from a fresh run sent straight there (what seek and a link do).
    REQUIRE(pictures.size() >= 4);
    for (const auto& [at, seen] : pictures) {
      auto again = start_paused(image, seed);
      again->machine->hold_at_event(at);
      CHECK(wait_held(*again->machine) == at);
      CHECK(picture(again->machine->runtime().snapshot()) == seen);
      again->machine->stop();
      again->machine->wait();
    }
  }
}

}  // namespace gopark::test

namespace gopark::test {

TEST_CASE("sim: Pause holds even a goroutine that runs alone for ever") {
  auto image = build("package main\n\nfunc main() {\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n");
  vm::MachineConfig config = engine::machine_config(sim(1), "prog");
  config.runtime.trace = true;
  vm::Machine machine(image, std::move(config));
  machine.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  machine.set_paused(true);
  const std::uint64_t at = wait_held(machine);
  CHECK(machine.runtime().sim_holding());
  CHECK(!machine.runtime().finished());
  CHECK(at >= 2);  // main was created and started
  machine.stop();
  CHECK(machine.wait().kind == rt::ExitKind::Stopped);
}

}  // namespace gopark::test
