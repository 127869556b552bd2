"""prelude: the Go text every generated program starts with (see gen.py): the same for every
seed, so a program reduced to one test function still compiles."""


PRELUDE = r'''package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The shared declarations: every test function may use them, and all are used by main's
// prologue so that a reduced program still compiles.

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }
func (p Point) String() string    { return "P(" + strconv.Itoa(p.X) + "," + strconv.Itoa(p.Y) + ")" }

type Plain struct {
	A int8
	B string
	C [3]uint16
}

type Named struct {
	Plain
	Name string
	Tags []string
}

func (n Named) Describe() string { return n.Name + ":" + n.B + ":" + strconv.Itoa(int(n.A)) }

type Shape interface {
	Area() int
	Kind() string
}

type Rect struct{ W, H int }

func (r Rect) Area() int     { return r.W * r.H }
func (r Rect) Kind() string  { return "rect" }

type Square struct{ S int }

func (s *Square) Area() int    { return s.S * s.S }
func (s *Square) Kind() string { return "square" }
func (s *Square) Grow(d int)   { s.S += d }

type Celsius float64
type Code int16
type Label string

func (c Code) String() string { return "code#" + strconv.Itoa(int(c)) }

type MyErr struct{ Op string; N int }

func (e *MyErr) Error() string { return e.Op + " failed: " + strconv.Itoa(e.N) }

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float64
}

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float64 | ~string
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func MaxOf[T Ordered](a T, rest ...T) T {
	m := a
	for _, x := range rest {
		if x > m {
			m = x
		}
	}
	return m
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func SortedKeys[K Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}
func (s *Stack[T]) Len() int { return len(s.items) }

// try runs f and prints what it panicked with, if anything: the recovered value's text, and
// whether it is an error and a runtime.Error (never its %T: runtime's type names are internal).
func try(label string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			fmt.Println(label, "no panic")
			return
		}
		_, isErr := r.(error)
		_, isRuntime := r.(runtime.Error)
		fmt.Println(label, "recovered:", r, isErr, isRuntime)
	}()
	f()
}

// Wrapped gets Area and Kind by embedding the interface Shape.
type Wrapped struct {
	Shape
	Note string
}

type Outer struct {
	Pub  Code
	priv Code
	Arr  [2]Code
}

type IntList []int

func (l IntList) Len() int           { return len(l) }
func (l IntList) Less(i, j int) bool { return l[i] > l[j] }
func (l IntList) Swap(i, j int)      { l[i], l[j] = l[j], l[i] }

type Counter map[string]int

func (c Counter) Add(k string) { c[k]++ }

type Op func(int) int

func (o Op) Twice(x int) int { return o(o(x)) }

type List struct {
	V    int
	Next *List
}

func (l *List) Sum() int {
	if l == nil {
		return 0
	}
	return l.V + l.Next.Sum()
}

type Vec[T Number] struct{ xs []T }

func (v *Vec[T]) Push(x T) *Vec[T] { v.xs = append(v.xs, x); return v }
func (v Vec[T]) Total() T {
	var s T
	for _, x := range v.xs {
		s += x
	}
	return s
}

func JoinStrings[T fmt.Stringer](xs []T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, "+")
}

func KindOf[T any](x T) string {
	switch any(x).(type) {
	case int:
		return "int"
	case string:
		return "string"
	}
	return fmt.Sprintf("%T", x)
}

func logf(format string, args ...interface{}) string { return fmt.Sprintf("["+format+"]", args...) }

var sink = []interface{}{Wrapped{}, Outer{}, IntList{}, Counter{}, Op(nil), &List{}, &Vec[int]{},
	JoinStrings[Code], KindOf[int], logf,
errors.New, math.Sqrt, os.Exit, strings.Repeat, &sync.WaitGroup{},
	Point{}, Plain{}, Named{}, Rect{}, &Square{}, Celsius(0), Code(0), Label(""), &MyErr{},
	Sum[int], MaxOf[int], Map[int, int], Filter[int], Reduce[int, int], SortedKeys[int, int],
	Pair[int, int]{}, &Stack[int]{}, try}
'''
