// Limits (issue 13): a goroutine's stack is capped as Go caps it, and the run's memory — heap,
// goroutines, stacks, frames, channel buffers, deferred calls — is under one limit. Whatever the
// program does, it ends with Go's message and exit status 2, never by taking the process down.
#include <doctest/doctest.h>

#include <string>

#include "go_helpers.hpp"

namespace gopark::test {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

GoOptions small_stack() {
  GoOptions o;
  o.max_stack = std::size_t(16) << 20;  // quick to reach, under sanitizers too
  return o;
}

void check_stack_overflow(const GoRun& r, const std::string& first_frame) {
  CHECK(r.exit_code == 2);
  CHECK(r.kind == rt::ExitKind::Fatal);
  CHECK(r.err.rfind("runtime: goroutine stack exceeds 16777216-byte limit\nfatal error: stack overflow\n\n"
                    "goroutine 1 [running]:\n" + first_frame, 0) == 0);
  CHECK(count(r.err, "(...)\n\t") == 100);
  CHECK(count(r.err, "\n...additional frames elided...\n") == 1);
}

TEST_CASE("unbounded recursion ends with Go's stack overflow, whatever the path") {
  SUBCASE("a function calling itself") {
    GoRun r = run_go(R"(package main

func f(n int) int { return f(n+1) + 1 }

func main() { println(f(0)) }
)", small_stack());
    check_stack_overflow(r, "main.f(...)\n\tprog.go:3\n");
  }
  SUBCASE("two functions calling each other, through a closure and a method") {
    GoRun r = run_go(R"(package main

type T struct{ g func(int) int }

func (t *T) m(n int) int { return t.g(n+1) + 1 }

func main() {
	t := &T{}
	t.g = func(n int) int { return t.m(n+1) + 1 }
	println(t.m(0))
}
)", small_stack());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("fatal error: stack overflow\n") != std::string::npos);
    CHECK(r.err.find("main.(*T).m(...)") != std::string::npos);
  }
  SUBCASE("deferred calls that defer and recurse") {
    GoRun r = run_go(R"(package main

func f(n int) {
	defer f(n + 1)
}

func main() { f(0) }
)", small_stack());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("fatal error: stack overflow\n") != std::string::npos);
  }
  SUBCASE("a String method formatting its own receiver: the library calls back in, on the C stack") {
    GoRun r = run_go(R"(package main

import "fmt"

type T struct{ n int }

func (t T) String() string { return fmt.Sprint(t) }

func main() { fmt.Println(T{1}) }
)");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("fatal error: stack overflow\n") != std::string::npos);
    CHECK(r.err.find("main.T.String(...)") != std::string::npos);
  }
  SUBCASE("fmt printing a map and a slice that hold themselves: fmt recurses on the C stack") {
    for (const char* body : {"m := map[string]any{}\n\tm[\"self\"] = m\n\tfmt.Println(m)",
                             "s := []any{0}\n\ts[0] = s\n\tfmt.Printf(\"%v\\n\", s)"}) {
      GoRun r = run_go(std::string("package main\n\nimport \"fmt\"\n\nfunc main() {\n\t") + body + "\n}\n");
      CHECK(r.exit_code == 2);
      CHECK(r.err.rfind("runtime: goroutine stack exceeds " + std::to_string(vm::kDefaultMaxStack) +
                        "-byte limit\nfatal error: stack overflow\n", 0) == 0);
    }
  }
  SUBCASE("in a goroutine other than main") {
    GoRun r = run_go(R"(package main

func f(n int) int { return f(n+1) + 1 }

func main() {
	done := make(chan int)
	go func() { done <- f(0) }()
	<-done
}
)", small_stack());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("fatal error: stack overflow\n\ngoroutine ") != std::string::npos);
    CHECK(r.err.find("goroutine 1 ") == std::string::npos);
  }
}

TEST_CASE("deep but legal recursion keeps working: a million frames, as Go allows") {
  GoRun r = run_go(R"(package main

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func main() {
	println(depth(1000000))
	println(depth(10))
}
)");
  CHECK(r.err == "1000000\n10\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("a recovered panic deep in a recursion unwinds it, and the goroutine can recurse again") {
  GoRun r = run_go(R"(package main

import "fmt"

func f(n int) int {
	if n == 200000 {
		panic(fmt.Sprint("bottom ", n))
	}
	return f(n+1) + 1
}

func try() (out string) {
	defer func() { out = fmt.Sprint(recover()) }()
	f(0)
	return "unreachable"
}

func main() {
	fmt.Println(try())
	fmt.Println(try())
}
)");
  CHECK(r.out == "bottom 200000\nbottom 200000\n");
  CHECK(r.exit_code == 0);
}

GoOptions small_memory() {
  GoOptions o;
  o.memory_limit = std::size_t(64) << 20;
  return o;
}

void check_out_of_memory(const GoRun& r) {
  CHECK(r.exit_code == 2);
  CHECK(r.kind == rt::ExitKind::Fatal);
  CHECK(r.err.rfind("runtime: out of memory: cannot allocate ", 0) == 0);
  CHECK(r.err.find("-byte block (") != std::string::npos);
  CHECK(r.err.find(" in use)\nfatal error: out of memory\n\ngoroutine ") != std::string::npos);
}

TEST_CASE("goroutines and their stacks count against the memory limit") {
  const char* bomb = R"(package main

func main() {
	for {
		go func() { select {} }()
	}
}
)";
  for (rt::Mode mode : {rt::Mode::MN, rt::Mode::Coroutines}) {
    CAPTURE(int(mode));
    GoOptions o = small_memory();
    o.runtime.mode = mode;
    o.runtime.procs = 2;
    check_out_of_memory(run_go(bomb, o));
  }
  // Goroutines that each hold a deep stack.
  check_out_of_memory(run_go(R"(package main

func deep(n int) int {
	if n == 0 {
		select {}
	}
	return deep(n-1) + 1
}

func main() {
	for {
		go deep(10000)
	}
}
)", small_memory()));
}

TEST_CASE("channel buffers count against the memory limit, and dead ones give it back") {
  SUBCASE("one buffer larger than the limit") {
    GoRun r = run_go(R"(package main

func main() {
	c := make(chan int, 1<<30)
	c <- 1
	println(len(c))
}
)", small_memory());
    check_out_of_memory(r);
    if (sizeof(void*) == 8) CHECK(r.err.find("cannot allocate 8589934592-byte block") != std::string::npos);
  }
  SUBCASE("buffers kept alive") {
    check_out_of_memory(run_go(R"(package main

func main() {
	var keep []chan int
	for {
		keep = append(keep, make(chan int, 1<<16))
	}
}
)", small_memory()));
  }
  SUBCASE("buffers dropped: the collector frees them, 2 GB of them under a 64 MB limit") {
    GoRun r = run_go(R"(package main

func main() {
	n := 0
	for i := 0; i < 256; i++ {
		c := make(chan int, 1<<20)
		c <- i
		n += <-c
	}
	println(n)
}
)", small_memory());
    CHECK(r.err == "32640\n");
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("pending timers count against the memory limit") {
  // Each AfterFunc's Timer is garbage at once; its pending task is not.
  check_out_of_memory(run_go(R"(package main

import "time"

func main() {
	for {
		time.AfterFunc(time.Hour, func() {})
	}
}
)", small_memory()));
}

TEST_CASE("panics nested in deferred calls of panics count against the memory limit") {
  // Each level's panic is in progress (with the stack where it started kept for its report)
  // while its deferred call panics anew, one level deeper.
  check_out_of_memory(run_go(R"(package main

func f(n int) {
	defer func() { f(n + 1) }()
	panic(n)
}

func main() { f(0) }
)", small_memory()));
  // The same chain, ended after 1000 levels: Go reports every panic in the chain, oldest first.
  GoRun r = run_go(R"(package main

func f(n int) {
	defer func() {
		if n < 1000 {
			f(n + 1)
		}
	}()
	panic(n)
}

func main() { f(0) }
)", small_memory());
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("panic: 0\n\tpanic: 1\n\tpanic: 2\n", 0) == 0);
  CHECK(r.err.find("\tpanic: 1000\n\ngoroutine 1 [running]:\n") != std::string::npos);
}

TEST_CASE("deferred calls piling up count against the memory limit") {
  check_out_of_memory(run_go(R"(package main

func main() {
	for i := 0; ; i++ {
		defer func(a, b, c int) {}(i, i, i)
	}
}
)", small_memory()));
}

}  // namespace
}  // namespace gopark::test

namespace gopark::test {
namespace {

// A frame of the library's Go code names the library's file (as Go names GOROOT's), never a line
// of the user's file; the user's frames and "created by" keep theirs.
TEST_CASE("library frames in a traceback name their own file") {
  GoRun r = run_go(R"(package main

import (
	"sort"
	"strings"
)

func main() {
	done := make(chan bool)
	go func() {
		sort.Slice([]int{2, 1}, func(i, j int) bool {
			println(strings.Repeat("x", -1))
			return false
		})
		done <- true
	}()
	<-done
}
)");
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("panic: strings: negative Repeat count\n\ngoroutine ", 0) == 0);
  CHECK(r.err.find("strings.Repeat(...)\n\t/gopark/src/strings/strings.go:") != std::string::npos);
  CHECK(r.err.find("main.main.func1.1(...)\n\tprog.go:12\n") != std::string::npos);
  CHECK(r.err.find("sort.Slice(...)\n\t/gopark/src/sort/sort.go:") != std::string::npos);
  CHECK(r.err.find("main.main.func1()\n\tprog.go:11\n") != std::string::npos);
  CHECK(r.err.find("created by main.main in goroutine 1\n\tprog.go:10\n") != std::string::npos);
}

}  // namespace
}  // namespace gopark::test
