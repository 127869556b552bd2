// gopark: go1.22
// Range over functions (Go 1.23 iterators): break, continue, return from inside the body,
// labeled branches out of nested iterator loops, per-iteration variables captured by closures,
// iterators from maps, slices and a generic type's method. Expected output derived by hand.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  stopped at", i)
				return
			}
		}
	}
}

func find(xs []string, want string) (int, bool) {
	for i, x := range slices.All(xs) {
		if x == want {
			return i, true
		}
	}
	return -1, false
}

func firstEven() (n int) {
	for v := range Count(100) {
		if v > 0 && v%2 == 0 {
			return v
		}
	}
	return -1
}

type List[T any] struct {
	items []T
}

func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, v := range l.items {
			if !yield(v) {
				return
			}
		}
	}
}

func main() {
	for i := range Count(3) {
		fmt.Println("i =", i)
	}
	for i := range Count(10) {
		if i == 2 {
			continue
		}
		if i == 4 {
			break
		}
		fmt.Println("j =", i)
	}
	fmt.Println(find([]string{"a", "b", "c"}, "b"))
	fmt.Println(find([]string{"a"}, "z"))
	fmt.Println(firstEven())
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Print(k, " ")
	}
	fmt.Println()
	sum := 0
	for _, v := range maps.All(m) {
		sum += v
	}
	fmt.Println("sum", sum)
outer:
	for i := range Count(3) {
		for j := range Count(3) {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	var funcs []func() int
	for i := range Count(3) {
		funcs = append(funcs, func() int { return i * 10 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	l := &List[string]{items: []string{"p", "q"}}
	for v := range l.All() {
		fmt.Println("item", v)
	}
	n := 0
	for range Count(5) {
		n++
	}
	fmt.Println("n", n)
	for i, s := range slices.Backward([]string{"a", "b"}) {
		fmt.Println(i, s)
	}
}
