// An Image runs on its own: once compiled, nothing of the front end (the source text, the tree,
// the checker's types and objects) is alive, and %v, %T, maps, type switches, failed assertions'
// panics and method calls through interfaces read only the Image's runtime type descriptors
// (vm::TypeInfo, vm/code.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "go_helpers.hpp"

using namespace gopark;
using namespace gopark::test;

namespace {

constexpr const char* kProgram = R"go(package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Point struct {
	X, Y int
	Name string
}

type Shape interface {
	Area() float64
	Describe() string
}

type Rect struct {
	Point
	W, H float64
	tags []string
}

func (r Rect) Area() float64      { return r.W * r.H }
func (r *Rect) Describe() string { return fmt.Sprintf("rect %s %vx%v", r.Name, r.W, r.H) }

type Code int

func (c Code) Error() int { return int(c) } // not an error: Error must return a string

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case fmt.Stringer:
		return "Stringer " + x.String()
	case error:
		return "error " + x.Error()
	case []byte:
		return fmt.Sprintf("bytes %s", x)
	case map[string][]Point:
		return fmt.Sprintf("map of %d", len(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	p := Point{1, 2, "p"}
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	r := &Rect{Point: Point{3, 4, "r"}, W: 2, H: 5, tags: []string{"a"}}
	fmt.Printf("%v %+v %T\n", *r, *r, r)
	var s Shape = r
	fmt.Println(s.Area(), s.Describe())
	fmt.Printf("%T %v\n", s, Celsius(21.5))
	m := map[string][]Point{"b": {{5, 6, "q"}}, "a": nil}
	fmt.Printf("%v %#v %T\n", m, m["a"], m)
	counts := map[Celsius]int{3: 1, 1: 2}
	fmt.Println(counts)
	anys := []any{1, "two", Celsius(3), errors.New("four"), []byte("five"), m, nil, struct{ A int }{8}}
	for _, a := range anys {
		fmt.Println(kind(a))
	}
	fmt.Printf("%d %v %T\n", Code(7), Code(8), Code(7))
	var e any = Celsius(1)
	if _, ok := e.(Shape); !ok {
		fmt.Println("Celsius is not a Shape")
	}
	defer func() {
		fmt.Println("recovered:", recover())
		var f any = p
		_ = f.(string)
	}()
	_ = e.(Shape)
}
)go";

// Its output under go run (Go 1.19); Go's stderr is the panic below, then its own traceback.
constexpr const char* kOutput = R"out({1 2 p} {X:1 Y:2 Name:p} main.Point{X:1, Y:2, Name:"p"} main.Point
{{3 4 r} 2 5 [a]} {Point:{X:3 Y:4 Name:r} W:2 H:5 tags:[a]} *main.Rect
10 rect r 2x5
*main.Rect 21.5°C
map[a:[] b:[{5 6 q}]] []main.Point(nil) map[string][]main.Point
map[1.0°C:2 3.0°C:1]
int 1
other string
Stringer 3.0°C
error four
bytes five
map of 2
nil
other struct { A int }
7 8 main.Code
Celsius is not a Shape
recovered: interface conversion: main.Celsius is not main.Shape: missing method Area
)out";

// Allocates and fills memory of many sizes, so that the front end's freed memory is reused and a
// descriptor still pointing into it would read garbage (and ASan reports it).
void scribble() {
  std::vector<std::string> junk;
  for (int round = 0; round < 4; ++round) {
    for (std::size_t size = 8; size <= 4096; size += 8) junk.emplace_back(size, char(0xab));
  }
}

const vm::TypeInfo* find_type(const vm::Image& image, const std::string& reflect_name) {
  for (const auto& t : image.types) {
    if (t->reflect_name == reflect_name) return t.get();
  }
  return nullptr;
}

}  // namespace

TEST_CASE("an Image runs after the front end that compiled it is gone") {
  std::shared_ptr<const vm::Image> image;
  {
    auto source = std::make_unique<std::string>(kProgram);
    engine::Compiled compiled = engine::compile(*source, "prog.go");
    REQUIRE_MESSAGE(compiled.image, compiled.report);
    image = compiled.image;
  }  // the source, the Program (tree, types, objects) and the diagnostics are destroyed here
  scribble();

  SUBCASE("the descriptors name types and fields") {
    const vm::TypeInfo* point = find_type(*image, "main.Point");
    REQUIRE(point);
    CHECK(point->name == "main.Point");
    CHECK(point->named);
    REQUIRE(point->fields.size() == 3);
    CHECK(point->fields[0].name == "X");
    CHECK(point->fields[2].name == "Name");
    CHECK(point->fields[2].type->reflect_name == "string");
    const vm::TypeInfo* rect = find_type(*image, "*main.Rect");
    REQUIRE(rect);
    REQUIRE(rect->elem);
    CHECK(rect->elem->fields[0].name == "Point");  // an embedded field is named by its type
    CHECK(rect->elem->fields[0].type == point);    // descriptors point at descriptors
    CHECK(rect->methods.size() == 2);              // Area (through a wrapper) and Describe
    const vm::TypeInfo* any = find_type(*image, "interface {}");
    REQUIRE(any);
    CHECK_FALSE(any->named);
  }

  SUBCASE("the program runs as Go runs it") {
    GoRun r = run_image(image);
    CHECK(r.out == kOutput);
    CHECK(r.err.find("panic: interface conversion: main.Celsius is not main.Shape: missing method Area "
                     "[recovered]\n\tpanic: interface conversion: interface {} is main.Point, not string\n") == 0);
    CHECK(r.exit_code == 2);
  }
}
