// The checker's error messages: each program's complete report, with Go's wording and
// positions (cmd/compile's type checker; wording of current Go where it changed after 1.19).
// The annotations the checker leaves for the compiler are tested in
// checker_annotations_test.cpp.
#include <doctest/doctest.h>

#include <string>

#include "lang/checker.hpp"
#include "lib/library.hpp"

using namespace gopark;

namespace {

// Every diagnostic of checking `source` as prog.go, formatted as `go build` prints them.
std::string errors_of(std::string source) {
  lang::Diagnostics diags("prog.go");
  lang::check_program("prog.go", std::move(source), lib::library_loader(), diags);
  return diags.format(0);
}

}  // namespace

TEST_CASE("checker errors: a valid program checks clean") {
  CHECK(errors_of(R"go(package main

import (
	"fmt"
	"strings"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[key]++
}

func main() {
	c := Counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc(strings.Repeat("k", i%3))
		}()
	}
	wg.Wait()
	fmt.Println(len(c.n), min(1, 2.5), max("a", "b"))
}
)go") == "");
}

TEST_CASE("checker errors: the report stops after ten errors, as gc's") {
  lang::Diagnostics diags("prog.go");
  std::string src = "package main\n\nfunc main() {\n";
  for (int i = 0; i < 12; ++i) src += "\tvar v" + std::to_string(i) + " int = \"s\"\n";
  src += "}\n";
  lang::check_program("prog.go", src, lib::library_loader(), diags);
  std::string report = diags.format();
  CHECK(report.find("prog.go:13:15: cannot use \"s\" (untyped string constant) as int value in "
                    "variable declaration\nprog.go:14:16: too many errors\n") != std::string::npos);
}

TEST_CASE("checker errors: a broken library source is an internal error, not the user's") {
  lang::Diagnostics diags("prog.go");
  lang::LibraryLoader broken = [](std::string_view path) -> std::optional<std::string_view> {
    if (path == "fmt") return std::string_view("package fmt\n\nfunc Println(a ...any) { undefinedThing() }\n");
    return std::nullopt;
  };
  lang::check_program("prog.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n",
                      broken, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags.list()[0].message == "gopark internal error: fmt.go:3:26: undefined: undefinedThing");
}

TEST_CASE("checker errors: syntax errors stop before type checking") {
  CHECK(errors_of("package main\n\nfunc main() {\n\tx := \n}\n").find("syntax error") != std::string::npos);
  CHECK(errors_of("package main\n\nfunc main() {\n\tx := \n}\n").find("declared and not used") ==
        std::string::npos);
}

