#!/usr/bin/env python3
"""gen.py: one random, well-typed, deterministic Go program from a seed (differential testing).

    gen.py SEED [--functions N] [--only 3,7,12] [--no-tail]

writes a `package main` program to stdout whose output is the same under `go run` (Go 1.19 and
later) and gopark, on any schedule: that is the whole contract, and every template below keeps it.

Design. A program is a fixed prelude (imports, shared types with methods, generic helpers: the
same text for every seed, so a reduced program still compiles) plus N independent test
functions t0..tN-1 that main calls in order, and sometimes a tail: one last call that panics
uncaught, so the panic message and exit status 2 are compared too. Function i is generated from
its own random stream, seeded by (SEED, i) alone; so `--only` (used by run.sh's reducer) drops
functions without changing the text of those it keeps, and a finding reduces to the one or two
functions that show it.

What is kept out, and why (each would make the two outputs differ without a bug):
- Anything that depends on the schedule: goroutines only hand results back through channels or
  per-goroutine slots that main reads in a fixed order; select only ever has one ready case.
- Map iteration order: maps are printed by fmt (which sorts keys), looked up, or summed with
  wrap-around addition (commutative); keys are sorted before an ordered walk.
- Addresses (%p, printing pointers), timing, capacities after an append that outgrew the array
  (the growth rule is Go-version specific), the value of cap after append.
- Loop-variable capture by closures that outlive an iteration (Go 1.19 shares one variable per
  loop, Go 1.22 one per iteration; gopark may follow either): closures copy the variable first.
- Implementation-defined results: float-to-int conversions out of range, math functions that
  are not correctly rounded (Pow, Exp, Log, Sin: libm and Go's own code may differ in the last
  bit), %T of runtime errors (runtime.boundsError is an internal name).
- Library behaviour that changed after Go 1.19 where gopark follows the newer Go: Split with an
  empty separator on invalid UTF-8 (1.19 turns each bad byte into U+FFFD, later Go keeps it).
- Compile errors Go would report: constant expressions that overflow, constant division by
  zero, unused variables and labels, duplicate switch cases. Integer expressions never combine
  two constants, never apply a unary operator to a constant, and never shift a constant.
"""

import random
import sys

