// The compiler and the VM, end to end: Go source in, output and exit status out, under every
// scheduler set-up, and with the collector running at every safe point (GC stress).
#include <doctest/doctest.h>

#include <thread>

#include "go_helpers.hpp"

using namespace gopark;
using namespace gopark::test;


namespace {

struct Setup {
  const char* name;
  rt::Mode mode;
  int procs;
};
constexpr Setup kSetups[] = {
    {"mn/1", rt::Mode::MN, 1},
    {"mn/4", rt::Mode::MN, 4},
    {"threads", rt::Mode::Threads, 2},
    {"coroutines", rt::Mode::Coroutines, 1},
    {"sim/1", rt::Mode::Sim, 1},
    {"sim/4", rt::Mode::Sim, 4},
};

GoOptions setup_options(const Setup& s, bool stress = false) {
  GoOptions o;
  o.runtime.mode = s.mode;
  o.runtime.procs = s.procs;
  o.gc_stress = stress;
  return o;
}

}  // namespace

TEST_CASE("integers wrap around at their size, division truncates, shifts saturate") {
  GoRun r = run_go(R"(package main

func main() {
	var a int8 = 127
	a++
	var b uint8 = 0
	b--
	var c uint32 = 1 << 31
	c *= 2
	var d int64 = -7
	x := 70
	println(a, b, c, d/2, d%2, -d>>1, 1<<x, uint64(1)<<63>>x)
}
)");
  CHECK(r.compile == "");
  CHECK(r.err == "-128 255 0 -3 -1 3 0 0\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("closures share captured variables; loop variables are per iteration (Go 1.22)") {
  GoRun r = run_go(R"(package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func main() {
	inc, reset := counter()
	inc()
	inc()
	reset()
	fmt.Println(inc())
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
)");
  CHECK(r.compile == "");
  CHECK(r.out == "101\n0 10 20 \n");
}

TEST_CASE("defer runs last-in first-out, may change named results, and recover stops a panic") {
  GoRun r = run_go(R"(package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint("recovered: ", r))
		}
	}()
	return a / b, nil
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
}
)");
  CHECK(r.compile == "");
  CHECK(r.out ==
        "3 <nil>\n0 recovered: runtime error: integer divide by zero\ndeferred 2\ndeferred 1\ndeferred 0\n");
}

TEST_CASE("an unrecovered panic prints Go's report and exits with status 2") {
  GoRun r = run_go(R"(package main

func at(s []int, i int) int { return s[i] }

func main() {
	println(at([]int{1, 2, 3}, 5))
}
)");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\n"
                   "main.at(...)\n\tprog.go:3\nmain.main()\n\tprog.go:6\n") != std::string::npos);
}

TEST_CASE("a traceback shows at most 100 frames, so a deep recursion's message stays readable") {
  auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  const char* deep = R"(package main

func f(n int) int {
	if n == 0 {
		var s []int
		return s[n+3]
	}
	return f(n-1) + 1
}

func main() {
	println(f(DEPTH))
}
)";
  auto with_depth = [&](const std::string& depth) {
    std::string source = deep;
    source.replace(source.find("DEPTH"), 5, depth);
    return source;
  };
  GoRun r = run_go(with_depth("5000"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("panic: runtime error: index out of range [3] with length 0\n\ngoroutine 1 [running]:\n"
                    "main.f(...)\n\tprog.go:6\nmain.f(...)\n\tprog.go:8\n", 0) == 0);
  CHECK(count(r.err, "main.f(...)\n") == 100);
  CHECK(count(r.err, "\n...additional frames elided...\n") == 1);
  CHECK(r.err.find("main.main()") == std::string::npos);  // the outermost frames are the ones cut
  // A stack of exactly 100 frames (99 of f, and main) is shown whole.
  GoRun whole = run_go(with_depth("98"));
  CHECK(count(whole.err, "main.f(...)\n") == 99);
  CHECK(whole.err.find("main.main()\n") != std::string::npos);
  CHECK(whole.err.find("elided") == std::string::npos);
}

TEST_CASE("goroutines, channels, select, WaitGroup and Mutex agree under every scheduler") {
  const char* program = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int, 8)
	results := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				mu.Lock()
				total += j
				mu.Unlock()
				results <- j * j
			}
		}()
	}
	go func() {
		for i := 1; i <= 100; i++ {
			jobs <- i
		}
		close(jobs)
	}()
	done := make(chan struct{})
	squares := 0
	go func() {
		for s := range results {
			squares += s
		}
		close(done)
	}()
	wg.Wait()
	close(results)
	select {
	case <-done:
	}
	fmt.Println(total, squares)
}
)";
  for (const Setup& s : kSetups) {
    CAPTURE(s.name);
    GoRun r = run_go(program, setup_options(s));
    CHECK(r.compile == "");
    CHECK(r.out == "5050 338350\n");
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("a deadlock is Go's fatal error with the goroutine dump") {
  GoRun r = run_go(R"(package main

func main() {
	ch := make(chan int)
	ch <- 1
}
)");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\nmain.main()") !=
        std::string::npos);
}