TEST_CASE("checker errors: goto is reported as unsupported") {
  CHECK(errors_of(R"go(package main

func main() {
L:
	goto L
}
)go") == "prog.go:5:2: goto is not supported by gopark\n");
}

TEST_CASE("checker errors: undefined") {
  CHECK(errors_of(R"go(package main

func main() {
	x := y
	_ = x
}
)go") ==
        "prog.go:4:7: undefined: y\n");
}

TEST_CASE("checker errors: unused var") {
  CHECK(errors_of(R"go(package main

func main() {
	a := 1
	var b int
	c, d := 1, 2
	_ = c
}
)go") ==
        "prog.go:4:2: declared and not used: a\n"
        "prog.go:5:6: declared and not used: b\n"
        "prog.go:6:5: declared and not used: d\n");
}

TEST_CASE("checker errors: unused import") {
  CHECK(errors_of(R"go(package main

import (
	"fmt"
	"os"
	str "strings"
)

func main() {
	fmt.Println()
}
)go") ==
        "prog.go:5:2: \"os\" imported and not used\n"
        "prog.go:6:2: \"strings\" imported as str and not used\n");
}

TEST_CASE("checker errors: no new vars") {
  CHECK(errors_of(R"go(package main

func main() {
	a := 1
	a := 2
	_ = a
}
)go") ==
        "prog.go:5:4: no new variables on left side of :=\n");
}

TEST_CASE("checker errors: redeclared") {
  CHECK(errors_of(R"go(package main

func f() {}
func f() {}

func main() {
	var x int
	var x string
	_ = x
}
)go") ==
        "prog.go:4:6: f redeclared in this block\n"
        "\tprog.go:3:6: other declaration of f\n"
        "prog.go:8:6: x redeclared in this block\n"
        "\tprog.go:7:6: other declaration of x\n");
}

TEST_CASE("checker errors: short decl") {
  CHECK(errors_of(R"go(package main

func main() {
	a, a := 1, 2
	var m map[string]int
	m["x"], b := 1, 2
	_ = b
	_ := 1
}
)go") ==
        "prog.go:4:2: declared and not used: a\n"
        "prog.go:4:5: a repeated on left side of :=\n"
        "prog.go:6:2: non-name m[\"x\"] on left side of :=\n"
        "prog.go:8:4: no new variables on left side of :=\n");
}

TEST_CASE("checker errors: assign mismatch") {
  CHECK(errors_of(R"go(package main

func two() (int, int) { return 1, 2 }
func one() int     { return 1 }

func main() {
	a, b := one()
	c := two()
	var d, e int = 1
	f, g := 1, 2, 3
	_, _, _, _, _, _, _ = a, b, c, d, e, f, g
}
)go") ==
        "prog.go:7:10: assignment mismatch: 2 variables but one returns 1 value\n"
        "prog.go:8:7: assignment mismatch: 1 variable but two returns 2 values\n"
        "prog.go:9:17: assignment mismatch: 2 variables but 1 value\n"
        "prog.go:10:10: assignment mismatch: 2 variables but 3 values\n");
}

TEST_CASE("checker errors: call args") {
  CHECK(errors_of(R"go(package main

func add(a, b int) int { return a + b }

func main() {
	add(1)
	add(1, 2, 3)
	add()
	add("x", 2)
}
)go") ==
        "prog.go:6:6: not enough arguments in call to add\n"
        "\thave (number)\n"
        "\twant (int, int)\n"
        "prog.go:7:12: too many arguments in call to add\n"
        "\thave (number, number, number)\n"
        "\twant (int, int)\n"
        "prog.go:8:2: not enough arguments in call to add\n"
        "\thave ()\n"
        "\twant (int, int)\n"
        "prog.go:9:6: cannot use \"x\" (untyped string constant) as int value in argument to add\n");
}

TEST_CASE("checker errors: variadic") {
  CHECK(errors_of(R"go(package main

func sum(xs ...int) int { return 0 }
func pair(a int, bs ...string) {}

func main() {
	sum(1, "a")
	pair()
	pair(1, 2)
	xs := []string{}
	pair(1, xs...)
	sum(xs...)
}
)go") ==
        "prog.go:7:9: cannot use \"a\" (untyped string constant) as int value in argument to sum\n"
        "prog.go:8:2: not enough arguments in call to pair\n"
        "\thave ()\n"
        "\twant (int, ...string)\n"
        "prog.go:9:10: cannot use 2 (untyped int constant) as string value in argument to pair\n"
        "prog.go:12:6: cannot use xs (variable of type []string) as []int value in argument to sum\n");
}

TEST_CASE("checker errors: return count") {
  CHECK(errors_of(R"go(package main

func f() int {
	return
}

func g() {
	return 1
}

func h() (int, string) {
	return 1
}

func main() {}
)go") ==
        "prog.go:4:2: not enough return values\n"
        "\thave ()\n"
        "\twant (int)\n"
        "prog.go:8:9: too many return values\n"
        "\thave (number)\n"
        "\twant ()\n"
        "prog.go:12:9: not enough return values\n"
        "\thave (number)\n"
        "\twant (int, string)\n");
}

TEST_CASE("checker errors: return multi") {
  CHECK(errors_of(R"go(package main

func two() (int, int) { return 1, 2 }

func one() int {
	return two()
}

func main() {}
)go") ==
        "prog.go:6:9: too many return values\n"
        "\thave (int, int)\n"
        "\twant (int)\n");
}

TEST_CASE("checker errors: missing return") {
  CHECK(errors_of(R"go(package main

func a(x int) int {
	if x > 0 {
		return 1
	}
}

func b(x int) int {
	for {
		if x > 0 {
			break
		}
	}
}

func c(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func d(x int) int {
	for {
	}
}

func e(x int) int {
	panic("no")
}

func main() {}
)go") ==
        "prog.go:7:1: missing return\n"
        "prog.go:15:1: missing return\n"
        "prog.go:22:1: missing return\n");
}

TEST_CASE("checker errors: const overflow") {
  CHECK(errors_of(R"go(package main

func main() {
	var a int8 = 128
	var b uint = -1
	var c byte = 256
	c = 300
	d := int32(1 << 40)
	const big = 1 << 100
	var e int = big
	_, _, _, _, _ = a, b, c, d, e
}
)go") ==
        "prog.go:4:15: cannot use 128 (untyped int constant) as int8 value in variable declaration (overflows)\n"
        "prog.go:5:15: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)\n"
        "prog.go:6:15: cannot use 256 (untyped int constant) as byte value in variable declaration (overflows)\n"
        "prog.go:7:6: cannot use 300 (untyped int constant) as byte value in assignment (overflows)\n"
        "prog.go:8:13: constant 1099511627776 overflows int32\n"
        "prog.go:10:14: cannot use big (untyped int constant 1267650600228229401496703205376) as int value in variable declaration (overflows)\n");
}

TEST_CASE("checker errors: const decls") {
  CHECK(errors_of(R"go(package main

func f() int { return 1 }

const a, b = 1
const c = 1, 2
const d = f()
const e []int = nil

func main() {
	n := 3
	const k = n
}
)go") ==
        "prog.go:5:10: missing init expr for b\n"
        "prog.go:6:14: extra init expr 2\n"
        "prog.go:7:11: f() (value of type int) is not constant\n"
        "prog.go:8:9: invalid constant type []int\n"
        "prog.go:12:12: n (variable of type int) is not constant\n");
}

TEST_CASE("checker errors: div zero") {
  CHECK(errors_of(R"go(package main

func main() {
	x := 10
	_ = x / 0
	_ = 1.0 / 0
	_ = x % 0
	const c = 5 / 0
}
)go") ==
        "prog.go:5:10: invalid operation: division by zero\n"
        "prog.go:6:12: invalid operation: division by zero\n"
        "prog.go:7:10: invalid operation: division by zero\n"
        "prog.go:8:16: invalid operation: division by zero\n");
}

TEST_CASE("checker errors: mismatched") {
  CHECK(errors_of(R"go(package main

type Celsius float64
type Fahrenheit float64

func main() {
	var c Celsius
	var f Fahrenheit
	_ = c + f
	s := "a"
	n := 1
	_ = s + n
	_ = n == "x"
	var p *int
	_ = p == 0
}
)go") ==
        "prog.go:9:6: invalid operation: c + f (mismatched types Celsius and Fahrenheit)\n"
        "prog.go:12:6: invalid operation: s + n (mismatched types string and int)\n"
        "prog.go:13:11: invalid operation: n == \"x\" (mismatched types int and untyped string)\n"
        "prog.go:15:11: invalid operation: p == 0 (mismatched types *int and untyped int)\n");
}

TEST_CASE("checker errors: ops") {
  CHECK(errors_of(R"go(package main

func main() {
	s := "x"
	b := true
	var m map[string]int
	var f func()
	var sl []int
	_ = -s
	_ = !s
	_ = b + b
	_ = m == m
	_ = f == f
	_ = sl < sl
	_ = ^1.5
	_ = 1 << 1.5
	x := 1.5
	_ = x << 2
}
)go") ==
        "prog.go:9:7: invalid operation: operator - not defined on s (variable of type string)\n"
        "prog.go:10:7: invalid operation: operator ! not defined on s (variable of type string)\n"
        "prog.go:11:6: invalid operation: operator + not defined on b (variable of type bool)\n"
        "prog.go:12:6: invalid operation: m == m (map can only be compared to nil)\n"
        "prog.go:13:6: invalid operation: f == f (func can only be compared to nil)\n"
        "prog.go:14:6: invalid operation: sl < sl (operator < not defined on slice)\n"
        "prog.go:15:7: invalid operation: operator ^ not defined on 1.5 (untyped float constant)\n"
        "prog.go:16:11: 1.5 (untyped float constant) truncated to uint\n"
        "prog.go:18:6: invalid operation: shifted operand x (variable of type float64) must be integer\n");
}

TEST_CASE("checker errors: assign op") {
  CHECK(errors_of(R"go(package main

func main() {
	s := "a"
	s -= "b"
	var n int
	n += "x"
	var f float64
	f %= 2
	b := true
	b++
}
)go") ==
        "prog.go:5:2: invalid operation: operator - not defined on s (variable of type string)\n"
        "prog.go:7:2: invalid operation: n += \"x\" (mismatched types int and untyped string)\n"
        "prog.go:9:2: invalid operation: operator % not defined on f (variable of type float64)\n"
        "prog.go:11:2: invalid operation: b++ (non-numeric type bool)\n");
}

TEST_CASE("checker errors: shifts") {
  CHECK(errors_of(R"go(package main

func main() {
	var s uint = 2
	var f float64 = 1 << s
	var i int = 1 << s
	x := 1 << -1
	y := 1 << 2000
	_, _, _, _ = f, i, x, y
}
)go") ==
        "prog.go:5:18: invalid operation: shifted operand 1 (type float64) must be integer\n"
        "prog.go:7:12: invalid operation: negative shift count -1 (untyped int constant)\n"
        "prog.go:8:12: invalid operation: invalid shift count 2000 (untyped int constant)\n");
}

TEST_CASE("checker errors: interfaces") {
  CHECK(errors_of(R"go(package main

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Square struct{ s float64 }

func (q Square) Area() float64 { return q.s * q.s }

type Circle struct{ r float64 }

func (c *Circle) Area() float64      { return c.r }
func (c *Circle) Perimeter() float64 { return c.r }

type Tri struct{}

func (Tri) Area() int          { return 0 }
func (Tri) Perimeter() float64 { return 0 }

func main() {
	var a Shape = Square{1}
	var b Shape = Circle{1}
	var c Shape = Tri{}
	var d Shape = &Circle{1}
	_, _, _, _ = a, b, c, d
}
)go") ==
        "prog.go:23:16: cannot use Square{…} (value of struct type Square) as Shape value in variable declaration: Square does not implement Shape (missing method Perimeter)\n"
        "prog.go:24:16: cannot use Circle{…} (value of struct type Circle) as Shape value in variable declaration: Circle does not implement Shape (method Area has pointer receiver)\n"
        "prog.go:25:16: cannot use Tri{} (value of struct type Tri) as Shape value in variable declaration: Tri does not implement Shape (wrong type for method Area)\n"
        "\t\thave Area() int\n"
        "\t\twant Area() float64\n");
}

TEST_CASE("checker errors: type assert") {
  CHECK(errors_of(R"go(package main

import "fmt"

type T struct{}

func main() {
	x := 5
	_ = x.(int)
	var s fmt.Stringer
	_ = s.(T)
	var e interface{}
	_ = e.(T)
}
)go") ==
        "prog.go:9:6: invalid operation: x (variable of type int) is not an interface\n"
        "prog.go:11:6: impossible type assertion: s.(T)\n"
        "\tT does not implement fmt.Stringer (missing method String)\n");
}

TEST_CASE("checker errors: type switch") {
  CHECK(errors_of(R"go(package main

import "fmt"

func main() {
	var v interface{} = 1
	switch t := v.(type) {
	case int, string:
	}
	switch v.(type) {
	case int:
	case int:
	}
	x := 3
	switch x.(type) {
	}
	var s fmt.Stringer
	switch s.(type) {
	case int:
	}
}
)go") ==
        "prog.go:7:9: t declared and not used\n"
        "prog.go:12:7: duplicate case int in type switch\n"
        "\tprog.go:11:7: previous case\n"
        "prog.go:15:9: x (variable of type int) is not an interface\n"
        "prog.go:19:7: impossible type switch case: int\n"
        "\ts (variable of interface type fmt.Stringer) cannot have dynamic type int (missing method String)\n");
}

TEST_CASE("checker errors: branches") {
  CHECK(errors_of(R"go(package main

func main() {
	break
	continue
	for {
		func() {
			break
		}()
	}
L:
	if true {
		break L
	}
M:
	for {
		continue Q
	}
	switch {
	case true:
		fallthrough
	}
	switch {
	case true:
		if true {
			fallthrough
		}
	case false:
	}
	goto M
}
)go") ==
        "prog.go:4:2: break is not in a loop, switch, or select\n"
        "prog.go:5:2: continue is not in a loop\n"
        "prog.go:8:4: break is not in a loop, switch, or select\n"
        "prog.go:13:9: invalid break label L\n"
        "prog.go:17:12: continue label not defined: Q\n"
        "prog.go:21:3: cannot fallthrough final case in switch\n"
        "prog.go:26:4: fallthrough statement out of place\n"
        "prog.go:30:2: goto is not supported by gopark\n");
}

TEST_CASE("checker errors: labels") {
  CHECK(errors_of(R"go(package main

func main() {
L:
	for {
	}
L:
	for {
	}
N:
	x := 1
	_ = x
}
)go") ==
        "prog.go:4:1: label L defined and not used\n"
        "prog.go:7:1: label L already defined at prog.go:4:1\n"
        "prog.go:10:1: label N defined and not used\n");
}

TEST_CASE("checker errors: label scope") {
  CHECK(errors_of(R"go(package main

func main() {
	func() {
	L:
		for {
			break L
		}
	}()
	for {
		break L
	}
}
)go") ==
        "prog.go:11:9: break label not defined: L\n");
}

TEST_CASE("checker errors: select") {
  CHECK(errors_of(R"go(package main

func main() {
	ch := make(chan int)
	x := 1
	select {
	case x > 0:
	case v := <-ch:
		_ = v
	default:
	default:
	}
}
)go") ==
        "prog.go:5:2: declared and not used: x\n"
        "prog.go:7:9: select case must be send or receive (possibly with assignment)\n"
        "prog.go:11:2: multiple defaults (first at prog.go:10:2)\n");
}

TEST_CASE("checker errors: selectors") {
  CHECK(errors_of(R"go(package main

type Point struct{ X, Y int }

func (p *Point) Move() {}

type A struct{ N int }
type B struct{ N int }
type C struct {
	A
	B
}

func main() {
	p := Point{}
	_ = p.Z
	_ = p.x
	Point{}.Move()
	var c C
	_ = c.N
	_ = Point.Move
	var q *Point
	q.Nope()
}
)go") ==
        "prog.go:16:8: p.Z undefined (type Point has no field or method Z)\n"
        "prog.go:17:8: p.x undefined (type Point has no field or method x, but does have field X)\n"
        "prog.go:18:10: cannot call pointer method Move on Point\n"
        "prog.go:20:8: ambiguous selector c.N\n"
        "prog.go:21:12: invalid method expression Point.Move (needs pointer receiver (*Point).Move)\n"
        "prog.go:23:4: q.Nope undefined (type *Point has no field or method Nope)\n");
}

TEST_CASE("checker errors: iface ptr") {
  CHECK(errors_of(R"go(package main

import "fmt"

func main() {
	var p *fmt.Stringer
	p.String()
}
)go") ==
        "prog.go:7:4: p.String undefined (type *fmt.Stringer is pointer to interface, not interface)\n");
}

TEST_CASE("checker errors: composite") {
  CHECK(errors_of(R"go(package main

type P struct{ X, Y int }

func main() {
	_ = P{1}
	_ = P{1, 2, 3}
	_ = P{X: 1, 2}
	_ = P{Z: 1}
	_ = P{X: 1, X: 2}
	_ = [2]int{1, 2, 3}
	_ = []int{0: 1, 0: 2}
	_ = map[string]int{"a": 1, "a": 2}
	_ = map[string]int{1}
	_ = int{}
}
)go") ==
        "prog.go:6:9: too few values in P{…}\n"
        "prog.go:7:14: too many values in P{…}\n"
        "prog.go:8:14: mixture of field:value and value elements in struct literal\n"
        "prog.go:9:8: unknown field Z in struct literal of type P\n"
        "prog.go:10:15: duplicate field name X in struct literal\n"
        "prog.go:11:19: index 2 is out of bounds (>= 2)\n"
        "prog.go:12:19: duplicate index 0 in array or slice literal\n"
        "prog.go:13:29: duplicate key \"a\" in map literal\n"
        "prog.go:14:21: missing key in map literal\n"
        "prog.go:15:6: invalid composite literal type int\n");
}

TEST_CASE("checker errors: struct lit unexported") {
  CHECK(errors_of(R"go(package main

import "strings"

func main() {
	_ = strings.Builder{nil}
	_ = strings.Builder{buf: nil}
}
)go") ==
        "prog.go:6:22: implicit assignment to unexported field buf in strings.Builder literal\n"
        "prog.go:7:22: unknown field buf in struct literal of type strings.Builder\n");
}

TEST_CASE("checker errors: assign targets") {
  CHECK(errors_of(R"go(package main

type P struct{ X int }

func main() {
	s := "abc"
	s[0] = 'x'
	m := map[string]P{}
	m["a"].X = 1
	const c = 1
	c = 2
	f := func() int { return 1 }
	f() = 2
}
)go") ==
        "prog.go:7:2: cannot assign to s[0] (neither addressable nor a map index expression)\n"
        "prog.go:9:2: cannot assign to struct field m[\"a\"].X in map\n"
        "prog.go:11:2: cannot assign to c (neither addressable nor a map index expression)\n"
        "prog.go:13:2: cannot assign to f() (neither addressable nor a map index expression)\n");
}

TEST_CASE("checker errors: builtins") {
  CHECK(errors_of(R"go(package main

func main() {
	var s []int
	var m map[string]int
	var ch <-chan int
	x := 1
	_ = len(x)
	_ = cap(m)
	_ = append(1, 2)
	_ = append(s, "x")
	delete(s, 1)
	close(ch)
	_ = make([]int)
	_ = make(int, 1)
	_ = new(1)
	copy(s, 1)
	_ = min(1, "a")
	clear(x)
	len(s)
}
)go") ==
        "prog.go:8:10: invalid argument: x (variable of type int) for built-in len\n"
        "prog.go:9:10: invalid argument: m (variable of type map[string]int) for built-in cap\n"
        "prog.go:10:13: first argument to append must be a slice; have 1 (untyped int constant)\n"
        "prog.go:11:16: cannot use \"x\" (untyped string constant) as int value in argument to append\n"
        "prog.go:12:9: invalid argument: s (variable of type []int) is not a map\n"
        "prog.go:13:8: invalid operation: cannot close receive-only channel ch (variable of type <-chan int)\n"
        "prog.go:14:6: invalid operation: make([]int) expects 2 or 3 arguments; found 1\n"
        "prog.go:15:11: invalid argument: cannot make int; type must be slice, map, or channel\n"
        "prog.go:16:10: 1 is not a type\n"
        "prog.go:17:7: invalid argument: copy expects slice arguments; found s (variable of type []int) and 1 (untyped int constant)\n"
        "prog.go:18:13: invalid argument: mismatched types untyped int (previous argument) and untyped string (type of \"a\")\n"
        "prog.go:19:8: invalid argument: cannot clear x (variable of type int): argument must be (or constrained by) map or slice\n"
        "prog.go:20:2: len(s) (value of type int) is not used\n");
}

TEST_CASE("checker errors: channels") {
  CHECK(errors_of(R"go(package main

func main() {
	var send chan<- int
	var recv <-chan int
	<-send
	recv <- 1
	x := 1
	x <- 1
	<-x
	for range send {
	}
}
)go") ==
        "prog.go:6:4: invalid operation: cannot receive from send-only channel send (variable of type chan<- int)\n"
        "prog.go:7:2: invalid operation: cannot send to receive-only channel recv (variable of type <-chan int)\n"
        "prog.go:9:2: invalid operation: cannot send to non-channel x (variable of type int)\n"
        "prog.go:10:4: invalid operation: cannot receive from non-channel x (variable of type int)\n"
        "prog.go:11:12: cannot range over send (variable of type chan<- int): receive from send-only channel\n");
}

TEST_CASE("checker errors: not used") {
  CHECK(errors_of(R"go(package main

func f() int { return 1 }

func main() {
	x := 1
	x + 1
	f
	1
	"s"
	x == 2
	len("abc")
	_ = x
}
)go") ==
        "prog.go:7:2: x + 1 (value of type int) is not used\n"
        "prog.go:8:2: f (value of type func() int) is not used\n"
        "prog.go:9:2: 1 (untyped int constant) is not used\n"
        "prog.go:10:2: \"s\" (untyped string constant) is not used\n"
        "prog.go:11:2: x == 2 (untyped bool value) is not used\n"
        "prog.go:12:2: len(\"abc\") (constant 3 of type int) is not used\n");
}

TEST_CASE("checker errors: conversions") {
  CHECK(errors_of(R"go(package main

func main() {
	_ = int("a")
	_ = string(1.5)
	var f float64 = 1.5
	_ = []byte(f)
	_ = int(1.5)
	_ = uint8(256)
	_ = bool(1)
}
)go") ==
        "prog.go:4:10: cannot convert \"a\" (untyped string constant) to type int\n"
        "prog.go:5:13: cannot convert 1.5 (untyped float constant) to type string\n"
        "prog.go:7:13: cannot convert f (variable of type float64) to type []byte\n"
        "prog.go:8:10: cannot convert 1.5 (untyped float constant) to type int\n"
        "prog.go:9:12: constant 256 overflows uint8\n"
        "prog.go:10:11: cannot convert 1 (untyped int constant) to type bool\n");
}

TEST_CASE("checker errors: decls") {
  CHECK(errors_of(R"go(package main

var init = 1
var main = 2

func init() int { return 1 }
)go") ==
        "prog.go:3:5: cannot declare init - must be func\n"
        "prog.go:4:5: cannot declare main - must be func\n"
        "prog.go:6:6: func init must have no arguments and no return values\n");
}

TEST_CASE("checker errors: main sig") {
  CHECK(errors_of(R"go(package main

func main(x int) {}
)go") ==
        "prog.go:3:6: func main must have no arguments and no return values\n");
}

TEST_CASE("checker errors: range") {
  CHECK(errors_of(R"go(package main

func main() {
	x := 1.5
	for range x {
	}
	var ch chan int
	for a, b := range ch {
		_, _ = a, b
	}
	for i := range 10 {
		_ = i
	}
	for i, j := range 10 {
	}
}
)go") ==
        "prog.go:5:12: cannot range over x (variable of type float64)\n"
        "prog.go:8:9: range over ch (variable of type chan int) permits only one iteration variable\n"
        "prog.go:14:6: declared and not used: i\n"
        "prog.go:14:9: range over 10 (untyped int constant) permits only one iteration variable\n");
}

TEST_CASE("checker errors: range rune") {
  CHECK(errors_of(R"go(package main

func main() {
	for _, c := range "héllo" {
		var s string = c
		_ = s
	}
	str := "abc"
	var t string = str[0]
	_ = t
}
)go") ==
        "prog.go:5:18: cannot use c (variable of type rune) as string value in variable declaration\n"
        "prog.go:9:17: cannot use str[0] (value of type byte) as string value in variable declaration\n");
}

TEST_CASE("checker errors: cycles") {
  CHECK(errors_of(R"go(package main

type T struct {
	a int
	b T
}

type L struct {
	next *L
}

type U V
type V U

var x = y
var y = x

var z = f()

func f() int { return z }

func main() {}
)go") ==
        "prog.go:3:6: invalid recursive type: T refers to itself\n"
        "prog.go:12:6: invalid recursive type U\n"
        "\tprog.go:12:6: U refers to V\n"
        "\tprog.go:13:6: V refers to U\n"
        "prog.go:15:5: initialization cycle for x\n"
        "\tprog.go:15:5: x refers to y\n"
        "\tprog.go:16:5: y refers to x\n"
        "prog.go:18:5: initialization cycle for z\n"
        "\tprog.go:18:5: z refers to f\n"
        "\tprog.go:20:6: f refers to z\n");
}

TEST_CASE("checker errors: unsupported") {
  CHECK(errors_of(R"go(package main

import "unsafe"

func main() {
	c := 1i
	var z complex128
	_, _ = c, z
}
)go") ==
        "prog.go:3:8: gopark does not support package unsafe\n"
        "prog.go:6:7: gopark does not support complex numbers\n"
        "prog.go:7:8: gopark does not support complex numbers\n");
}

TEST_CASE("checker errors: method decls") {
  CHECK(errors_of(R"go(package main

type T struct{ X int }

func (T) X() {}
func (T) M() {}
func (T) M() {}
func (int) N() {}

type P *T

func (P) Q() {}

func main() {}
)go") ==
        "prog.go:5:10: field and method with the same name X\n"
        "\tprog.go:3:16: other declaration of X\n"
        "prog.go:7:10: method T.M already declared at prog.go:6:10\n"
        "prog.go:8:7: cannot define new methods on non-local type int\n"
        "prog.go:12:7: invalid receiver type P (pointer or interface type)\n");
}

TEST_CASE("checker errors: nil use") {
  CHECK(errors_of(R"go(package main

func main() {
	x := nil
	var i int = nil
	_ = nil == nil
	_, _ = x, i
}
)go") ==
        "prog.go:4:7: use of untyped nil in assignment\n"
        "prog.go:5:14: cannot use nil as int value in variable declaration\n"
        "prog.go:6:13: invalid operation: nil == nil (operator == not defined on untyped nil)\n");
}

TEST_CASE("checker errors: blank nil") {
  CHECK(errors_of(R"go(package main

func main() {
	_ = nil
	var x = nil
	_ = x
}
)go") ==
        "prog.go:4:6: use of untyped nil in assignment to _ identifier\n"
        "prog.go:5:10: use of untyped nil in variable declaration\n");
}

TEST_CASE("checker errors: iota outside") {
  CHECK(errors_of(R"go(package main

const (
	A = iota
	B
)

func main() {
	x := iota
	_ = x
}
)go") ==
        "prog.go:9:7: cannot use iota outside constant declaration\n");
}

TEST_CASE("checker errors: addr") {
  CHECK(errors_of(R"go(package main

func f() int { return 1 }

func main() {
	_ = &f()
	_ = &1
	var p *int
	_ = *p
	x := 3
	_ = *x
}
)go") ==
        "prog.go:6:7: invalid operation: cannot take address of f() (value of type int)\n"
        "prog.go:7:7: invalid operation: cannot take address of 1 (untyped int constant)\n"
        "prog.go:11:7: invalid operation: cannot indirect x (variable of type int)\n");
}

TEST_CASE("checker errors: index") {
  CHECK(errors_of(R"go(package main

func main() {
	a := [3]int{}
	_ = a[5]
	_ = a[-1]
	s := []int{}
	_ = s["x"]
	x := 1
	_ = x[0]
	_ = "abc"[10]
	_ = a[1:0]
	_ = "abc"[1:2:3]
}
)go") ==
        "prog.go:5:8: invalid argument: index 5 out of bounds [0:3]\n"
        "prog.go:6:8: invalid argument: index -1 (constant of type int) must not be negative\n"
        "prog.go:8:8: cannot convert \"x\" (untyped string constant) to type int\n"
        "prog.go:10:7: invalid operation: cannot index x (variable of type int)\n"
        "prog.go:11:12: invalid argument: index 10 out of bounds [0:3]\n"
        "prog.go:12:10: invalid slice indices: 0 < 1\n"
        "prog.go:13:16: invalid operation: 3-index slice of string\n");
}

TEST_CASE("checker errors: struct embed") {
  CHECK(errors_of(R"go(package main

type I interface{ M() }

type S struct {
	*I
}

type Q struct {
	x int
	x string
}

func main() {}
)go") ==
        "prog.go:6:2: embedded field type cannot be a pointer to an interface\n"
        "prog.go:11:2: x redeclared\n"
        "\tprog.go:10:2: other declaration of x\n");
}

TEST_CASE("checker errors: embedded ptr") {
  CHECK(errors_of(R"go(package main

type P *int

type S struct {
	P
}

func main() {}
)go") ==
        "prog.go:6:2: embedded field type cannot be a pointer\n");
}

TEST_CASE("checker errors: field method call") {
  CHECK(errors_of(R"go(package main

type T struct{}

func (t *T) Ptr() {}
func (t T) Val()  {}

type I interface{ Ptr() }

func main() {
	var i I = T{}
	T{}.Ptr()
	(&T{}).Val()
	_ = i
}
)go") ==
        "prog.go:11:12: cannot use T{} (value of struct type T) as I value in variable declaration: T does not implement I (method Ptr has pointer receiver)\n"
        "prog.go:12:6: cannot call pointer method Ptr on T\n");
}

TEST_CASE("checker errors: array len") {
  CHECK(errors_of(R"go(package main

func main() {
	n := 3
	var a [n]int
	var b [-1]int
	var c [1.5]int
	_, _, _ = a, b, c
}
)go") ==
        "prog.go:4:2: declared and not used: n\n"
        "prog.go:5:9: invalid array length n\n"
        "prog.go:6:9: invalid array length -1 (untyped int constant)\n"
        "prog.go:7:9: array length 1.5 (untyped float constant) must be integer\n");
}

TEST_CASE("checker errors: map key") {
  CHECK(errors_of(R"go(package main

type K struct{ s []int }

func main() {
	var m map[[]int]string
	var n map[K]int
	_, _ = m, n
}
)go") ==
        "prog.go:6:12: invalid map key type []int\n"
        "prog.go:7:12: invalid map key type K\n");
}

TEST_CASE("checker errors: incomparable") {
  CHECK(errors_of(R"go(package main

type S struct{ xs []int }

func main() {
	a, b := S{}, S{}
	_ = a == b
	var f1, f2 func()
	_ = f1 == nil
	_ = f1 == f2
}
)go") ==
        "prog.go:7:6: invalid operation: a == b (struct containing []int cannot be compared)\n"
        "prog.go:10:6: invalid operation: f1 == f2 (func can only be compared to nil)\n");
}

TEST_CASE("checker errors: missing body") {
  CHECK(errors_of(R"go(package main

func noBody()

func main() {}
)go") ==
        "prog.go:3:6: missing function body\n");
}

TEST_CASE("checker errors: unexported") {
  CHECK(errors_of(R"go(package main

import "strings"

func main() {
	_ = strings.explode("a", 1)
	_ = strings.nothere
}
)go") ==
        "prog.go:6:14: name explode not exported by package strings\n"
        "prog.go:7:14: undefined: strings.nothere\n");
}

TEST_CASE("checker errors: many errors") {
  CHECK(errors_of(R"go(package main

func main() {
	var a int = "1"
	var b int = "2"
	var c int = "3"
	var d int = "4"
	var e int = "5"
	var f int = "6"
	var g int = "7"
	var h int = "8"
	var i int = "9"
	var j int = "10"
	var k int = "11"
	var l int = "12"
	_, _, _, _, _, _, _, _, _, _, _, _ = a, b, c, d, e, f, g, h, i, j, k, l
}
)go") ==
        "prog.go:4:14: cannot use \"1\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:5:14: cannot use \"2\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:6:14: cannot use \"3\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:7:14: cannot use \"4\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:8:14: cannot use \"5\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:9:14: cannot use \"6\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:10:14: cannot use \"7\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:11:14: cannot use \"8\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:12:14: cannot use \"9\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:13:14: cannot use \"10\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:14:14: cannot use \"11\" (untyped string constant) as int value in variable declaration\n"
        "prog.go:15:14: cannot use \"12\" (untyped string constant) as int value in variable declaration\n");
}

TEST_CASE("checker errors: not main") {
  CHECK(errors_of(R"go(package foo

func F() {}
)go") ==
        "prog.go:1:9: package foo is not a main package\n");
}

TEST_CASE("checker errors: no main") {
  CHECK(errors_of(R"go(package main

func helper() {}
)go") ==
        "prog.go:1:9: function main is undeclared in the main package\n");
}

TEST_CASE("checker errors: imports") {
  CHECK(errors_of(R"go(package main

import (
	"net/http"
	"unsafe"
	. "fmt"
)

func main() {
	_ = http.Get
	_ = unsafe.Sizeof(0)
	Println()
}
)go") ==
        "prog.go:4:2: package net/http is not in std\n"
        "prog.go:5:2: gopark does not support package unsafe\n"
        "prog.go:6:2: gopark does not support dot imports\n");
}

TEST_CASE("checker errors: range over functions") {
  CHECK(errors_of(R"go(package main

func main() {
	for x := range func(int) {} {
		_ = x
	}
	seq := func(yield func() bool) {}
	for x := range seq {
		_ = x
	}
	for a, b := range func(yield func(int) bool) {} {
		_, _ = a, b
	}
	for range func(yield func(int) bool) {} {
		defer println()
	}
}
)go") == "prog.go:4:17: cannot range over func(int) {} (value of type func(int)): func must be "
           "func(yield func(...) bool): argument is not func\n"
           "prog.go:8:6: range over seq (variable of type func(func() bool)) permits no iteration variables\n"
           "prog.go:11:9: range over func(yield func(int) bool) {} (value of type func(func(int) bool)) permits only "
           "one iteration variable\n"
           "prog.go:15:3: gopark does not support defer inside a range-over-function loop yet\n");
}

TEST_CASE("checker errors: generics use") {
  // A constraint interface is not a type of values.
  CHECK(errors_of(R"go(package main

type Number interface {
	~int | ~float64
}

func main() {
	var n Number
	_ = n
}
)go") ==
        "prog.go:8:8: cannot use type Number outside a type constraint: interface contains type constraints\n");
  // Constraints not satisfied, type arguments that cannot be inferred, generic functions used as
  // values, wrong type argument counts.
  CHECK(errors_of(R"go(package main

import "slices"

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func Zero[T any]() (z T) { return }

func Eq[T comparable](a, b T) bool { return a == b }

func main() {
	_ = Sum("a", "b")
	_ = Zero()
	f := Sum
	_ = Eq([]int{1}, nil)
	_ = Sum[int, int]
	_ = slices.Sort
	_ = f
	type S struct{ f func() }
	slices.Sort([]S{})
}
)go") ==
        "prog.go:19:10: string does not satisfy Number (string missing in ~int | ~float64)\n"
        "prog.go:20:10: in call to Zero, cannot infer T\n"
        "prog.go:21:7: cannot use generic function Sum without instantiation\n"
        "prog.go:22:9: []int does not satisfy comparable\n"
        "prog.go:23:15: got 2 type arguments but Sum has 1 type parameters\n"
        "prog.go:24:6: cannot use generic function slices.Sort without instantiation\n"
        "prog.go:27:14: S does not satisfy cmp.Ordered (S missing in ~int | ~int8 | ~int16 | ~int32 | ~int64 | "
        "~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)\n");
  // Errors inside a generic function are found in its instances (once, however many there are).
  CHECK(errors_of(R"go(package main

func First[T any](xs []T) T {
	unused := 1
	return xs[0]
}

func main() {
	_ = First([]int{1})
	_ = First([]string{"a"})
}
)go") == "prog.go:4:2: declared and not used: unused\n");
  // A package used only inside a generic function that is never instantiated is still used.
  CHECK(errors_of(R"go(package main

import (
	"fmt"
	"strings"
)

func Upper[T ~string](s T) T { return T(strings.ToUpper(string(s))) }

func main() { fmt.Println() }
)go") == "");
  // Generic types: used without type arguments, with the wrong number, outside the constraint.
  CHECK(errors_of(R"go(package main

type List[T any] struct{ next *List[T] }

type Num[T ~int | ~float64] struct{ v T }

type Pair[K comparable, V any] struct {
	k K
	v V
}

func main() {
	var a List
	var b Pair[int]
	var c Num[string]
	var d List[int]
	_, _, _, _ = a, b, c, d
}
)go") == "prog.go:13:8: cannot use generic type List[T any] without instantiation\n"
           "prog.go:14:16: not enough type arguments for type Pair: have 1, want 2\n"
           "prog.go:15:12: string does not satisfy ~int | ~float64 (string missing in ~int | ~float64)\n");
}

TEST_CASE("checker errors: method value errors") {
  CHECK(errors_of(R"go(package main

type T struct{}

func (t T) M(x int) int { return x }

func main() {
	var t T
	f := t.M
	_ = f("x")
	g := T.M
	_ = g(t)
	t.M()
}
)go") ==
        "prog.go:10:8: cannot use \"x\" (untyped string constant) as int value in argument to f\n"
        "prog.go:12:8: not enough arguments in call to g\n"
        "\thave (T)\n"
        "\twant (T, int)\n"
        "prog.go:13:2: not enough arguments in call to t.M\n"
        "\thave ()\n"
        "\twant (int)\n");
}

TEST_CASE("checker errors: if else scope") {
  CHECK(errors_of(R"go(package main

func main() {
	if x := 1; x > 0 {
	} else {
		_ = x
	}
	_ = x
}
)go") ==
        "prog.go:8:6: undefined: x\n");
}

TEST_CASE("checker errors: closure unused") {
  CHECK(errors_of(R"go(package main

func main() {
	x := 0
	f := func() {
		x = 1
	}
	f()
}
)go") ==
        "prog.go:4:2: declared and not used: x\n");
}

TEST_CASE("checker errors: init ref") {
  CHECK(errors_of(R"go(package main

func init() {}

func main() {
	init()
}
)go") ==
        "prog.go:6:2: undefined: init\n");
}

TEST_CASE("checker errors: dup method iface") {
  CHECK(errors_of(R"go(package main

type I interface {
	M()
	M()
}

func main() {}
)go") ==
        "prog.go:5:2: duplicate method M\n"
        "\tprog.go:4:2: other declaration of method M\n");
}

TEST_CASE("checker errors: multi value") {
  CHECK(errors_of(R"go(package main

func two() (int, int) { return 1, 2 }
func none()            {}

func main() {
	x := two() + 1
	y := none()
	var z int = none()
	_, _, _ = x, y, z
}
)go") ==
        "prog.go:7:7: multiple-value two() (value of type (int, int)) in single-value context\n"
        "prog.go:8:7: none() (no value) used as value\n"
        "prog.go:9:14: none() (no value) used as value\n");
}

TEST_CASE("checker errors: not expression") {
  CHECK(errors_of(R"go(package main

func main() {
	x := int
	f := len
	_, _ = x, f
}
)go") ==
        "prog.go:4:7: int (type) is not an expression\n"
        "prog.go:5:7: len (built-in) must be called\n");
}

TEST_CASE("checker errors: init self") {
  CHECK(errors_of(R"go(package main

var x = x + 1

type T T

func main() {}
)go") ==
        "prog.go:3:5: initialization cycle: x refers to itself\n"
        "prog.go:5:6: invalid recursive type: T refers to itself\n");
}

TEST_CASE("checker errors: alias cycle") {
  CHECK(errors_of(R"go(package main

type A = B
type B = A

func main() {}
)go") ==
        "prog.go:3:6: invalid recursive type A\n"
        "\tprog.go:3:6: A refers to B\n"
        "\tprog.go:4:6: B refers to A\n");
}

TEST_CASE("checker errors: continue switch") {
  CHECK(errors_of(R"go(package main

func main() {
L:
	switch {
	case true:
		continue L
	}
	for {
		select {
		default:
			break
		}
		continue
	}
}
)go") ==
        "prog.go:7:12: invalid continue label L\n");
}

TEST_CASE("checker errors: undefined method type") {
  CHECK(errors_of(R"go(package main

type T struct{}

func (t T) Do() {}

func main() {
	T.Undo(T{})
	var t T
	t.do()
}
)go") ==
        "prog.go:8:4: T.Undo undefined (type T has no field or method Undo)\n"
        "prog.go:10:4: t.do undefined (type T has no field or method do, but does have method Do)\n");
}

TEST_CASE("checker errors: bad receiver") {
  CHECK(errors_of(R"go(package main

type I interface{ M() }

func (i I) M() {}

func (x *[]int) N() {}

func main() {}
)go") ==
        "prog.go:5:7: invalid receiver type I (pointer or interface type)\n"
        "prog.go:7:7: invalid receiver type *[]int\n");
}

TEST_CASE("checker errors: return in void") {
  CHECK(errors_of(R"go(package main

func f() (a int, b string) {
	{
		a := 2
		_ = a
		return
	}
}

func main() {}
)go") ==
        "prog.go:7:3: result parameter a not in scope at return\n"
        "\tprog.go:5:3: inner declaration of var a int\n");
}

TEST_CASE("checker errors: string ops") {
  CHECK(errors_of(R"go(package main

func main() {
	s := "abc"
	_ = s * 2
	_ = s - "a"
	var r rune = 'x'
	_ = s + r
	_ = s[1.5]
}
)go") ==
        "prog.go:5:6: invalid operation: s * 2 (mismatched types string and untyped int)\n"
        "prog.go:6:6: invalid operation: operator - not defined on s (variable of type string)\n"
        "prog.go:8:6: invalid operation: s + r (mismatched types string and rune)\n"
        "prog.go:9:8: 1.5 (untyped float constant) truncated to int\n");
}

TEST_CASE("checker errors: struct compare") {
  CHECK(errors_of(R"go(package main

type P struct{ X int }
type Q struct{ X int }

func main() {
	_ = P{} == Q{}
	_ = P{} == P{}
	var i interface{ M() }
	_ = i == P{}
}
)go") ==
        "prog.go:7:13: invalid operation: P{} == Q{} (mismatched types P and Q)\n"
        "prog.go:10:11: invalid operation: i == P{} (mismatched types interface{M()} and P)\n");
}

TEST_CASE("checker errors: func value misuse") {
  CHECK(errors_of(R"go(package main

func f() {}

func main() {
	_ = f == f
	_ = f == nil
	x := f()
	_ = x
}
)go") ==
        "prog.go:6:6: invalid operation: f == f (func can only be compared to nil)\n"
        "prog.go:8:7: f() (no value) used as value\n");
}

TEST_CASE("checker errors: chan ops") {
  CHECK(errors_of(R"go(package main

func main() {
	ch := make(chan int)
	var s string
	ch <- s
	v, ok, extra := <-ch
	_, _, _ = v, ok, extra
	close(1)
}
)go") ==
        "prog.go:6:8: cannot use s (variable of type string) as int value in send\n"
        "prog.go:7:18: assignment mismatch: 3 variables but 1 value\n"
        "prog.go:9:8: invalid operation: cannot close non-channel 1 (untyped int constant)\n");
}

TEST_CASE("checker errors: map ops") {
  CHECK(errors_of(R"go(package main

func main() {
	m := map[string]int{}
	m[1] = 2
	v, ok := m["a"], true
	delete(m)
	_, _ = v, ok
	_ = cap(m)
}
)go") ==
        "prog.go:5:4: cannot use 1 (untyped int constant) as string value in map index\n"
        "prog.go:7:2: invalid operation: not enough arguments for delete(m) (expected 2, found 1)\n"
        "prog.go:9:10: invalid argument: m (variable of type map[string]int) for built-in cap\n");
}

TEST_CASE("checker errors: new make") {
  CHECK(errors_of(R"go(package main

func main() {
	p := new(int, 2)
	s := make([]int, -1)
	t := make([]int, 10, 5)
	c := make(chan int, "x")
	_, _, _, _ = p, s, t, c
}
)go") ==
        "prog.go:4:7: invalid operation: too many arguments for new(int, 2) (expected 1, found 2)\n"
        "prog.go:5:19: invalid argument: index -1 (constant of type int) must not be negative\n"
        "prog.go:6:19: invalid argument: length and capacity swapped\n"
        "prog.go:7:22: cannot convert \"x\" (untyped string constant) to type int\n");
}

TEST_CASE("checker errors: append misc") {
  CHECK(errors_of(R"go(package main

func main() {
	var b []byte
	b = append(b, "abc"...)
	var s []int
	s = append(s, 1, 2, "x")
	s = append(s, s)
	_ = append()
}
)go") ==
        "prog.go:7:22: cannot use \"x\" (untyped string constant) as int value in argument to append\n"
        "prog.go:8:16: cannot use s (variable of type []int) as int value in argument to append\n"
        "prog.go:9:6: invalid operation: not enough arguments for append() (expected 1, found 0)\n");
}

TEST_CASE("checker errors: type in expr") {
  CHECK(errors_of(R"go(package main

type T struct{}

func main() {
	var x T
	_ = x + T
	T = x
}
)go") ==
        "prog.go:7:10: T (type) is not an expression\n"
        "prog.go:8:2: T (type) is not an expression\n");
}


TEST_CASE("checker errors: a function instantiated with ever larger types is a cycle, not a hang") {
  // Found probing vm_fuzz: each instance's body asked for the next one, f[[]int], f[[][]int], ...,
  // and checking never ended. Two calls per body would double the instances at every step.
  CHECK(errors_of(R"go(package main

type S[T any] struct{ v T }

func f[T any](n int, v T) any {
	if n == 0 {
		return v
	}
	if n > 5 {
		return f(n-1, S[T]{v})
	}
	return f(n-1, []T{v})
}

func main() {
	println(f(3, 1) != nil)
}
)go") == "prog.go:10:12: instantiation cycle: f is instantiated with ever larger types\n"
                "prog.go:12:11: instantiation cycle: f is instantiated with ever larger types\n");
}