INT_TYPES = ["int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64"]
BITS = {"int": 64, "int8": 8, "int16": 16, "int32": 32, "int64": 64,
        "uint": 64, "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64}


def signed(t):
    return not t.startswith("uint")


def type_range(t):
    b = BITS[t]
    if signed(t):
        return -(1 << (b - 1)), (1 << (b - 1)) - 1
    return 0, (1 << b) - 1


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


class Func:
    """One test function's text, built from its own random stream."""

    def __init__(self, rng, name):
        self.rng = rng
        self.name = name
        self.lines = []
        self.depth = 1
        self.counter = 0

    def fresh(self, prefix="v"):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def emit(self, text):
        for line in text.split("\n"):
            self.lines.append("\t" * self.depth + line if line else "")

    def open(self, text):
        self.emit(text)
        self.depth += 1

    def close(self, text="}"):
        self.depth -= 1
        self.emit(text)

    def label(self, what):
        return '"%s.%s"' % (self.name, what)

    def text(self):
        return "func %s() {\n%s\n}\n" % (self.name, "\n".join(self.lines))


# ----------------------------------------------------------------------------------------------
# Integer expressions. An expression is (text, constant?): two constants are never combined, a
# unary operator never applies to a constant, and the left side of a shift is never constant,
# so Go never folds anything that could overflow or divide by zero at compile time.

def int_literal(rng, t):
    lo, hi = type_range(t)
    pick = rng.random()
    if pick < 0.3:
        v = rng.choice([lo, hi, 0, 1, lo + 1, hi - 1, -1 if signed(t) else 2])
    elif pick < 0.7:
        v = rng.randint(max(lo, -20), min(hi, 20))
    else:
        v = rng.randint(lo, hi)
    return str(v) if v >= 0 else "(%d)" % v


class IntScope:
    def __init__(self, fn):
        self.fn = fn
        self.vars = {}  # type -> [names]
        self.readonly = set()  # loop counters: assigning them could make a loop endless

    def add(self, name, t):
        self.vars.setdefault(t, []).append(name)

    def names(self, t):
        return self.vars.get(t, [])

    def all(self):
        return [(n, t) for t, ns in self.vars.items() for n in ns]

    def assignable(self):
        return [(n, t) for n, t in self.all() if n not in self.readonly]


def int_expr(fn, scope, t, depth):
    rng = fn.rng
    if depth <= 0 or rng.random() < 0.25:
        return int_leaf(fn, scope, t)
    kind = rng.random()
    if kind < 0.45:
        op = rng.choice(["+", "-", "*", "&", "|", "^", "&^", "+", "-", "*"])
        a, ac = int_expr(fn, scope, t, depth - 1)
        b, bc = int_expr(fn, scope, t, depth - 1)
        if ac and bc:
            a, ac = int_var(fn, scope, t)
        return "(%s %s %s)" % (a, op, b), False
    if kind < 0.6:
        op = rng.choice(["/", "%"])
        a, ac = int_expr(fn, scope, t, depth - 1)
        if rng.random() < 0.5:
            lo, hi = type_range(t)
            d = rng.choice([1, 2, 3, 7, 10, 16, hi, -1 if signed(t) else 255 % (hi + 1) or 1,
                            -3 if signed(t) else 5])
            if ac:
                a, ac = int_var(fn, scope, t)
            return "(%s %s %s)" % (a, op, d if d >= 0 else "(%d)" % d), False
        b, _ = int_expr(fn, scope, t, depth - 1)
        # x | 1 is never zero: a checked divisor that still reaches -1 and large values.
        if ac:
            a, ac = int_var(fn, scope, t)
        return "(%s %s (%s | 1))" % (a, op, b), False
    if kind < 0.75:
        op = rng.choice(["<<", ">>"])
        a, ac = int_expr(fn, scope, t, depth - 1)
        if ac:
            a, ac = int_var(fn, scope, t)
        if rng.random() < 0.5:
            count = str(rng.choice([0, 1, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100, 255]))
        else:
            ut = rng.choice(["uint8", "uint", "uint16", "uint64", "uint32"])
            c, cc = int_expr(fn, scope, ut, 1)
            if cc:
                c, cc = int_var(fn, scope, ut)
            count = "(%s %% %d)" % (c, rng.choice([8, 17, 40, 70, 130]))
        return "(%s %s %s)" % (a, op, count), False
    if kind < 0.85:
        a, ac = int_expr(fn, scope, t, depth - 1)
        if ac:
            a, ac = int_var(fn, scope, t)
        op = rng.choice(["-", "^", "+"])
        return "(%s%s)" % (op, a), False
    # A conversion from another integer type (non-constant: it wraps, never a compile error).
    other = rng.choice(INT_TYPES)
    a, ac = int_expr(fn, scope, other, depth - 1)
    if ac:
        a, ac = int_var(fn, scope, other)
    return "%s(%s)" % (t, a), False


def int_var(fn, scope, t):
    names = scope.names(t)
    if names:
        return fn.rng.choice(names), False
    # no variable of that type in scope: convert one that is
    name, other = fn.rng.choice(scope.all())
    return "%s(%s)" % (t, name), False


def int_leaf(fn, scope, t):
    if fn.rng.random() < 0.3:
        return int_literal(fn.rng, t), True
    return int_var(fn, scope, t)


def bool_expr(fn, scope, depth=2):
    rng = fn.rng
    r = rng.random()
    if r < 0.6 or depth <= 0:
        t = rng.choice([t for t in scope.vars] or ["int"])
        a, ac = int_expr(fn, scope, t, 1)
        b, bc = int_expr(fn, scope, t, 1)
        if ac and bc:
            a, ac = int_var(fn, scope, t)
        return "(%s %s %s)" % (a, rng.choice(["<", "<=", ">", ">=", "==", "!="]), b)
    if r < 0.85:
        return "(%s %s %s)" % (bool_expr(fn, scope, depth - 1), rng.choice(["&&", "||"]),
                               bool_expr(fn, scope, depth - 1))
    return "!%s" % bool_expr(fn, scope, depth - 1)


def declare_ints(fn, scope, count):
    for _ in range(count):
        t = fn.rng.choice(INT_TYPES)
        name = fn.fresh()
        fn.emit("var %s %s = %s" % (name, t, int_literal(fn.rng, t)))
        scope.add(name, t)


def print_ints(fn, scope, what):
    verb = fn.rng.choice(["%d", "%v", "%x", "%X", "%o", "%b", "%08d", "%+d", "%-6d|", "%#x"])
    for name, t in scope.all():
        fn.emit('fmt.Printf("%%s %s=%s %%T\\n", %s, %s, %s)' % (name, verb, fn.label(what), name, name))


# ----------------------------------------------------------------------------------------------
# The templates: each writes one test function's body.

def t_arith(fn):
    scope = IntScope(fn)
    declare_ints(fn, scope, fn.rng.randint(3, 6))
    for i in range(fn.rng.randint(4, 10)):
        name, t = fn.rng.choice(scope.all())
        expr, _ = int_expr(fn, scope, t, fn.rng.randint(1, 4))
        op = fn.rng.choice(["=", "=", "+=", "-=", "*=", "^=", "|=", "&="])
        fn.emit("%s %s %s" % (name, op, expr))
        if fn.rng.random() < 0.3:
            fn.emit('fmt.Println(%s, %s)' % (fn.label("step%d" % i), name))
    print_ints(fn, scope, "end")


def stmt_block(fn, scope, depth, loops):
    """Random statements over scope's integers: assignments, if/else, switch with fallthrough,
    bounded loops with break/continue, labelled when nested."""
    rng = fn.rng
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        name, t = rng.choice(scope.assignable())
        if r < 0.35 or depth <= 0:
            expr, _ = int_expr(fn, scope, t, 2)
            fn.emit("%s %s %s" % (name, rng.choice(["=", "+=", "-=", "^=", "*="]), expr))
            if rng.random() < 0.2:
                fn.emit("%s%s" % (name, rng.choice(["++", "--"])))
        elif r < 0.5:
            fn.open("if %s {" % bool_expr(fn, scope))
            stmt_block(fn, scope, depth - 1, loops)
            if rng.random() < 0.5:
                fn.close("} else if %s {" % bool_expr(fn, scope))
                fn.depth += 1
                stmt_block(fn, scope, depth - 1, loops)
            if rng.random() < 0.5:
                fn.close("} else {")
                fn.depth += 1
                stmt_block(fn, scope, depth - 1, loops)
            fn.close()
        elif r < 0.65:
            expr, constant = int_expr(fn, scope, t, 1)
            if constant:  # a constant switch tag takes the type int, and may overflow it
                expr, _ = int_var(fn, scope, t)
            lo, hi = type_range(t)
            values = sorted(set(rng.randint(max(lo, -5), min(hi, 5)) for _ in range(4)))
            fn.open("switch %s %% 4 {" % expr if rng.random() < 0.5 else "switch %s {" % expr)
            for k, v in enumerate(values):
                fn.emit("case %s:" % (v if v >= 0 else "(%d)" % v))
                fn.depth += 1
                stmt_block(fn, scope, depth - 1, loops)
                fn.emit('fmt.Println(%s, %s)' % (fn.label("case%d" % v), name))
                if k < len(values) - 1 and rng.random() < 0.4:
                    fn.emit("fallthrough")
                fn.depth -= 1
            if rng.random() < 0.6:
                fn.emit("default:")
                fn.depth += 1
                stmt_block(fn, scope, depth - 1, loops)
                fn.depth -= 1
            fn.close()
        elif r < 0.85:
            label = fn.fresh("L")
            var = fn.fresh("i")
            fn.emit("%s:" % label)
            fn.open("for %s := 0; %s < %d; %s++ {" % (var, var, rng.randint(1, 6), var))
            scope.add(var, "int")
            scope.readonly.add(var)
            # The label is always used: Go rejects a label that is defined and not used.
            fn.open("if %s {" % bool_expr(fn, scope))
            fn.emit("%s %s" % (rng.choice(["continue", "break"]), label))
            fn.close()
            if loops and rng.random() < 0.5:
                fn.open("if %s {" % bool_expr(fn, scope))
                fn.emit("%s %s" % (rng.choice(["continue", "break"]), rng.choice(loops)))
                fn.close()
            stmt_block(fn, scope, depth - 1, loops + [label])
            if rng.random() < 0.5:
                fn.open("if %s {" % bool_expr(fn, scope))
                fn.emit("%s" % rng.choice(["continue", "break"]))
                fn.close()
            fn.close()
            scope.vars["int"].remove(var)
            scope.readonly.discard(var)
        else:
            # a for loop with only a condition, bounded by a counter
            counter = fn.fresh("n")
            fn.emit("%s := 0" % counter)  # not in scope: only this loop changes it
            fn.open("for %s < %d {" % (counter, rng.randint(1, 5)))
            fn.emit("%s++" % counter)
            fn.open("if %s {" % bool_expr(fn, scope))
            fn.emit("continue")
            fn.close()
            stmt_block(fn, scope, depth - 1, loops)
            fn.close()
            fn.emit('fmt.Println(%s, %s)' % (fn.label("count"), counter))


def t_flow(fn):
    scope = IntScope(fn)
    declare_ints(fn, scope, fn.rng.randint(2, 4))
    stmt_block(fn, scope, 3, [])
    print_ints(fn, scope, "end")


def float_literal(rng):
    return rng.choice(["0.0", "1.0", "-1.5", "0.1", "0.2", "1e-7", "1e21", "1e20", "123456789.0",
                       "3.141592653589793", "2.5", "-0.5", "1e-300", "1e300", "7.0", "100.0",
                       "0.3", "1.0 / 3.0", "math.MaxFloat64", "math.SmallestNonzeroFloat64",
                       "math.Inf(1)", "math.Inf(-1)", "math.NaN()", "math.Copysign(0, -1)",
                       "float64(%d)" % rng.randint(-1000, 1000), "%d.25" % rng.randint(0, 99999)])


def float_expr(fn, names, depth):
    rng = fn.rng
    if depth <= 0 or rng.random() < 0.3:
        return rng.choice(names)
    r = rng.random()
    a = float_expr(fn, names, depth - 1)
    b = float_expr(fn, names, depth - 1)
    if r < 0.6:
        return "(%s %s %s)" % (a, rng.choice(["+", "-", "*", "/"]), b)
    if r < 0.8:
        return "math.%s(%s)" % (rng.choice(["Sqrt", "Floor", "Ceil", "Trunc", "Abs"]), a)
    if r < 0.9:
        return "math.Mod(%s, %s)" % (a, b)
    return "(-%s)" % a


def t_float(fn):
    rng = fn.rng
    names = []
    for _ in range(rng.randint(2, 4)):
        name = fn.fresh("f")
        fn.emit("%s := float64(%s)" % (name, float_literal(rng)))
        names.append(name)
    for i in range(rng.randint(3, 6)):
        target = rng.choice(names)
        fn.emit("%s = %s" % (target, float_expr(fn, names, rng.randint(1, 3))))
        verb = rng.choice(["%v", "%g", "%.3f", "%e", "%8.2f", "%.0f", "%G", "%.10g", "%6.3v"])
        fn.emit('fmt.Printf("%%s %s\\n", %s, %s)' % (verb, fn.label("f%d" % i), target))
    for name in names:
        # A NaN's sign is whatever the hardware's operand order left: not Go's semantics.
        fn.emit('fmt.Println(%s, %s, math.IsNaN(%s), math.IsInf(%s, 0), math.Signbit(%s) && !math.IsNaN(%s))'
                % (fn.label(name), name, name, name, name, name))
        # Out-of-range float-to-int conversions are implementation-defined: guard them.
        t = rng.choice(["int", "int64", "int32", "int8", "uint8", "uint16"])
        lo, hi = type_range(t)
        # (lo-1, hi+1) exclusive: the bounds themselves round to a power of two for 64 bits.
        fn.open("if %s > %d && %s < %d {" % (name, lo - 1, name, hi + 1))
        fn.emit("fmt.Println(%s, %s(%s))" % (fn.label(name + "conv"), t, name))
        fn.close()
    a, b = rng.choice(names), rng.choice(names)
    fn.emit('fmt.Println(%s, %s < %s, %s == %s, %s != %s, %s >= %s)'
            % (fn.label("cmp"), a, b, a, b, a, b, a, b))
    fn.emit('fmt.Println(%s, strconv.FormatFloat(%s, \'g\', -1, 64), strconv.FormatFloat(%s, \'f\', 2, 64))'
            % (fn.label("fmt"), a, b))
    fn.emit('fmt.Println(%s, float32(%s), Celsius(%s))' % (fn.label("f32"), a, b))
    # Interfaces compare the values they hold: a NaN inside is unequal even to its own box.
    fn.emit("var boxed, other interface{} = %s, %s" % (a, b))
    fn.emit("copied := boxed")
    same = "" if "boxed_nan_equality" not in KNOWN else " && !math.IsNaN(%s)" % a
    fn.emit('fmt.Println(%s, boxed == other, boxed == copied%s, boxed != nil)' % (fn.label("boxed"), same))


STRINGS = ['"hello"', '"héllo, 世界"', '"😀x"', '""', '"a\\xffb"', '"Go"', '"ab\\tc\\n"',
           '"\\u00e9t\\u00e9"', '"ÀÉÎ"', '"x,y,,z"', '"  pad  "', '"\\x00\\x01"', '"日本語"']


def t_strings(fn):
    rng = fn.rng
    s = fn.fresh("s")
    t = fn.fresh("s")
    fn.emit("%s := %s" % (s, rng.choice(STRINGS)))
    fn.emit("%s := %s + %s" % (t, s, rng.choice(STRINGS)))
    fn.emit('fmt.Println(%s, len(%s), len(%s), %s)' % (fn.label("len"), s, t, t))
    fn.emit('fmt.Printf("%%s %%q %%x %%X %% x\\n", %s, %s, %s, %s, %s)' % (fn.label("q"), t, t, s, t))
    i = rng.randint(0, 6)
    fn.open("if %d < len(%s) {" % (i, t))
    fn.emit('fmt.Println(%s, %s[%d], string(%s[%d]), %s[%d:], %s[:%d])'
            % (fn.label("idx"), t, i, t, i, t, i, t, i))
    fn.close()
    fn.emit('fmt.Println(%s, []byte(%s), []rune(%s))' % (fn.label("conv"), s, t))
    fn.emit('fmt.Println(%s, string([]rune(%s)), string([]byte(%s)) == %s)' % (fn.label("back"), t, t, t))
    k, r = fn.fresh("k"), fn.fresh("r")
    fn.open("for %s, %s := range %s {" % (k, r, t))
    fn.emit('fmt.Printf("%%s %%d %%d %%c %%q %%U\\n", %s, %s, %s, %s, %s, %s)' % (fn.label("range"), k, r, r, r, r))
    fn.close()
    fn.emit('fmt.Println(%s, strings.ToUpper(%s), strings.Repeat(%s, %d), strings.Contains(%s, %s))'
            % (fn.label("lib"), t, s, rng.randint(0, 3), t, rng.choice(STRINGS)))
    fn.emit('fmt.Printf("%%s %%q\\n", %s, strings.Split(%s, %s))' % (fn.label("split"), t, rng.choice(['","', '"l"', '"é"'])))
    fn.emit('fmt.Println(%s, strings.Join([]string{%s, %s, %s}, "-"), strings.Index(%s, "l"), strings.TrimSpace(%s))'
            % (fn.label("join"), s, t, rng.choice(STRINGS), t, t))
    n = rng.choice([65, 0x263A, 0xD800, 0x10FFFF, 0x110000, -1, 233, 0x1F600])
    fn.emit('fmt.Println(%s, string(rune(%d)), strconv.Quote(%s), strconv.Itoa(%d))'
            % (fn.label("rune"), n, t, rng.randint(-99999, 99999)))
    v = fn.fresh("n")
    fn.emit('%s, err := strconv.Atoi(%s)' % (v, rng.choice(['"123"', '"-45"', '"x1"', '""', '"99999999999999999999"'])))
    fn.emit('fmt.Println(%s, %s, err)' % (fn.label("atoi"), v))
    b = fn.fresh("b")
    fn.emit("var %s strings.Builder" % b)
    fn.open("for i := 0; i < %d; i++ {" % rng.randint(0, 4))
    fn.emit('%s.WriteString(%s)' % (b, rng.choice(STRINGS)))
    fn.emit('%s.WriteByte(byte(\'a\' + i))' % b)
    fn.emit('%s.WriteRune(rune(0x4e16 + i))' % b)
    fn.close()
    fn.emit('fmt.Println(%s, %s.Len(), %s.String())' % (fn.label("builder"), b, b))
    fn.emit('fmt.Println(%s, %s < %s, %s == %s, %s > %s)' % (fn.label("cmp"), s, t, s, t, t, s))


def t_closures(fn):
    rng = fn.rng
    start, step = rng.randint(-5, 5), rng.randint(1, 4)
    fn.emit("counter := func(start int) func() int {")
    fn.emit("\tc := start")
    fn.emit("\treturn func() int { c += %d; return c }" % step)
    fn.emit("}(%d)" % start)
    fn.emit('fmt.Println(%s, counter(), counter(), counter())' % fn.label("counter"))
    fn.emit("x := %d" % rng.randint(0, 10))
    fn.emit("add := func(d int) { x += d }")
    fn.emit("get := func() int { return x * 2 }")
    fn.emit("add(%d); add(%d)" % (rng.randint(-3, 3), rng.randint(-3, 3)))
    fn.emit('fmt.Println(%s, x, get())' % fn.label("shared"))
    n = rng.randint(1, 5)
    fn.emit("var fs []func() int")
    fn.open("for i := 0; i < %d; i++ {" % n)
    fn.emit("i := i // one variable per iteration under every Go version")
    fn.emit("fs = append(fs, func() int { return i * %d + x })" % rng.randint(1, 9))
    fn.close()
    fn.emit("x = %d" % rng.randint(0, 100))
    fn.open("for _, f := range fs {")
    fn.emit('fmt.Println(%s, f())' % fn.label("loop"))
    fn.close()
    fn.emit("var fib func(int) int")
    fn.emit("fib = func(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }")
    fn.emit('fmt.Println(%s, fib(%d))' % (fn.label("fib"), rng.randint(0, 18)))
    fn.emit("compose := func(f, g func(int) int) func(int) int { return func(v int) int { return g(f(v)) } }")
    fn.emit("h := compose(func(v int) int { return v + %d }, func(v int) int { return v * %d })"
            % (rng.randint(-5, 5), rng.randint(-5, 5)))
    fn.emit('fmt.Println(%s, h(%d), h(h(%d)))' % (fn.label("compose"), rng.randint(-9, 9), rng.randint(-9, 9)))
    fn.emit("p := Point{%d, %d}" % (rng.randint(-9, 9), rng.randint(-9, 9)))
    fn.emit("bound := p.Add // a method value copies p now")
    fn.emit("p.X = 100")
    fn.emit("scale := p.Scale")
    fn.emit("scale(%d)" % rng.randint(-3, 3))
    fn.emit('fmt.Println(%s, bound(Point{1, 1}), p, Point.Add(p, p))' % fn.label("method"))


def t_slices(fn):
    rng = fn.rng
    n, c = rng.randint(0, 5), 0
    c = n + rng.randint(0, 4)
    fn.emit("s := make([]int, %d, %d)" % (n, c))
    fn.open("for i := range s {")
    fn.emit("s[i] = i*i - %d" % rng.randint(0, 5))
    fn.close()
    fn.emit('fmt.Println(%s, s, len(s), cap(s))' % fn.label("make"))
    # appends within the capacity share the array: observable and deterministic
    k = rng.randint(0, c - n) if c > n else 0
    fn.emit("t := s")
    for i in range(k):
        fn.emit("t = append(t, %d)" % rng.randint(-50, 50))
    fn.emit("u := s[:cap(s)]")
    fn.emit('fmt.Println(%s, t, u, len(t), cap(t))' % fn.label("within"))
    lo = rng.randint(0, n)
    hi = rng.randint(lo, c)
    mx = rng.randint(hi, c)
    fn.emit("w := s[%d:%d:%d]" % (lo, hi, mx))
    fn.emit('fmt.Println(%s, w, len(w), cap(w))' % fn.label("3index"))
    fn.emit("w = append(w, 7, 8, 9) // shares s's array only when it fits: len and cap say which")
    fn.emit("w[0+len(w)-1] = -1")
    fn.emit('fmt.Println(%s, w, len(w), s[:cap(s)])' % fn.label("grown"))
    fn.emit("v := []string{%s}" % ", ".join(rng.sample(STRINGS, rng.randint(0, 4))))
    fn.emit("dst := make([]string, %d)" % rng.randint(0, 5))
    fn.emit("copied := copy(dst, v)")
    fn.emit('fmt.Printf("%%s %%d %%q %%q\\n", %s, copied, dst, v)' % fn.label("copy"))
    fn.emit("b := []byte(\"abcdef\")")
    fn.emit("copy(b[%d:], \"XY\")" % rng.randint(0, 6))
    fn.emit("copy(b, b[%d:])" % rng.randint(0, 6))
    fn.emit('fmt.Println(%s, string(b), b[:0] == nil, len(b[6:]))' % fn.label("overlap"))
    fn.emit("var nils []int")
    fn.emit('fmt.Println(%s, nils == nil, len(nils), nils, append(nils, 1), nils[:0] == nil)' % fn.label("nil"))
    fn.emit("grid := make([][]int, %d)" % rng.randint(1, 4))
    fn.open("for i := range grid {")
    fn.emit("grid[i] = make([]int, i+1)")
    fn.emit("for j := range grid[i] { grid[i][j] = i * j }")
    fn.close()
    fn.emit('fmt.Println(%s, grid, Sum(grid[len(grid)-1]))' % fn.label("grid"))
    fn.emit("r := []int{%s}" % ", ".join(str(rng.randint(-20, 20)) for _ in range(rng.randint(0, 8))))
    fn.emit("sort.Ints(r)")
    fn.emit("i := sort.SearchInts(r, %d)" % rng.randint(-20, 20))
    fn.emit('fmt.Println(%s, r, i, Filter(r, func(x int) bool { return x%%2 == 0 }))' % fn.label("sorted"))
    fn.emit("r = append(r[:0], r[len(r)/2:]...)")
    fn.emit('fmt.Println(%s, r, len(r))' % fn.label("shift"))


def t_arrays(fn):
    rng = fn.rng
    n = rng.randint(1, 5)
    vals = [str(rng.randint(-99, 99)) for _ in range(n)]
    fn.emit("a := [%d]int{%s}" % (n, ", ".join(vals)))
    fn.emit("b := a // arrays are values")
    fn.emit("b[%d] = 1000" % rng.randint(0, n - 1))
    fn.emit('fmt.Println(%s, a, b, a == b, len(a))' % fn.label("copy"))
    fn.emit("modify := func(x [%d]int) [%d]int { x[0]++; return x }" % (n, n))
    fn.emit("c := modify(a)")
    fn.emit('fmt.Println(%s, a, c)' % fn.label("param"))
    fn.emit("p := &a")
    fn.emit("p[%d] *= -2" % rng.randint(0, n - 1))
    fn.emit("sl := a[:]")
    fn.emit("sl[0] = 42")
    fn.emit('fmt.Println(%s, a, *p, sl)' % fn.label("ptr"))
    fn.emit("var grid [%d][%d]uint8" % (rng.randint(1, 3), rng.randint(1, 3)))
    fn.open("for i := range grid {")
    fn.open("for j := range grid[i] {")
    fn.emit("grid[i][j] = uint8(i*%d + j*%d)" % (rng.randint(50, 200), rng.randint(50, 200)))
    fn.close()
    fn.close()
    fn.emit("g2 := grid")
    fn.emit("g2[0][0] = 255")
    fn.emit('fmt.Println(%s, grid, g2, grid == g2)' % fn.label("grid"))
    fn.emit("pl := Plain{A: %d, B: %s, C: [3]uint16{%d, %d}}" % (rng.randint(-128, 127), rng.choice(STRINGS),
                                                                 rng.randint(0, 65535), rng.randint(0, 65535)))
    fn.emit("pl2 := pl")
    fn.emit("pl2.C[2] = %d" % rng.randint(0, 65535))
    fn.emit('fmt.Printf("%%s %%v %%+v %%v\\n", %s, pl, pl2, pl == pl2)' % fn.label("struct"))
    fn.emit("idx := map[[2]int]string{{1, 2}: \"a\", {2, 1}: \"b\"}")
    fn.emit('fmt.Println(%s, idx[[2]int{%d, %d}], len(idx), idx)' % (fn.label("key"), rng.randint(1, 2), rng.randint(1, 2)))
    fn.emit("for i, v := range a { a[len(a)-1-i] = v + i } // range copies the array first")
    fn.emit('fmt.Println(%s, a)' % fn.label("rangecopy"))


def t_maps(fn):
    rng = fn.rng
    fn.emit("m := map[string]int{}")
    keys = rng.sample(["a", "b", "c", "dd", "é", "日", "", "zz", "key", "k2"], rng.randint(1, 7))
    for k in keys:
        fn.emit('m[%s] = %d' % ('"%s"' % k, rng.randint(-100, 100)))
    for k in rng.sample(keys, rng.randint(0, len(keys))):
        fn.emit('delete(m, "%s")' % k)
    fn.emit('delete(m, "absent")')
    fn.emit('m["%s"] += %d' % (rng.choice(keys), rng.randint(1, 9)))
    fn.emit('v, ok := m["%s"]' % rng.choice(keys + ["nope"]))
    fn.emit('fmt.Println(%s, v, ok, len(m), m)' % fn.label("basic"))
    fn.emit("total := 0")
    fn.emit("for _, x := range m { total += x } // addition commutes: order-independent")
    fn.emit('fmt.Println(%s, total)' % fn.label("sum"))
    fn.open("for _, k := range SortedKeys(m) {")
    fn.emit('fmt.Printf("%%s %%q=%%d\\n", %s, k, m[k])' % fn.label("sorted"))
    fn.close()
    fn.emit("im := make(map[int64][]int)")
    fn.open("for i := 0; i < %d; i++ {" % rng.randint(1, 12))
    fn.emit("k := int64(i %% %d)" % rng.randint(1, 4))
    fn.emit("im[k] = append(im[k], i)")
    fn.close()
    fn.emit('fmt.Println(%s, im, len(im))' % fn.label("groups"))
    fn.emit("pm := map[Point]bool{{1, 2}: true, {3, 4}: false}")
    fn.emit("_, has := pm[Point{%d, %d}]" % (rng.randint(1, 3), rng.randint(2, 4)))
    fn.emit('fmt.Println(%s, has, pm[Point{3, 4}], len(pm))' % fn.label("structkey"))
    fn.emit("var nm map[string]int")
    fn.emit('fmt.Println(%s, nm == nil, len(nm), nm["x"], nm)' % fn.label("nilmap"))
    fn.emit("im2 := map[interface{}]string{1: \"int\", \"1\": \"string\", int8(1): \"int8\", 1.0: \"float\"}")
    fn.emit('fmt.Println(%s, im2[1], im2["1"], im2[int8(1)], im2[1.0], len(im2))' % fn.label("ifacekey"))
    fn.emit("cm := map[Code]Label{%d: \"x\", %d: \"y\"}" % (rng.randint(-5, 5), rng.randint(6, 9)))
    fn.emit('fmt.Println(%s, cm)' % fn.label("stringerkeys"))
    fn.emit('fmt.Printf("%%s %%v %%d\\n", %s, map[uint8]float64{3: 1.5, 1: -0.25, 200: 1e21}, map[bool]int{true: 1, false: 0})' % fn.label("fmtsort"))


def t_structs(fn):
    rng = fn.rng
    fn.emit("n := Named{Plain: Plain{A: %d, B: %s}, Name: %s, Tags: []string{%s}}"
            % (rng.randint(-128, 127), rng.choice(STRINGS), rng.choice(STRINGS),
               ", ".join(rng.sample(STRINGS, rng.randint(0, 3)))))
    fn.emit('fmt.Printf("%%s %%v|%%+v\\n", %s, n, n)' % fn.label("fmt"))
    fn.emit("n.A++ // promoted field")
    fn.emit("n.C[1] = %d" % rng.randint(0, 65535))
    fn.emit('fmt.Println(%s, n.Describe(), n.Plain.A, n.C)' % fn.label("promoted"))
    fn.emit("m := n")
    fn.emit("m.Name = \"copy\"")
    fn.emit("m.Tags = append(m.Tags, \"new\")")
    fn.emit('fmt.Println(%s, n.Name, m.Name, len(n.Tags), len(m.Tags))' % fn.label("copy"))
    fn.emit("p := Point{%d, %d}" % (rng.randint(-9, 9), rng.randint(-9, 9)))
    fn.emit("pp := &p")
    fn.emit("pp.Scale(%d)" % rng.randint(-3, 3))
    fn.emit("p.Scale(2) // addressable: (&p).Scale")
    fn.emit('fmt.Println(%s, p, *pp, p.Add(*pp), p == *pp, p != Point{})' % fn.label("methods"))
    fn.emit('fmt.Printf("%%s %%v %%+v %%s %%d\\n", %s, p, p, p, p)' % fn.label("stringer"))
    fn.emit("anon := struct{ A int; B []int }{%d, []int{%d}}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit('fmt.Printf("%%s %%v %%+v\\n", %s, anon, anon)' % fn.label("anon"))
    fn.emit("type local struct { x, y int8; s string }")
    fn.emit("l1 := local{%d, %d, %s}" % (rng.randint(-128, 127), rng.randint(-128, 127), rng.choice(STRINGS)))
    fn.emit("l2 := l1")
    fn.emit("l2.y += %d" % rng.randint(0, 2))
    fn.emit('fmt.Printf("%%s %%v %%+v %%v %%T\\n", %s, l1, l2, l1 == l2, l1)' % fn.label("local"))
    fn.emit("ps := []*Point{{1, 2}, {3, 4}}")
    fn.emit("for _, q := range ps { q.Scale(%d) }" % rng.randint(-2, 3))
    fn.emit('fmt.Println(%s, *ps[0], *ps[1])' % fn.label("ptrslice"))
    fn.emit("var e error = &MyErr{%s, %d}" % (rng.choice(STRINGS), rng.randint(0, 9)))
    fn.emit('fmt.Println(%s, e, Code(%d), Label(%s), Celsius(%s))'
            % (fn.label("named"), rng.randint(-99, 99), rng.choice(STRINGS), rng.choice(["1.5", "-40", "0.1"])))
    fn.emit('fmt.Printf("%%s %%v %%d %%s %%T %%T %%T\\n", %s, Code(7), Code(7), Code(7), Code(7), Label("x"), e)' % fn.label("verbs"))


IFACE_VALUES = ["1", '"s"', "2.5", "Rect{2, 3}", "&Square{4}", "nil", "[]int{1}", "int8(-3)",
                "Point{1, 2}", "Code(3)", "Label(\"lb\")", "true", "uint(7)", "'x'",
                "map[string]int{\"a\": 1}", "errors.New(\"boom\")", "&MyErr{\"op\", 2}",
                "Celsius(36.6)", "[2]bool{true}", "struct{}{}", "Pair[string, int]{\"k\", 1}"]


def t_interfaces(fn):
    rng = fn.rng
    vals = rng.sample(IFACE_VALUES, rng.randint(3, 8))
    fn.emit("vals := []interface{}{%s}" % ", ".join(vals))
    fn.open("for i, v := range vals {")
    fn.open("switch x := v.(type) {")
    fn.emit("case nil:")
    fn.emit('\tfmt.Println(%s, i, "nil")' % fn.label("ts"))
    fn.emit("case int, int8:")
    fn.emit('\tfmt.Printf("%%s %%d int-ish %%v %%T\\n", %s, i, x, x)' % fn.label("ts"))
    fn.emit("case string:")
    fn.emit('\tfmt.Println(%s, i, "string", len(x))' % fn.label("ts"))
    fn.emit("case Shape:")
    fn.emit('\tfmt.Println(%s, i, "shape", x.Kind(), x.Area())' % fn.label("ts"))
    fn.emit("case fmt.Stringer:")
    fn.emit('\tfmt.Println(%s, i, "stringer", x.String())' % fn.label("ts"))
    fn.emit("case error:")
    fn.emit('\tfmt.Println(%s, i, "error", x.Error())' % fn.label("ts"))
    fn.emit("default:")
    fn.emit('\tfmt.Printf("%%s %%d other %%v %%T\\n", %s, i, x, x)' % fn.label("ts"))
    fn.close()
    fn.emit("n, isInt := v.(int)")
    fn.emit("s, isStr := v.(string)")
    fn.emit("_, isShape := v.(Shape)")
    fn.emit('fmt.Println(%s, n, isInt, s, isStr, isShape, v == nil)' % fn.label("assert"))
    fn.close()
    fn.emit("shapes := []Shape{Rect{%d, %d}, &Square{%d}}" % (rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("total := 0")
    fn.open("for _, sh := range shapes {")
    fn.emit("total += sh.Area()")
    fn.emit("if sq, ok := sh.(*Square); ok { sq.Grow(%d) }" % rng.randint(1, 5))
    fn.close()
    fn.emit('fmt.Println(%s, total, shapes[1].Area(), shapes[0] == Rect{0, 0})' % fn.label("shapes"))
    a, b = rng.choice(IFACE_VALUES[:4] + ["Rect{1, 1}"]), rng.choice(IFACE_VALUES[:4] + ["Rect{1, 1}"])
    fn.emit("var x, y interface{} = %s, %s" % (a, b))
    fn.emit('fmt.Println(%s, x == y, x != nil)' % fn.label("eq"))
    fn.emit("var err error")
    fn.emit('fmt.Println(%s, err == nil, err)' % fn.label("nilerr"))
    fn.emit("var me *MyErr")
    fn.emit("err = me // a typed nil inside an interface is not nil")
    fn.emit('fmt.Println(%s, err == nil, me == nil)' % fn.label("typednil"))
    fn.emit("var st fmt.Stringer = Code(%d)" % rng.randint(-9, 9))
    fn.emit('fmt.Printf("%%s %%v %%s %%T\\n", %s, st, st, st)' % fn.label("stringer"))


def t_defer(fn):
    rng = fn.rng
    k = rng.randint(1, 5)
    fn.emit("f := func() (r int) {")
    fn.emit("\tdefer func() { r = r*%d + 1 }()" % rng.randint(-3, 3))
    fn.emit("\tx := %d" % rng.randint(0, 9))
    fn.emit('\tdefer fmt.Println(%s, x) // the argument is evaluated now' % fn.label("arg"))
    fn.emit("\tx += %d" % rng.randint(1, 9))
    fn.emit("\tfor i := 0; i < %d; i++ {" % k)
    fn.emit('\t\tdefer fmt.Println(%s, i)' % fn.label("loop"))
    fn.emit("\t}")
    fn.emit("\tdefer func() { fmt.Println(%s, x) }() // the closure sees the last x" % fn.label("closure"))
    fn.emit("\tx *= 2")
    fn.emit("\treturn x")
    fn.emit("}")
    fn.emit('fmt.Println(%s, f())' % fn.label("result"))
    fn.emit("g := func() (s string, err error) {")
    fn.emit("\tdefer func() {")
    fn.emit("\t\tif r := recover(); r != nil {")
    fn.emit('\t\t\terr = fmt.Errorf("wrapped: %v", r)')
    fn.emit('\t\t\ts = "recovered"')
    fn.emit("\t\t}")
    fn.emit("\t}()")
    fn.emit("\tif %s {" % rng.choice(["true", "false"]))
    fn.emit('\t\tpanic(%s)' % rng.choice(['"bad"', "42", "Code(5)", "&MyErr{\"x\", 1}", "Label(\"l\")"]))
    fn.emit("\t}")
    fn.emit('\treturn "normal", nil')
    fn.emit("}")
    fn.emit("s, err := g()")
    fn.emit('fmt.Println(%s, s, err)' % fn.label("named"))
    fn.emit("h := func() {")
    fn.emit("\tdefer func() { fmt.Println(%s, recover()) }()" % fn.label("outer"))
    fn.emit("\tdefer func() {")
    fn.emit("\t\tdefer func() { fmt.Println(%s, recover()) }()" % fn.label("inner"))
    fn.emit('\t\tpanic("second")')
    fn.emit("\t}()")
    fn.emit('\tpanic("first")')
    fn.emit("}")
    fn.emit("h()")
    fn.emit('fmt.Println(%s, recover()) // not panicking: nil' % fn.label("none"))


PANICS = [
    ("index", "s := []int{1, 2, 3}\n\ti := %(n)d\n\t_ = s[i]"),
    ("index_array", "var a [4]string\n\ti := %(n)d\n\ta[i%%8] = \"x\""),
    ("slice_hi", "s := make([]int, 3, 5)\n\ti := %(n)d\n\t_ = s[:i]"),
    ("slice_lohi", "s := []byte(\"hello\")\n\ti, j := %(n)d, 2\n\t_ = s[i:j]"),
    ("slice3", "s := make([]int, 2, 4)\n\ti, j := 1, %(n)d\n\t_ = s[0:i:j]"),
    ("string_index", "s := \"héllo\"\n\ti := %(n)d\n\t_ = s[i]"),
    ("string_slice", "s := \"abc\"\n\ti := %(n)d\n\t_ = s[i:]"),
    ("divide", "a, b := %(n)d, 0\n\t_ = a / b"),
    ("modulo", "var a, b int8 = %(n)d, 0\n\t_ = a %% b"),
    ("nil_map", "var m map[string]int\n\tm[\"k\"] = %(n)d"),
    ("nil_pointer", "var p *Point\n\tp.X = %(n)d"),
    ("nil_pointer_method", "var p *Square\n\t_ = p.Area() + %(n)d"),
    ("assert", "var v interface{} = %(n)d\n\t_ = v.(string)"),
    ("assert_iface", "var v interface{} = Point{%(n)d, 0}\n\t_ = v.(Shape)"),
    ("assert_named", "var v interface{} = Code(%(n)d)\n\t_ = v.(int16)"),
    ("custom_string", "panic(\"custom %(n)d\")"),
    ("custom_int", "panic(%(n)d)"),
    ("custom_error", "panic(&MyErr{\"op\", %(n)d})"),
    ("custom_errors_new", "panic(errors.New(\"plain %(n)d\"))"),
    ("custom_fmt", "panic(fmt.Errorf(\"wrapped %%w\", &MyErr{\"inner\", %(n)d}))"),
    ("custom_stringer", "panic(Code(%(n)d))"),
    ("custom_label", "panic(Label(\"lbl%(n)d\"))"),
    ("custom_float", "panic(%(n)d.5)"),
    ("custom_bool", "panic(%(n)d > 2)"),
    ("close_closed", "c := make(chan int, %(n)d+1)\n\tclose(c)\n\tclose(c)"),
    ("close_nil", "var c chan int\n\t_ = %(n)d\n\tclose(c)"),
    ("send_closed", "c := make(chan int, %(n)d+1)\n\tclose(c)\n\tc <- 1"),
    ("shift_negative", "s := -%(n)d - 1\n\t_ = 1 << s"),
    ("make_negative", "n := -%(n)d - 1\n\t_ = make([]int, n)"),
    ("repanic", "defer func() {\n\t\tr := recover()\n\t\tpanic(fmt.Sprint(\"again: \", r))\n\t}()\n\tpanic(%(n)d)"),
    ("nil_func", "var f func(int) int\n\t_ = f(%(n)d)"),
    ("unhashable", "m := map[interface{}]int{}\n\tm[[]int{%(n)d}] = 1"),
    ("conversion_array", "s := []int{1, 2}\n\t_ = %(n)d\n\t_ = *(*[3]int)(s)"),
]


# Constructs kept out of the programs because gopark gets them wrong and they would hide every
# other finding: the name of the construct, and the finding in tests/difftest/found/ that shows
# it. Remove an entry once the fix lands (README.md, "Known").
KNOWN = {
    "conversion_array": "001-slice-to-array-pointer-length.go",
    "interface_method_expression": "002-interface-method-expression.go",
    "boxed_nan_equality": "007-interface-nan-equality.go",
}


def panics():
    return [p for p in PANICS if p[0] not in KNOWN]


def t_panics(fn):
    rng = fn.rng
    for name, body in rng.sample(panics(), rng.randint(2, 6)):
        n = rng.randint(0, 9)
        fn.emit("try(%s, func() {" % fn.label(name))
        fn.emit("\t" + body % {"n": n})
        fn.emit("})")


def t_goroutines(fn):
    rng = fn.rng
    kind = rng.randint(0, 8)
    n = rng.randint(1, 8)
    mul = rng.randint(1, 9)
    if kind == 0:
        fn.emit("type result struct{ i, v int }")
        fn.emit("ch := make(chan result%s)" % rng.choice(["", ", 3", ", %d" % n]))
        fn.open("for i := 0; i < %d; i++ {" % n)
        fn.emit("go func(i int) { ch <- result{i, i * i * %d} }(i)" % mul)
        fn.close()
        fn.emit("out := make([]int, %d)" % n)
        fn.emit("for k := 0; k < %d; k++ { r := <-ch; out[r.i] = r.v }" % n)
        fn.emit('fmt.Println(%s, out)' % fn.label("slots"))
    elif kind == 1:
        fn.emit("var wg sync.WaitGroup")
        fn.emit("res := make([]string, %d)" % n)
        fn.open("for i := 0; i < %d; i++ {" % n)
        fn.emit("wg.Add(1)")
        fn.emit("go func(i int) {")
        fn.emit("\tdefer wg.Done()")
        fn.emit("\tres[i] = strings.Repeat(string(rune('a'+i)), i%3+1)")
        fn.emit("}(i)")
        fn.close()
        fn.emit("wg.Wait()")
        fn.emit('fmt.Println(%s, res, len(res))' % fn.label("waitgroup"))
    elif kind == 2:
        fn.emit("gen := func(n int) <-chan int {")
        fn.emit("\tc := make(chan int)")
        fn.emit("\tgo func() { defer close(c); for i := 0; i < n; i++ { c <- i } }()")
        fn.emit("\treturn c")
        fn.emit("}")
        fn.emit("sq := func(in <-chan int) <-chan int {")
        fn.emit("\tc := make(chan int, %d)" % rng.randint(0, 3))
        fn.emit("\tgo func() { defer close(c); for v := range in { c <- v * %d } }()" % mul)
        fn.emit("\treturn c")
        fn.emit("}")
        fn.emit("for v := range sq(sq(gen(%d))) { fmt.Println(%s, v) }" % (n, fn.label("pipeline")))
    elif kind == 3:
        cap_ = rng.randint(1, 5)
        fn.emit("c := make(chan string, %d)" % cap_)
        for i in range(rng.randint(0, cap_)):
            fn.emit('c <- %s' % rng.choice(STRINGS))
        fn.emit('fmt.Println(%s, len(c), cap(c))' % fn.label("buffered"))
        fn.emit("close(c)")
        fn.emit("for s := range c { fmt.Printf(\"%%s %%q\\n\", %s, s) }" % fn.label("drain"))
        fn.emit("v, ok := <-c")
        fn.emit('fmt.Printf("%%s %%q %%v\\n", %s, v, ok)' % fn.label("closed"))
    elif kind == 4:
        fn.emit("a := make(chan int, 1)")
        fn.emit("b := make(chan int, 1)")
        fn.emit("var nilc chan int")
        fn.emit("%s <- %d" % (rng.choice(["a", "b"]), rng.randint(0, 99)))
        fn.open("select {")
        fn.emit('case v := <-a:\n\tfmt.Println(%s, "a", v)' % fn.label("select"))
        fn.emit('case v := <-b:\n\tfmt.Println(%s, "b", v)' % fn.label("select"))
        fn.emit('case v := <-nilc:\n\tfmt.Println(%s, "nil", v)' % fn.label("select"))
        fn.close()
        fn.open("select {")
        fn.emit('case v := <-a:\n\tfmt.Println(%s, "a", v)' % fn.label("again"))
        fn.emit('case nilc <- 1:\n\tfmt.Println(%s, "sent to nil")' % fn.label("again"))
        fn.emit('default:\n\tfmt.Println(%s, "default")' % fn.label("again"))
        fn.close()
        fn.emit("done := make(chan struct{})")
        fn.emit("go func() { defer close(done); b <- 5 }()")
        fn.emit("<-done")
        fn.emit("select { case v, ok := <-b: fmt.Println(%s, v, ok) }" % fn.label("after"))
    elif kind == 5:
        fn.emit("var mu sync.Mutex")
        fn.emit("var wg sync.WaitGroup")
        fn.emit("total := 0")
        fn.emit("counts := map[int]int{}")
        fn.open("for i := 0; i < %d; i++ {" % n)
        fn.emit("wg.Add(1)")
        fn.emit("go func(i int) {")
        fn.emit("\tdefer wg.Done()")
        fn.emit("\tfor k := 0; k < %d; k++ {" % rng.randint(1, 50))
        fn.emit("\t\tmu.Lock()")
        fn.emit("\t\ttotal += i*%d + k" % mul)
        fn.emit("\t\tcounts[i%3]++")
        fn.emit("\t\tmu.Unlock()")
        fn.emit("\t}")
        fn.emit("}(i)")
        fn.close()
        fn.emit("wg.Wait()")
        fn.emit('fmt.Println(%s, total, counts)' % fn.label("mutex"))
    elif kind == 7:
        # a ring of goroutines, each adding its index to what passes through
        fn.emit("first := make(chan int)")
        fn.emit("in := first")
        fn.open("for i := 0; i < %d; i++ {" % rng.choice([1, 10, 100, 300]))
        fn.emit("out := make(chan int%s)" % rng.choice(["", ", 1"]))
        fn.emit("go func(in <-chan int, out chan<- int, i int) { for v := range in { out <- v + i }; close(out) }(in, out, i)")
        fn.emit("in = out")
        fn.close()
        fn.emit("go func() { for k := 0; k < %d; k++ { first <- k * %d }; close(first) }()" % (n, mul))
        fn.emit("var got []int")
        fn.emit("for v := range in { got = append(got, v) }")
        fn.emit('fmt.Println(%s, got)' % fn.label("ring"))
    elif kind == 8:
        fn.emit("var mu sync.Mutex")
        fn.emit("cond := sync.NewCond(&mu)")
        fn.emit("var wg sync.WaitGroup")
        fn.emit("ready := 0")
        fn.emit("results := make([]int, %d)" % n)
        fn.open("for i := 0; i < %d; i++ {" % n)
        fn.emit("wg.Add(1)")
        fn.emit("go func(i int) {")
        fn.emit("	defer wg.Done()")
        fn.emit("	mu.Lock()")
        fn.emit("	for ready == 0 { cond.Wait() }")
        fn.emit("	results[i] = i * ready")
        fn.emit("	mu.Unlock()")
        fn.emit("}(i)")
        fn.close()
        fn.emit("mu.Lock()")
        fn.emit("ready = %d" % mul)
        fn.emit("cond.Broadcast()")
        fn.emit("mu.Unlock()")
        fn.emit("wg.Wait()")
        fn.emit('fmt.Println(%s, results)' % fn.label("cond"))
    else:
        fn.emit("jobs := make(chan int, %d)" % n)
        fn.emit("results := make(chan [2]int, %d)" % n)
        fn.emit("var wg sync.WaitGroup")
        fn.open("for w := 0; w < %d; w++ {" % rng.randint(1, 4))
        fn.emit("wg.Add(1)")
        fn.emit("go func() {")
        fn.emit("\tdefer wg.Done()")
        fn.emit("\tfor j := range jobs { results <- [2]int{j, j * %d %% 7} }" % mul)
        fn.emit("}()")
        fn.close()
        fn.emit("for j := 0; j < %d; j++ { jobs <- j }" % n)
        fn.emit("close(jobs)")
        fn.emit("go func() { wg.Wait(); close(results) }()")
        fn.emit("got := make([]int, %d)" % n)
        fn.emit("count := 0")
        fn.emit("for r := range results { got[r[0]] = r[1]; count++ }")
        fn.emit('fmt.Println(%s, got, count)' % fn.label("pool"))
        fn.emit("var once sync.Once")
        fn.emit("for i := 0; i < 3; i++ { once.Do(func() { fmt.Println(%s) }) }" % fn.label("once"))


def t_generics(fn):
    rng = fn.rng
    t = rng.choice(["int", "int8", "uint16", "float64", "int64", "uint8"])
    vals = [str(rng.randint(0, 100)) for _ in range(rng.randint(0, 6))]
    fn.emit("xs := []%s{%s}" % (t, ", ".join(vals)))
    fn.emit('fmt.Println(%s, Sum(xs), len(xs))' % fn.label("sum"))
    fn.emit("ys := Map(xs, func(x %s) string { return fmt.Sprint(x * 3) })" % t)
    fn.emit('fmt.Printf("%%s %%q\\n", %s, ys)' % fn.label("map"))
    fn.emit('fmt.Println(%s, MaxOf[%s](%d, xs...), MaxOf("b", "a", "c"), MaxOf(Code(%d), Code(%d)))'
            % (fn.label("max"), t, rng.randint(0, 50), rng.randint(-5, 5), rng.randint(-5, 5)))
    fn.emit('fmt.Println(%s, Reduce(xs, "", func(a string, x %s) string { return a + "," + fmt.Sprint(x) }))'
            % (fn.label("reduce"), t))
    fn.emit("var st Stack[Pair[string, %s]]" % t)
    fn.emit("for i, x := range xs { st.Push(Pair[string, %s]{strconv.Itoa(i), x}) }" % t)
    fn.emit("top, ok := st.Pop()")
    fn.emit('fmt.Printf("%%s %%v %%+v %%v %%d\\n", %s, top, top, ok, st.Len())' % fn.label("stack"))
    fn.emit("swap := func(p Pair[string, %s]) Pair[%s, string] { return Pair[%s, string]{p.Val, p.Key} }" % (t, t, t))
    fn.emit('fmt.Printf("%%s %%v %%T\\n", %s, swap(top), top)' % fn.label("pair"))
    fn.emit("cs := []Celsius{%s}" % ", ".join(rng.choice(["1.5", "-2", "100", "0.1", "0.2"]) for _ in range(3)))
    fn.emit('fmt.Println(%s, Sum(cs), MaxOf(cs[0], cs[1:]...))' % fn.label("named"))


FMT_ARGS = ["42", "-7", "uint8(200)", "int64(-1) << 40", "3.5", "1e-9", "float32(0.1)", '"str"',
            '"héllo"', "'é'", "true", "nil", "[]int{1, -2}", "[]string{\"a\", \"\"}", "[]byte(\"hi\")",
            "[2]bool{true}", "map[string]int{\"b\": 2, \"a\": 1}", "Point{3, -4}", "&Point{1, 1}",
            "Plain{A: -1, B: \"x\", C: [3]uint16{1, 2}}", "&Plain{}", "Code(9)", "Label(\"lab\")",
            "Celsius(-3.25)", "&MyErr{\"fmt\", 3}", "errors.New(\"e\")", "struct{ A, b int }{1, 2}",
            "[]interface{}{1, \"a\", nil}", "Named{Name: \"n\"}", "Rect{1, 2}", "[]Point{{1, 2}}",
            "map[Code]bool{1: true}", "uint64(1) << 63", "-0.0", "int8(-128)"]

FMT_VERBS = ["%v", "%+v", "%#v", "%T", "%d", "%s", "%q", "%x", "%X", "%o", "%b", "%c", "%U", "%e",
             "%f", "%g", "%t", "%5v", "%-8v|", "%08v", "%.2v", "%6.2f", "%+d", "%#x", "%# x", "%+q",
             "%#q", "%x", "%10s|", "%-10q|", "%.1s", "%3c", "%#o", "%O", "%!", "%z", "%%"]


def t_fmt(fn):
    """fmt's verbs on every kind of operand, bad verbs, missing and extra operands included: fmt
    is a large part of what a learner sees, and its error forms (%!d(string=x)) are exact."""
    rng = fn.rng
    for i in range(rng.randint(4, 10)):
        verbs = [rng.choice(FMT_VERBS) for _ in range(rng.randint(1, 3))]
        count = len([v for v in verbs if v != "%%"]) + rng.choice([0, 0, 0, 0, 1, -1])
        args = [rng.choice(FMT_ARGS) for _ in range(max(count, 0))]
        fmt_text = " ".join(verbs).replace("\\", "\\\\").replace('"', '\\"')
        fn.emit('fmt.Printf("%%s %s\\n", %s)' % (fmt_text, ", ".join([fn.label("p%d" % i)] + args)))
    args = rng.sample(FMT_ARGS, 3)
    fn.emit('fmt.Println(%s, %s)' % (fn.label("println"), ", ".join(args)))
    fn.emit('fmt.Print(%s, %s, "\\n")' % (fn.label("print"), ", ".join(args)))
    fn.emit('s := fmt.Sprint(%s) + fmt.Sprintln(%s)' % (", ".join(args), ", ".join(args)))
    fn.emit('fmt.Printf("%%s %%q\\n", %s, s)' % fn.label("sprint"))
    fn.emit('fmt.Printf("%%s %%*d|%%-*d|%%.*f\\n", %s, %d, %d, %d, %d, %d, 3.14159)'
            % (fn.label("star"), rng.randint(-5, 8), rng.randint(-99, 99), rng.randint(0, 6),
               rng.randint(-99, 99), rng.randint(0, 5)))
    fn.emit('fmt.Printf("%%s %%[2]d %%[1]d %%d\\n", %s, %d, %d)' % (fn.label("index"), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit('err := fmt.Errorf("ctx %%d: %%w", %d, &MyErr{"inner", %d})' % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("var me *MyErr")
    fn.emit('fmt.Println(%s, err, errors.Unwrap(err), errors.As(err, &me), me.N, errors.Is(err, err))' % fn.label("wrap"))


def t_funcs(fn):
    """Multiple results, variadic calls, method expressions, embedded interfaces and pointers,
    function values compared with nil, recursion over slices."""
    rng = fn.rng
    fn.emit("divmod := func(a, b int) (q, r int) { q = a / b; r = a % b; return }")
    a, b = rng.randint(-50, 50), rng.choice([-7, -3, -1, 1, 2, 5, 9])
    fn.emit("q, r := divmod(%d, %d)" % (a, b))
    fn.emit('fmt.Println(%s, q, r)' % fn.label("divmod"))
    fn.emit("sum := func(base int, xs ...int) int { for _, x := range xs { base += x }; return base + len(xs) }")
    xs = ", ".join(str(rng.randint(-9, 9)) for _ in range(rng.randint(0, 4)))
    fn.emit("nums := []int{%s}" % xs)
    fn.emit('fmt.Println(%s, sum(%d), sum(1, %d, %d), sum(0, nums...), sum(0, nums[:0]...))'
            % (fn.label("variadic"), rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("area := Rect.Area")
    fn.emit("grow := (*Square).Grow")
    fn.emit("sq := &Square{%d}" % rng.randint(0, 9))
    fn.emit("grow(sq, %d)" % rng.randint(-3, 3))
    if "interface_method_expression" in KNOWN:
        fn.emit("kind := func(s Shape) string { return s.Kind() }")
    else:
        fn.emit("kind := Shape.Kind")
    fn.emit('fmt.Println(%s, area(Rect{%d, %d}), sq.S, kind(sq), kind(Rect{}))' % (fn.label("methodexpr"), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("type named interface { Shape; fmt.Stringer }")
    fn.emit("type box struct { *Square; Point }")
    fn.emit("bx := box{&Square{%d}, Point{%d, %d}}" % (rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("var nm named = bx // Area, Kind through *Square, String through Point")
    fn.emit("bx.Grow(%d) // shared: the interface holds a copy of box, with the same *Square" % rng.randint(1, 4))
    fn.emit('fmt.Println(%s, nm.Area(), nm.Kind(), nm.String(), bx.S, bx.X)' % fn.label("embedded"))
    fn.emit("var f func(int) int")
    fn.emit('fmt.Println(%s, f == nil)' % fn.label("nilfunc"))
    fn.emit("f = func(n int) int { if n <= 1 { return 1 }; return n * f(n-1) }")
    fn.emit('fmt.Println(%s, f(%d), f == nil)' % (fn.label("fact"), rng.randint(0, 25)))
    if "return_swapped_parameters" in KNOWN:
        fn.emit("swap := func(a, b string) (c, d string) { return b, a }")
    else:
        fn.emit("swap := func(a, b string) (string, string) { return b, a }")
    fn.emit('x, y := swap(%s, %s)' % (rng.choice(STRINGS), rng.choice(STRINGS)))
    fn.emit("x, y = y+x, x")
    fn.emit('fmt.Printf("%%s %%q %%q\\n", %s, x, y)' % fn.label("swap"))
    fn.emit("arr := []int{%s}" % ", ".join(str(rng.randint(0, 9)) for _ in range(5)))
    fn.emit("i := %d" % rng.randint(0, 3))
    fn.emit("i, arr[i] = arr[i], i // index evaluated first, assignments left to right")
    fn.emit('fmt.Println(%s, i, arr)' % fn.label("parallel"))
    fn.emit("p := &arr[%d]" % rng.randint(0, 4))
    fn.emit("*p += 100")
    fn.emit("ps := &Point{%d, %d}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("pp := &ps")
    fn.emit("(*pp).Y = -1")
    fn.emit('fmt.Println(%s, arr, *ps, ps.Add(**pp), *p)' % fn.label("pointers"))


def t_library(fn):
    """strconv and strings beyond the basics: bases, quoting, parsing errors, fields, replacing."""
    rng = fn.rng
    n = rng.choice([0, 1, -1, 255, -256, 1 << 40, -(1 << 62), 123456789, 35])
    base = rng.choice([2, 8, 10, 16, 36])
    fn.emit('fmt.Println(%s, strconv.FormatInt(%d, %d), strconv.FormatUint(uint64(%d), %d))'
            % (fn.label("format"), n, base, abs(n), base))
    text = rng.choice(['"ff"', '"-101"', '"0x1f"', '"z"', '"9223372036854775808"', '""', '"+7"', '"1_000"'])
    fn.emit('v, err := strconv.ParseInt(%s, %d, 64)' % (text, rng.choice([0, 2, 10, 16, 36])))
    fn.emit('fmt.Println(%s, v, err)' % fn.label("parseint"))
    fn.emit('u, err := strconv.ParseUint(%s, 10, %d)' % (rng.choice(['"255"', '"256"', '"-1"', '"65535"']), rng.choice([8, 16, 64])))
    fn.emit('fmt.Println(%s, u, err)' % fn.label("parseuint"))
    fn.emit('f, err := strconv.ParseFloat(%s, 64)' % rng.choice(['"1.5"', '"1e400"', '"-0"', '"nan"', '"0x1p-2"', '"abc"', '".5e1"', '"inf"']))
    fn.emit('fmt.Println(%s, f, err)' % fn.label("parsefloat"))
    fn.emit('b, err := strconv.ParseBool(%s)' % rng.choice(['"true"', '"F"', '"1"', '"yes"']))
    fn.emit('fmt.Println(%s, b, err)' % fn.label("parsebool"))
    s = rng.choice(STRINGS)
    fn.emit('s := %s + " " + %s' % (s, rng.choice(STRINGS)))
    fn.emit('fmt.Println(%s, strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteRune(%s))' % (fn.label("quote"), rng.choice(["'x'", "'\\n'", "'世'", "0x1F600", "'\\x00'"])))
    fn.emit('uq, err := strconv.Unquote(%s)' % rng.choice(['"\\"a\\\\tb\\""', '"`raw`"', '"\'x\'"', '"bad"']))
    fn.emit('fmt.Printf("%%s %%q %%v\\n", %s, uq, err)' % fn.label("unquote"))
    fn.emit('fmt.Printf("%%s %%q %%q %%d\\n", %s, strings.Fields(s), strings.SplitN(s, "l", 2), strings.Count(s, "l"))' % fn.label("fields"))
    fn.emit('fmt.Println(%s, strings.Replace(s, "l", "L", %d), strings.ReplaceAll(s, "", "."), strings.HasPrefix(s, "h"), strings.HasSuffix(s, "b"))'
            % (fn.label("replace"), rng.randint(-1, 2)))
    fn.emit('fmt.Println(%s, strings.LastIndex(s, "l"), strings.IndexByte(s, \'o\'), strings.IndexRune(s, \'界\'), strings.EqualFold("Go", "GO"))' % fn.label("index"))
    fn.emit('fmt.Printf("%%s %%q %%q %%q\\n", %s, strings.Trim(s, "ah"), strings.TrimLeft(s, "\\x00h"), strings.TrimPrefix(s, "hé"))' % fn.label("trim"))
    fn.emit('fmt.Println(%s, strings.Map(func(r rune) rune { if r == \'l\' { return -1 }; return r + 1 }, s), strings.ToLower("ÀÉÎ Go"), strings.Title("go gopher"))' % fn.label("map"))
    fn.emit('fmt.Println(%s, strings.Compare(s, "m"), strings.ContainsRune(s, \'é\'), strings.ContainsAny(s, "xyz"), strings.IndexAny(s, "lo"))' % fn.label("misc"))
    fn.emit('bs := strconv.AppendInt([]byte("n="), %d, 10)' % rng.randint(-999, 999))
    fn.emit('bs = strconv.AppendQuote(bs, "q")')
    fn.emit('fmt.Println(%s, string(bs), len(bs))' % fn.label("append"))
    fn.emit('fmt.Println(%s, strings.Repeat("ab", %d), strings.Join(nil, ","), strings.Split("a,b,c", ","))' % (fn.label("repeat"), rng.randint(0, 3)))


def t_handoff(fn):
    """Goroutines that print, ordered only by channel handoffs: the output is fixed by the
    happens-before edges, so any interleaving that breaks them is a scheduler bug."""
    rng = fn.rng
    rounds = rng.randint(1, 6)
    fn.emit("ping, pong := make(chan int), make(chan int)")
    fn.emit("done := make(chan bool)")
    fn.emit("go func() {")
    fn.emit("\tfor v := range ping {")
    fn.emit('\t\tfmt.Println(%s, v)' % fn.label("pong"))
    fn.emit("\t\tpong <- v * %d" % rng.randint(2, 5))
    fn.emit("\t}")
    fn.emit("\tclose(pong)")
    fn.emit("\tdone <- true")
    fn.emit("}()")
    fn.open("for i := 0; i < %d; i++ {" % rounds)
    fn.emit('fmt.Println(%s, i)' % fn.label("ping"))
    fn.emit("ping <- i")
    fn.emit('fmt.Println(%s, <-pong)' % fn.label("back"))
    fn.close()
    fn.emit("close(ping)")
    fn.emit("_, ok := <-pong")
    fn.emit('fmt.Println(%s, ok, <-done)' % fn.label("closed"))
    fn.emit("chain := make([]chan string, %d)" % (rng.randint(1, 6) + 1))
    fn.emit("for i := range chain { chain[i] = make(chan string%s) }" % rng.choice(["", ", 1"]))
    fn.open("for i := 0; i < len(chain)-1; i++ {")
    fn.emit("go func(i int) { s := <-chain[i]; chain[i+1] <- s + strconv.Itoa(i) }(i)")
    fn.close()
    fn.emit('chain[0] <- "x"')
    fn.emit('fmt.Println(%s, <-chain[len(chain)-1])' % fn.label("chain"))
    fn.emit("var mu sync.Mutex")
    fn.emit("mu.Lock()")
    fn.emit("got := make(chan string)")
    fn.emit('go func() { mu.Lock(); got <- "locked after unlock"; mu.Unlock() }()')
    fn.emit('fmt.Println(%s, "holding")' % fn.label("mutex"))
    fn.emit("mu.Unlock()")
    fn.emit('fmt.Println(%s, <-got)' % fn.label("mutex"))
    fn.emit("var rw sync.RWMutex")
    fn.emit("rw.RLock()")
    fn.emit("rw.RLock() // readers share")
    fn.emit("rw.RUnlock()")
    fn.emit("rw.RUnlock()")
    fn.emit("rw.Lock()")
    fn.emit('fmt.Println(%s, "writer")' % fn.label("rwmutex"))
    fn.emit("rw.Unlock()")
    fn.emit("results := make(chan int, %d)" % rounds)
    fn.emit("var wg sync.WaitGroup")
    fn.open("for i := 0; i < %d; i++ {" % rounds)
    fn.emit("wg.Add(1)")
    fn.emit("go func(n int) { defer wg.Done(); results <- n * n }(i)")
    fn.close()
    fn.emit("wg.Wait()")
    fn.emit("close(results)")
    fn.emit("total := 0")
    fn.emit("for v := range results { total += v }")
    fn.emit('fmt.Println(%s, total, len(results))' % fn.label("sum"))


# ----------------------------------------------------------------------------------------------
# Constants: untyped integer and float expressions evaluated exactly here (Go's constants are
# exact), so the generator knows each value fits where it is used: a constant that does not fit
# is a compile error, not a test.

def go_quo(a, b):
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def const_int_expr(rng, depth):
    """(text, value) of an untyped integer constant expression."""
    if depth <= 0 or rng.random() < 0.25:
        v = rng.choice([0, 1, 2, 3, 7, 10, 255, 256, 1000, 1 << 31, 1 << 32, 1 << 40, (1 << 63) - 1,
                        1 << 63, 1 << 64, 1 << 70, rng.randint(-1000, 1000), rng.randint(0, 1 << 64)])
        return (str(v) if v >= 0 else "(%d)" % v), v
    op = rng.choice(["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&^", "neg", "not"])
    a, av = const_int_expr(rng, depth - 1)
    if op == "neg":
        return "(-%s)" % a, -av
    if op == "not":
        return "(^%s)" % a, ~av
    if op in ("<<", ">>"):
        n = rng.choice([0, 1, 3, 8, 31, 32, 63, 64, 70, 100])
        v = av << n if op == "<<" else av >> n
        return "(%s %s %d)" % (a, op, n), v
    b, bv = const_int_expr(rng, depth - 1)
    if op in ("/", "%") and bv == 0:
        return a, av
    v = {"+": lambda: av + bv, "-": lambda: av - bv, "*": lambda: av * bv,
         "/": lambda: go_quo(av, bv), "%": lambda: av - bv * go_quo(av, bv),
         "&": lambda: av & bv, "|": lambda: av | bv, "^": lambda: av ^ bv,
         "&^": lambda: av & ~bv}[op]()
    return "(%s %s %s)" % (a, op, b), v


def t_const(fn):
    rng = fn.rng
    from fractions import Fraction
    for i in range(rng.randint(3, 8)):
        text, v = const_int_expr(rng, rng.randint(1, 4))
        if abs(v) >= 1 << 300:
            continue
        name = fn.fresh("c")
        fn.emit("const %s = %s" % (name, text))
        if -(1 << 63) <= v < (1 << 63):
            fn.emit('fmt.Println(%s, %s, %s%%7, %s>>3)' % (fn.label(name), name, name, name))
        elif 0 <= v < (1 << 64):
            fn.emit('fmt.Println(%s, uint64(%s), %s%%1000003)' % (fn.label(name), name, name))
        else:
            fn.emit('fmt.Println(%s, float64(%s), %s%%1000003, %s>>%d)'
                    % (fn.label(name), name, name, name, max(v.bit_length() - 40, 0)))
    leaves = [("0.1", Fraction(1, 10)), ("0.2", Fraction(2, 10)), ("0.3", Fraction(3, 10)),
              ("1.0", Fraction(1)), ("3", Fraction(3)), ("1e10", Fraction(10 ** 10)),
              ("1e-10", Fraction(1, 10 ** 10)), ("2.5", Fraction(5, 2)), ("7", Fraction(7))]
    for i in range(rng.randint(1, 4)):
        text, v = rng.choice(leaves)
        for _ in range(rng.randint(1, 5)):
            t2, v2 = rng.choice(leaves)
            op = rng.choice("+-*/")
            if op == "/" and v2 == 0:
                continue
            text, v = "(%s %s %s)" % (text, op, t2), {"+": v + v2, "-": v - v2, "*": v * v2, "/": v / v2 if v2 else v}[op]
        if abs(v) > Fraction(10) ** 300 or (v != 0 and abs(v) < Fraction(1, 10 ** 300)):
            continue
        name = fn.fresh("fc")
        fn.emit("const %s = %s" % (name, text))
        fn.emit('fmt.Println(%s, %s, %s == %s, float32(%s))' % (fn.label(name), name, name,
                                                                 rng.choice(["0.3", "1", "%s * 1" % name]), name))
        if v.denominator == 1 and abs(v) < (1 << 63):
            fn.emit('fmt.Println(%s, int64(%s))' % (fn.label(name + "int"), name))
    k = rng.randint(1, 5)
    fn.emit("const (")
    fn.emit("\ta%d = iota * %d" % (fn.counter, k))
    fn.emit("\tb%d" % fn.counter)
    fn.emit("\t_")
    fn.emit("\td%d = 1 << (iota * %d)" % (fn.counter, rng.randint(1, 15)))
    fn.emit("\te%d" % fn.counter)
    fn.emit(")")
    fn.emit('fmt.Println(%s, a%d, b%d, d%d, e%d)' % ((fn.label("iota"),) + (fn.counter,) * 4))
    t = rng.choice(["int8", "uint8", "int16", "uint16", "int32"])
    lo, hi = type_range(t)
    x = rng.randint(lo, hi)
    fn.emit("const typed %s = %d" % (t, x))
    y = rng.randint(1, 5)
    for op, v in (("+", x + y), ("-", x - y), ("*", x * y), ("/", go_quo(x, y))):
        if lo <= v <= hi:
            fn.emit('fmt.Printf("%%s %%v %%T\\n", %s, typed %s %d, typed %s %d)' % (fn.label("typed" + op), op, y, op, y))
    fn.emit('fmt.Println(%s, ^typed, len("héllo, 世界"), len([3]int{}), \'x\' + 1, string(rune(\'a\' + %d)))'
            % (fn.label("misc"), rng.randint(0, 25)))


def t_order(fn):
    """Go's order of evaluation: calls, method calls and receives happen left to right; the
    index operands on the left of an assignment before the right; op= and ++ read their operand
    once; && and || short-circuit. Every call here logs itself, and only calls change state."""
    rng = fn.rng
    fn.emit("var trace []string")
    fn.emit("tick := func(tag string, v int) int { trace = append(trace, tag+strconv.Itoa(v)); return v }")
    fn.emit("flush := func(what string) { fmt.Println(%s, what, strings.Join(trace, \" \")); trace = trace[:0] }" % fn.label("order"))
    fn.emit("arr := make([]int, 8)")
    fn.emit("m := map[int]int{}")

    def call(v=None):
        return 'tick("%s", %d)' % (rng.choice("abcdefgh"), rng.randint(0, 7) if v is None else v)

    forms = [
        lambda: "x := %s + %s*%s - %s\n_ = x" % (call(), call(), call(), call()),
        lambda: "arr[%s] = %s" % (call(), call()),
        lambda: "arr[%s] += %s" % (call(), call()),
        lambda: "arr[%s]++" % call(),
        lambda: "m[%s] = %s" % (call(), call()),
        lambda: "m[%s] -= %s" % (call(), call()),
        lambda: "arr[%s], arr[%s] = %s, %s" % (call(), call(), call(), call()),
        lambda: "_ = []int{%s, %s, %s}" % (call(), call(), call()),
        lambda: "_ = map[int]int{%s: %s, %s + 10: %s}" % (call(), call(), call(), call()),
        lambda: "_ = %s > 3 && %s > 3 || %s < 2" % (call(), call(), call()),
        lambda: "fmt.Println(%s, %s, %s)" % (fn.label("args"), call(), call()),
        lambda: "_ = Point{%s, %s}.Add(Point{%s, %s})" % (call(), call(), call(), call()),
        lambda: "_ = func(a, b int) int { return a - b }(%s, %s)" % (call(), call()),
        lambda: "if v := %s; v > 3 { _ = %s } else { _ = %s }" % (call(), call(), call()),
        lambda: "switch %s { case %s, %s: _ = 1; case %s: _ = 2 }" % (call(3), call(1), call(3), call(3)),
        lambda: "for k := %s; k < %s; k++ { _ = %s }" % (call(0), call(2), call()),
        lambda: "ch := make(chan int, 2)\nch <- %s\nch <- %s + <-ch\n_ = <-ch" % (call(), call()),
        lambda: "func() { defer fmt.Println(%s, %s); _ = %s }()" % (fn.label("deferarg"), call(), call()),
        lambda: "_ = arr[%s:%s]" % (call(1), call(3)),
        lambda: "_ = fmt.Sprint(%s) + fmt.Sprint(%s)" % (call(), call()),
    ]
    for i in range(rng.randint(4, 12)):
        fn.emit("{")
        fn.emit("\t" + rng.choice(forms)().replace("\n", "\n\t"))
        fn.emit("}")
        fn.emit('flush("%d")' % i)
    fn.emit('fmt.Println(%s, arr, m)' % fn.label("state"))
    fn.emit("p := Point{%d, %d}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("p.X, p.Y = p.Y, p.X")
    fn.emit("a, b, c := %d, %d, %d" % (rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("a, b, c = c, a, b")
    fn.emit("arr[0], arr[1], arr[2] = arr[2], arr[0], arr[1]")
    fn.emit("i := 1")
    fn.emit("i, arr[i] = arr[i]+2, i")
    fn.emit("x, y := 1, 2")
    fn.emit("x, y = y, x+y")
    fn.emit("s := []string{%s, %s}" % (rng.choice(STRINGS), rng.choice(STRINGS)))
    fn.emit("s[0], s[1] = s[1]+s[0], s[0]")
    fn.emit('fmt.Println(%s, p, a, b, c, arr, i, x, y, s)' % fn.label("parallel"))



def t_multi(fn):
    """Several results: forwarded (return f()), spread into a call (g(f())), assigned to
    existing variables and to index expressions, discarded with _, named and changed by defer."""
    rng = fn.rng
    # Results are named while finding 003 stands: unnamed results that permute the parameters
    # come back clobbered.
    named = "return_swapped_parameters" in KNOWN
    res = lambda *ts: "(%s)" % ", ".join(("r%d %s" % (i, t)) if named else t for i, t in enumerate(ts))
    fn.emit("rot := func(a, b, c int) %s { return b, c, a }" % res("int", "int", "int"))
    fn.emit("mix := func(n int, s string) %s { return s + strconv.Itoa(n), n * 2, len(s) > n }" % res("string", "int", "bool"))
    fn.emit("fwd := func(a, b, c int) %s { return rot(a, b, c) }" % res("int", "int", "int"))
    fn.emit("sum3 := func(a, b, c int) int { return a*100 + b*10 + c }")
    a, b, c = rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)
    fn.emit("x, y, z := rot(%d, %d, %d)" % (a, b, c))
    fn.emit('fmt.Println(%s, x, y, z, sum3(rot(x, y, z)), sum3(fwd(z, y, x)))' % fn.label("rot"))
    fn.emit("x, y, z = rot(z, x, y)")
    fn.emit("arr := []int{0, 0, 0}")
    fn.emit("arr[0], _, arr[2] = fwd(x, y, z)")
    fn.emit('fmt.Println(%s, x, y, z, arr)' % fn.label("assign"))
    fn.emit('s, n, ok := mix(%d, %s)' % (rng.randint(0, 9), rng.choice(STRINGS)))
    fn.emit('fmt.Printf("%%s %%q %%d %%v\\n", %s, s, n, ok)' % fn.label("mix"))
    fn.emit('fmt.Println(mix(%d, %s))' % (rng.randint(0, 9), rng.choice(STRINGS)))
    fn.emit("counted := func(k int) (n int, err error) {")
    fn.emit("\tdefer func() { if err != nil { n = -n } }()")
    fn.emit("\tfor i := 0; i < k; i++ { n += i }")
    fn.emit('\tif k%2 == 1 { err = fmt.Errorf("odd %d", k) }')
    fn.emit("\treturn n * 2, err")
    fn.emit("}")
    fn.open("for k := 0; k < %d; k++ {" % rng.randint(1, 6))
    fn.emit("n, err := counted(k)")
    fn.emit('fmt.Println(%s, k, n, err)' % fn.label("named"))
    fn.close()
    fn.emit("m := map[string]int{}")
    fn.emit('m["a"], m["b"] = %d, %d' % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit('m["a"], m["b"] = m["b"], m["a"]')
    fn.emit('v, ok2 := m["a"]')
    fn.emit("var iface interface{} = v")
    fn.emit("got, isInt := iface.(int)")
    fn.emit('fmt.Println(%s, m, v, ok2, got, isInt)' % fn.label("commaok"))
    fn.emit("ch := make(chan Point, 1)")
    fn.emit("ch <- Point{%d, %d}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("pt, open := <-ch")
    fn.emit('fmt.Println(%s, pt, open)' % fn.label("recv"))


def t_alias(fn):
    """Aliasing that Go defines: appends within a known capacity share the array, copies of
    arrays and structs do not, range copies its value, string and []byte conversions copy."""
    rng = fn.rng
    n = rng.randint(0, 4)
    fn.emit("a := make([]int, %d, %d)" % (n, n + rng.randint(2, 5)))
    fn.emit("b := append(a, %d)" % rng.randint(0, 9))
    fn.emit("c := append(a, %d) // same array as b: b's new element changes" % rng.randint(10, 19))
    fn.emit('fmt.Println(%s, a, b, c, len(a), len(b), cap(b) == cap(a))' % fn.label("append"))
    fn.emit("pts := []Point{{1, 2}, {3, 4}, {5, 6}}")
    fn.emit("for _, p := range pts { p.X = 100 } // a copy")
    fn.emit("for i := range pts { pts[i].Y *= %d }" % rng.randint(-3, 3))
    fn.emit("q := &pts[%d]" % rng.randint(0, 2))
    fn.emit("q.Scale(%d)" % rng.randint(-2, 3))
    fn.emit('fmt.Println(%s, pts, *q)' % fn.label("range"))
    fn.emit("type holder struct { arr [3]int; sl []int; m map[string]int; p *Point }")
    fn.emit('h1 := holder{[3]int{1, 2, 3}, []int{1, 2, 3}, map[string]int{"k": 1}, &Point{1, 1}}')
    fn.emit("h2 := h1")
    fn.emit("h2.arr[0] = %d" % rng.randint(10, 99))
    fn.emit("h2.sl[0] = %d" % rng.randint(10, 99))
    fn.emit('h2.m["k"] = %d' % rng.randint(10, 99))
    fn.emit("h2.p.X = %d" % rng.randint(10, 99))
    fn.emit('fmt.Println(%s, h1.arr, h1.sl, h1.m, *h1.p, h2.arr, h2.sl, h2.m, *h2.p)' % fn.label("holder"))
    fn.emit("str := %s" % rng.choice(STRINGS))
    fn.emit("bs := []byte(str)")
    fn.emit("if len(bs) > 0 { bs[0] = 'X' }")
    fn.emit("rs := []rune(str)")
    fn.emit("if len(rs) > 0 { rs[len(rs)-1] = 'Ω' }")
    fn.emit('fmt.Printf("%%s %%q %%q %%q\\n", %s, str, bs, string(rs))' % fn.label("convcopy"))
    fn.emit("grid := [2][]int{{1, 2}, {3}}")
    fn.emit("g2 := grid")
    fn.emit("g2[0][0] = %d" % rng.randint(10, 99))
    fn.emit("g2[1] = append(g2[1], 4)")
    fn.emit('fmt.Println(%s, grid, g2)' % fn.label("arrayofslices"))
    fn.emit("ms := map[string][]int{}")
    fn.emit('ms["a"] = append(ms["a"], 1, 2)')
    fn.emit('ms["a"][0] = %d' % rng.randint(10, 99))
    fn.emit("mp := map[string]Point{\"p\": {1, 2}}")
    fn.emit('pv := mp["p"]')
    fn.emit("pv.X = %d" % rng.randint(10, 99))
    fn.emit('fmt.Println(%s, ms, mp, pv)' % fn.label("mapvalues"))
    fn.emit("del := map[int]bool{1: true, 2: true, 3: false, 4: true}")
    fn.emit("for k := range del { if k%2 == 0 { delete(del, k) } } // deleting while ranging is defined")
    fn.emit('fmt.Println(%s, del, len(del))' % fn.label("delete"))
    fn.emit("sl := []int{%s}" % ", ".join(str(rng.randint(0, 9)) for _ in range(6)))
    fn.emit("copy(sl[%d:], sl)" % rng.randint(0, 5))
    lo = rng.randint(0, 2)
    fn.emit("sl2 := sl[%d:%d]" % (lo, rng.randint(lo + 2, 6)))
    fn.emit("sl2 = append(sl2[:1], sl2[2:]...)")
    fn.emit('fmt.Println(%s, sl, sl2)' % fn.label("shift"))



def t_types(fn):
    """Methods on slice, map and func types, nil receivers, generic types with methods, type
    parameters in type switches, interface method values, promoted interface methods, fmt
    calling String on exported fields only."""
    rng = fn.rng
    vals = ", ".join(str(rng.randint(-9, 9)) for _ in range(rng.randint(0, 6)))
    fn.emit("l := IntList{%s}" % vals)
    fn.emit("sort.Sort(l)")
    fn.emit('fmt.Println(%s, l, sort.IsSorted(l), l.Len())' % fn.label("sortiface"))
    fn.emit("c := Counter{}")
    for k in rng.sample("abcab", rng.randint(1, 5)):
        fn.emit('c.Add("%s")' % k)
    fn.emit('fmt.Println(%s, c, len(c))' % fn.label("mapmethod"))
    fn.emit("var o Op = func(x int) int { return x*%d + %d }" % (rng.randint(-3, 3), rng.randint(-3, 3)))
    fn.emit('fmt.Println(%s, o.Twice(%d), Op.Twice(o, 1))' % (fn.label("funcmethod"), rng.randint(-9, 9)))
    fn.emit("var lst *List")
    fn.emit("for k := 1; k <= %d; k++ { lst = &List{k * k, lst} }" % rng.randint(0, 6))
    fn.emit('fmt.Println(%s, lst.Sum(), lst == nil)' % fn.label("nilreceiver"))
    t = rng.choice(["int", "float64", "Celsius", "uint8"])
    if t == "uint8":
        t = "int"
    fn.emit("v := &Vec[%s]{}" % t)
    for _ in range(rng.randint(0, 4)):
        fn.emit("v.Push(%d)" % rng.randint(-50, 50))
    fn.emit("v.Push(1).Push(2)")
    fn.emit('fmt.Println(%s, v.Total(), len(v.xs), Vec[%s]{}.Total())' % (fn.label("generictype"), t))
    fn.emit('fmt.Println(%s, JoinStrings([]Code{%s}), KindOf(%s), KindOf(%s))'
            % (fn.label("constraints"), ", ".join(str(rng.randint(-9, 9)) for _ in range(rng.randint(0, 3))),
               rng.choice(IFACE_VALUES[:4]), rng.choice(["[]int{}", "Point{}", "Code(1)", "&Square{}", "int8(1)"])))
    fn.emit("var sh Shape = Rect{%d, %d}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("area := sh.Area // the method value keeps the value sh holds now")
    fn.emit("sh = &Square{%d}" % rng.randint(0, 9))
    fn.emit('fmt.Println(%s, area(), sh.Area())' % fn.label("ifacemethodvalue"))
    if "embedded_interface" not in KNOWN:
        fn.emit('w := Wrapped{Rect{%d, %d}, "w"}' % (rng.randint(0, 9), rng.randint(0, 9)))
        fn.emit("var ws Shape = w")
        fn.emit('fmt.Println(%s, w.Area(), ws.Kind(), w)' % fn.label("embeddediface"))
    fn.emit("out := Outer{%d, %d, [2]Code{%d, %d}}" % tuple(rng.randint(-9, 9) for _ in range(4)))
    fn.emit('fmt.Printf("%%s %%v %%+v %%d\\n", %s, out, out, out)' % fn.label("fieldstringer"))
    fn.emit('fmt.Println(%s, logf("%%d-%%s", %d, %s), logf("none"), logf("%%v", []interface{}{1, "a"}...))'
            % (fn.label("variadicforward"), rng.randint(0, 9), rng.choice(STRINGS)))
    fn.emit("x := %d" % rng.randint(0, 9))
    fn.open("{")
    fn.emit("x := x * 2 // shadows")
    fn.emit("x++")
    fn.emit('fmt.Println(%s, x)' % fn.label("inner"))
    fn.close()
    fn.open("switch y := x * %d; {" % rng.randint(1, 3))
    fn.emit('case y > 10:\n\tfmt.Println(%s, "big", y)' % fn.label("switchinit"))
    fn.emit('case y > 5:\n\tfmt.Println(%s, "mid", y)\n\tfallthrough' % fn.label("switchinit"))
    fn.emit('default:\n\tfmt.Println(%s, "small", y)' % fn.label("switchinit"))
    fn.close()
    fn.emit('fmt.Println(%s, x)' % fn.label("outer"))



def t_churn(fn):
    """Many operations driven by a generator inside the program (an LCG: deterministic, and
    unlike anything the template spells out), ending in checksums: map growth and shrinking with
    deletes and re-inserts, slices appended and cut, strings built, pointers kept and dropped
    while the collector runs."""
    rng = fn.rng
    ops = rng.choice([500, 2000, 10000, 30000])
    keys = rng.choice([16, 200, 5000, 100000])
    fn.emit("seed := uint32(%d)" % rng.randint(1, 1 << 31))
    fn.emit("next := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }")
    kind = rng.randint(0, 3)
    if kind == 0:
        kt, vt = rng.choice([("int", "int"), ("string", "int"), ("int64", "string"), ("Point", "int"), ("[2]int", "[]int"), ("interface{}", "int")])
        key = {"int": "next(%d)" % keys, "string": "strconv.Itoa(next(%d))" % keys, "int64": "int64(next(%d)) << 33" % keys,
               "Point": "Point{next(%d), next(3)}" % keys, "[2]int": "[2]int{next(%d), 1}" % keys,
               "interface{}": "func() interface{} { if next(2) == 0 { return next(%d) }; return strconv.Itoa(next(%d)) }()" % (keys, keys)}[kt]
        val = {"int": "next(1000)", "string": "strings.Repeat(\"x\", next(5))", "[]int": "make([]int, next(4))"}[vt]
        fn.emit("m := map[%s]%s{}" % (kt, vt))
        fn.emit("hits, sum := 0, 0")
        fn.open("for i := 0; i < %d; i++ {" % ops)
        fn.open("switch next(%d) {" % rng.choice([3, 4, 6]))
        fn.emit("case 0, 3:\n\tm[%s] = %s" % (key, val))
        fn.emit("case 1:\n\tdelete(m, %s)" % key)
        fn.emit("case 2:\n\tif v, ok := m[%s]; ok { hits++; sum += len(fmt.Sprint(v)) }" % key)
        fn.emit("default:\n\tsum += len(m)")
        fn.close()
        fn.close()
        fn.emit("total := 0")
        fn.emit("for k, v := range m { total += len(fmt.Sprint(k)) + len(fmt.Sprint(v)) }")
        fn.emit('fmt.Println(%s, len(m), hits, sum, total)' % fn.label("map"))
    elif kind == 1:
        fn.emit("var s []int")
        fn.emit("sum := 0")
        fn.open("for i := 0; i < %d; i++ {" % ops)
        fn.open("switch next(5) {")
        fn.emit("case 0, 1:\n\ts = append(s, next(100))")
        fn.emit("case 2:\n\tif len(s) > 0 { k := next(len(s)); s = append(s[:k], s[k+1:]...) }")
        fn.emit("case 3:\n\tif len(s) > 1 { a, b := next(len(s)), next(len(s)); if a > b { a, b = b, a }; t := make([]int, b-a); copy(t, s[a:b]); s = append(s, t...) }")
        fn.emit("case 4:\n\tif len(s) > 0 { sum += s[next(len(s))] }")
        fn.close()
        fn.emit("if len(s) > %d { s = s[len(s)/2:] }" % rng.choice([50, 1000, 20000]))
        fn.close()
        fn.emit("for _, v := range s { sum = sum*31 + v }")
        fn.emit('fmt.Println(%s, len(s), sum)' % fn.label("slice"))
    elif kind == 2:
        fn.emit("var b strings.Builder")
        fn.emit("words := []string{}")
        fn.open("for i := 0; i < %d; i++ {" % (ops // 10 + 1))
        fn.emit("w := strconv.FormatInt(int64(next(1<<20)), 36)")
        fn.emit("if next(3) == 0 { w = strings.ToUpper(w) + \"é\" }")
        fn.emit("words = append(words, w)")
        fn.emit("b.WriteString(w)")
        fn.close()
        fn.emit("sort.Strings(words)")
        fn.emit("joined := strings.Join(words, \",\")")
        fn.emit("h := 0")
        fn.emit("for _, r := range b.String() + joined { h = h*131 + int(r) }")
        fn.emit('fmt.Println(%s, len(words), b.Len(), len(joined), h, words[0], words[len(words)-1])' % fn.label("strings"))
    else:
        fn.emit("type node struct { v int; next *node; data []byte }")
        fn.emit("keep := make([]*node, %d)" % rng.choice([1, 10, 100]))
        fn.open("for i := 0; i < %d; i++ {" % ops)
        fn.emit("n := &node{v: next(1000), data: make([]byte, next(64))}")
        fn.emit("k := next(len(keep))")
        fn.emit("if next(2) == 0 { n.next = keep[k] }")
        fn.emit("keep[k] = n")
        fn.close()
        fn.emit("total, count := 0, 0")
        fn.open("for _, n := range keep {")
        fn.emit("for ; n != nil && count < 1000000; n = n.next { total += n.v + len(n.data); count++ }")
        fn.close()
        fn.emit('fmt.Println(%s, total, count)' % fn.label("graph"))


TEMPLATES = [(t_arith, 4), (t_flow, 4), (t_float, 2), (t_strings, 2), (t_closures, 1),
             (t_slices, 2), (t_arrays, 1), (t_maps, 2), (t_structs, 1), (t_interfaces, 2),
             (t_defer, 1), (t_panics, 3), (t_goroutines, 3), (t_generics, 1), (t_fmt, 3),
             (t_funcs, 1), (t_library, 2), (t_handoff, 2), (t_const, 2), (t_order, 3),
             (t_multi, 2), (t_alias, 2), (t_types, 2), (t_churn, 2)]


def tail(rng):
    """The program's last act, sometimes: a panic nobody recovers (exit status 2, the message
    compared), or os.Exit with a status of its own."""
    r = rng.random()
    if r < 0.75:
        return None
    if r < 0.8:
        return "os.Exit(%d)" % rng.randint(0, 5)
    if r < 0.84:
        # main blocks; another goroutine's panic ends the program
        return "go func() {\n\tpanic(fmt.Sprint(\"in a goroutine \", %d))\n}()\nselect {}" % rng.randint(0, 9)
    if r < 0.87:
        return "ch := make(chan int)\nfmt.Println(\"about to deadlock\")\n<-ch"
    if r < 0.89:
        return rng.choice([
            "var wg sync.WaitGroup\nwg.Add(1)\nwg.Wait()",
            "var wg sync.WaitGroup\nwg.Done()",
            "var mu sync.Mutex\nmu.Unlock()",
            "var mu sync.RWMutex\nmu.RUnlock()",
            "var mu sync.Mutex\nmu.Lock()\ngo func() { mu.Lock() }()\nmu.Lock()",
            "ch := make(chan int)\ngo func() { ch <- 1 }()\n<-ch\n<-ch",
            "runtime.Goexit()",
            "select {}",
        ])
    name, body = rng.choice(panics())
    return "func() {\n\t%s\n}()" % (body % {"n": rng.randint(0, 9)}).replace("\n\t", "\n\t\t")


def generate(seed, count, only, with_tail):
    args = "%d --functions %d" % (seed, count)
    if only is not None:
        args += " --only " + ",".join(str(i) for i in sorted(only))
    if not with_tail:
        args += " --no-tail"
    out = ["// Generated by tests/difftest/gen.py %s\n" % args + PRELUDE]
    calls = []
    choices = [t for t, w in TEMPLATES for _ in range(w)]
    for i in range(count):
        if only is not None and i not in only:
            continue
        rng = random.Random("%d/%d" % (seed, i))
        template = rng.choice(choices)
        fn = Func(rng, "t%d" % i)
        template(fn)
        out.append("// %s\n%s" % (template.__name__, fn.text()))
        calls.append("\tt%d()" % i)
    main = ["func main() {", "\t_ = sink"] + calls
    if with_tail:
        last = tail(random.Random("%d/tail" % seed))
        if last:
            main.append("\t" + last.replace("\n", "\n\t"))
    main.append("}")
    out.append("\n".join(main) + "\n")
    return "\n".join(out)


def main(argv):
    seed, count, only, with_tail = None, 30, None, True
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--functions":
            count = int(argv[i + 1]); i += 1
        elif a == "--only":
            only = set(int(x) for x in argv[i + 1].split(",") if x); i += 1
        elif a == "--no-tail":
            with_tail = False
        elif seed is None:
            seed = int(a)
        else:
            sys.stderr.write("gen.py: unexpected argument %s\n" % a)
            return 2
        i += 1
    if seed is None:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    sys.stdout.write(generate(seed, count, only, with_tail))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