TEST_CASE("the collector keeps every reachable object under GC stress, in every scheduler") {
  // Trees, maps, strings, closures and slices built while collections run at every safe point.
  const char* program = R"(package main

import (
	"fmt"
	"strings"
)

type Node struct {
	left, right *Node
	val         int
}

func build(d int) *Node {
	if d == 0 {
		return &Node{val: 1}
	}
	return &Node{build(d - 1), build(d - 1), d}
}

func (n *Node) sum() int {
	if n == nil {
		return 0
	}
	return n.val + n.left.sum() + n.right.sum()
}

func main() {
	keep := build(8)
	m := map[string][]int{}
	var sb strings.Builder
	ch := make(chan *Node, 4)
	go func() {
		for i := 0; i < 50; i++ {
			ch <- build(3)
		}
		close(ch)
	}()
	got := 0
	for n := range ch {
		got += n.sum()
		_ = build(4)
		key := fmt.Sprint("k", got%7)
		m[key] = append(m[key], got)
		sb.WriteString(key)
	}
	fmt.Println(keep.sum(), got, len(m), sb.Len())
}
)";
  for (const Setup& s : kSetups) {
    CAPTURE(s.name);
    GoRun r = run_go(program, setup_options(s, true));
    CHECK(r.compile == "");
    CHECK(r.out == "758 950 7 100\n");
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("a program that allocates far more than the memory limit runs when its live set is small") {
  GoOptions o;
  o.memory_limit = std::size_t(64) << 20;
  GoRun r = run_go(R"(package main

func main() {
	total := 0
	for i := 0; i < 400; i++ {
		b := make([]byte, 1<<20) // 400 MB over the run, 1 MB live
		b[i] = 1
		total += len(b)
	}
	println(total)
}
)",
                   o);
  CHECK(r.err == "419430400\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("a runaway loop can be stopped from outside") {
  std::string source = "package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n";
  auto image = engine::compile(source, "prog.go").image;
  REQUIRE(image);
  vm::MachineConfig config;
  config.runtime.procs = 2;
  config.output.out = [](std::string_view) {};
  config.output.err = [](std::string_view) {};
  vm::Machine machine(image, std::move(config));
  machine.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  machine.stop();
  rt::RunResult result = machine.wait();
  CHECK(result.kind == rt::ExitKind::Stopped);
}

TEST_CASE("a step budget stops a runaway loop, in every scheduler") {
  // Two goroutines spin while main waits: the budget is the whole run's, not one goroutine's.
  const char* source = R"(package main

func spin() {
	x := 0
	for {
		x++
	}
}

func main() {
	go spin()
	for {
	}
}
)";
  for (const Setup& s : kSetups) {
    CAPTURE(s.name);
    GoOptions o = setup_options(s);
    o.max_steps = 100'000;
    GoRun r = run_go(source, o);
    CHECK(r.kind == rt::ExitKind::Stopped);
    CHECK(r.err == "gopark: step limit exceeded (100000 loop iterations and calls): the program may never end\n");
  }
}

TEST_CASE("a program within its step budget runs to the end") {
  GoOptions o;
  o.max_steps = 10'000'000;
  GoRun r = run_go(R"(package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	sum := 0
	for i := 0; i < 1000; i++ {
		sum += i
	}
	fmt.Println(sum, fib(15))
}
)",
                   o);
  CHECK(r.out == "499500 610\n");
  CHECK(r.err == "");
  CHECK(r.kind == rt::ExitKind::MainReturned);
}

TEST_CASE("a loop inside a method the library calls (String called by fmt) ends when the run is stopped") {
  // Callbacks do not yield to preemption, so stop() alone never reached this goroutine: the run
  // hung in wait().
  const char* source = R"(package main

import "fmt"

type T int

func (T) String() string {
	for {
	}
}

func main() {
	fmt.Println(T(1))
}
)";
  SUBCASE("by its step budget") {
    GoOptions o;
    o.max_steps = 100'000;
    GoRun r = run_go(source, o);
    CHECK(r.kind == rt::ExitKind::Stopped);
    CHECK(r.err == "gopark: step limit exceeded (100000 loop iterations and calls): the program may never end\n");
  }
  SUBCASE("from outside") {
    auto image = engine::compile(source, "prog.go").image;
    REQUIRE(image);
    vm::MachineConfig config;
    config.runtime.procs = 1;
    config.output.out = [](std::string_view) {};
    config.output.err = [](std::string_view) {};
    vm::Machine machine(image, std::move(config));
    machine.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    machine.stop();
    CHECK(machine.wait().kind == rt::ExitKind::Stopped);
  }
}

TEST_CASE("compile errors are Go's, with positions") {
  GoRun r = run_go("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n}\n");
  CHECK(r.exit_code == 1);
  CHECK(r.compile == "prog.go:3:8: \"fmt\" imported and not used\nprog.go:6:2: declared and not used: x\n");
}
