// The instruction list (vm/ops.def) against the compiler: which ops carry an extension word, and
// the disassembler that reads them.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "go_helpers.hpp"

using namespace gopark;

namespace {

std::shared_ptr<const vm::Image> compile_source(const std::string& source) {
  engine::Compiled compiled = engine::compile(source, "prog.go");
  INFO(compiled.report);
  REQUIRE(compiled.image);
  return compiled.image;
}

const vm::Function& function_named(const vm::Image& image, const std::string& name) {
  for (const auto& f : image.functions) {
    if (f->name == name) return *f;
  }
  FAIL("no function " << name);
  return *image.functions.front();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// One program that makes the compiler emit every op that has an extension word.
constexpr const char* kEveryExtension = R"(package main

import "fmt"

type Point struct{ X, Y int16 }

type Shape interface{ Area() int }

type Square struct{ side int }

func (s Square) Area() int { return s.side * s.side }

func main() {
	a := Point{1, 2}
	b := Point{1, 2}
	println(a == b)
	var s Shape = Square{3}
	println(s.Area())
	points := make([]Point, 2, 4)
	points[1].X = 5
	var grid [3]Point
	grid[len(points)].Y = 7
	part := points[0:1:2]
	part = append(part, a)
	part = append(part, points...)
	bytes := append([]byte("x"), "yz"...)
	n := copy(points, part)
	var any interface{} = s
	sq := any.(Square)
	_, ok := any.(Point)
	sh := any.(Shape)
	_, ok2 := any.(fmt.Stringer)
	done := make(chan bool, 1)
	done <- true
	fmt.Println(len(part), len(bytes), n, sq.side, ok, sh.Area(), ok2, <-done, grid[2].Y)
}
)";

}  // namespace

TEST_CASE("ops.def's extension column is the compiler's: each op marked has its word, no other op does") {
  auto image = compile_source(kEveryExtension);
  std::set<vm::Op> seen;
  for (const auto& f : image->functions) {
    if (f->native >= 0) continue;
    for (std::size_t pc = 0; pc < f->code.size(); ++pc) {
      vm::Op op = f->code[pc].op;
      INFO(f->name << " pc " << pc << " " << vm::op_name(op));
      // The compiler's only Nop is the extension word (emit_ext): one read as an instruction
      // means the op before it lacks its mark.
      CHECK(op != vm::Op::Nop);
      if (!vm::has_extension(op)) continue;
      seen.insert(op);
      // A marked op without its word would swallow the next real instruction.
      REQUIRE(pc + 1 < f->code.size());
      CHECK(f->code[++pc].op == vm::Op::Nop);
    }
  }
  // The program above reaches every marked op, so a mark on an op the compiler never extends
  // would be caught too.
  for (std::size_t i = 0; i < std::size_t(vm::Op::Count_); ++i) {
    vm::Op op = vm::Op(i);
    INFO(vm::op_name(op));
    if (vm::has_extension(op)) CHECK(seen.count(op) == 1);
  }
}

TEST_CASE("disassembler: copy's and make(chan)'s extension words show as (ext), the next line is an instruction") {
  auto image = compile_source(R"(package main

func main() {
	dst := make([]int, 2)
	n := copy(dst, []int{1, 2, 3})
	ch := make(chan int, n)
	ch <- n
	println(<-ch, dst[1])
}
)");
  std::vector<std::string> lines = lines_of(image->disassemble(function_named(*image, "main.main")));
  for (const char* op : {" CopySlice ", " MakeChan "}) {
    INFO(op);
    std::size_t at = 0;
    while (at < lines.size() && lines[at].find(op) == std::string::npos) ++at;
    REQUIRE(at + 2 < lines.size());
    CHECK(lines[at + 1].find("(ext)") != std::string::npos);
    CHECK(lines[at + 2].find("(ext)") == std::string::npos);
    CHECK(lines[at + 2].find(" Nop ") == std::string::npos);
  }
}

TEST_CASE("user_code marks the user's functions, closures and generic instances, never the library's") {
  auto image = compile_source(R"(package main

import (
	"fmt"
	"slices"
	"strings"
)

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func count(yield func(int) bool) {
	for i := 0; i < 2; i++ {
		if !yield(i) {
			return
		}
	}
}

var double = func(x int) int { return 2 * x }

func main() {
	var c Counter
	c.Inc()
	words := Map([]int{3, 1, 2}, func(x int) string { return fmt.Sprint(double(x)) })
	slices.Sort(words)
	for i := range count {
		c.n += i
	}
	fmt.Println(strings.Join(words, ","), c.n)
}
)");
  std::set<std::string> flagged;
  for (const auto& f : image->functions) {
    INFO(f->name);
    if (f->user_code) {
      flagged.insert(f->name);
      CHECK(f->name.rfind("main.", 0) == 0);
      CHECK(!f->hidden);
    }
    if (f->name.rfind("fmt.", 0) == 0 || f->name.rfind("slices.", 0) == 0 || f->name.rfind("strings.", 0) == 0) {
      CHECK(!f->user_code);
    }
  }
  for (const char* name : {"main.main", "main.(*Counter).Inc", "main.Map[...]", "main.count", "main.init.func1",
                           "main.main.func1", "main.main-range1"}) {
    INFO(name);
    CHECK(flagged.count(name) == 1);
  }
}
