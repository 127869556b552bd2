// Generic functions: inference from arguments (including through named slice and map types
// and function arguments), explicit instantiation, type sets with ~, comparable, method
// constraints, generic functions calling each other and themselves, closures over values of
// type-parameter type, and instances kept apart per type argument.
package main

import (
	"fmt"
	"sort"
	"strconv"
)

type Number interface {
	~int | ~int32 | ~int64 | ~float64
}

type Celsius float64

type Scores []int

type Stringer interface {
	String() string
}

type Point struct{ X, Y int }

func (p Point) String() string { return "(" + strconv.Itoa(p.X) + "," + strconv.Itoa(p.Y) + ")" }

func Sum[T Number](xs ...T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
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

func SortedKeys[M ~map[K]V, K interface{ ~string | ~int }, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

func Count[T comparable](xs []T, v T) int {
	n := 0
	for _, x := range xs {
		if x == v {
			n++
		}
	}
	return n
}

func Join[T Stringer](xs []T, sep string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += sep
		}
		s += x.String()
	}
	return s
}

func Pow[T Number](x T, n int) T {
	if n == 0 {
		return 1
	}
	return x * Pow(x, n-1)
}

func Counter[T any]() (func(T), func() []T) {
	var seen []T
	return func(v T) { seen = append(seen, v) }, func() []T { return seen }
}

func Zero[T any]() T {
	var z T
	return z
}

func Describe[T any](v T) string {
	return fmt.Sprintf("%T=%v", v, v)
}

func Pair[K comparable, V any](k K, v V) map[K]V {
	return map[K]V{k: v}
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[int64](), Sum(Celsius(20), 1.5))
	fmt.Printf("%T %T\n", Sum(Celsius(1)), Sum[int32](1, 2))

	words := Map([]int{1, 2, 3}, func(i int) string { return strconv.Itoa(i * i) })
	fmt.Println(words, len(words))
	fmt.Println(Map(words, func(s string) int { n, _ := strconv.Atoi(s); return n + 1 }))

	evens := Filter(Scores{1, 2, 3, 4, 5, 6}, func(v int) bool { return v%2 == 0 })
	fmt.Printf("%v %T\n", evens, evens)

	total := Reduce([]string{"a", "bb", "ccc"}, 0, func(n int, s string) int { return n + len(s) })
	fmt.Println(total)

	fmt.Println(SortedKeys(map[string]bool{"b": true, "a": false, "c": true}))
	fmt.Println(SortedKeys(map[int]string{3: "c", 1: "a", 2: "b"}))

	fmt.Println(Count([]string{"x", "y", "x"}, "x"), Count([]Point{{1, 2}, {1, 2}, {2, 1}}, Point{1, 2}))
	fmt.Println(Join([]Point{{1, 2}, {3, 4}}, " -> "))
	fmt.Println(Pow(2, 10), Pow(1.5, 2))

	add, all := Counter[string]()
	add("a")
	add("b")
	addInt, allInts := Counter[int]()
	addInt(7)
	fmt.Println(all(), allInts())

	fmt.Printf("%q %v %v %v\n", Zero[string](), Zero[int](), Zero[*Point]() == nil, Zero[[]int]() == nil)
	fmt.Println(Describe(3), Describe("s"), Describe(Point{1, 2}), Describe([]float64{0.5}))
	fmt.Println(Pair("k", 1), Pair(1, []string{"v"}))

	sum := Sum[float64]
	fmt.Println(sum(0.25, 0.5))
	apply := Map[Point, string]
	fmt.Println(apply([]Point{{0, 0}}, Point.String))
}
