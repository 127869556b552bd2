// gopark: go1.22
// Builtins min, max (Go 1.21) and clear.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(5), max(-1, -2))
	x, y := 10, 20
	fmt.Println(min(x, y), max(x, y), min(x, 15, y), max(x, 15))
	fmt.Println(min(1.5, 2), max(2.5, 1), min(3, 2.5))
	fmt.Println(min("banana", "apple", "cherry"), max("banana", "apple", "cherry"), min("", "a"))
	var f float64 = math.NaN()
	fmt.Println(min(f, 1), max(1, f), min(1.0, math.Inf(-1)), max(1.0, math.Inf(1)))
	var a, b uint8 = 200, 100
	fmt.Printf("%v %T\n", max(a, b), max(a, b))
	const c = min(1, 2.5)
	fmt.Printf("%v %T\n", c, c)
	fmt.Println(min(0.0, -0.0), max(-0.0, 0.0))

	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	fmt.Println(m, len(m))
	m["c"] = 3
	fmt.Println(m)
	s := []int{1, 2, 3, 4}
	t := s[1:3]
	clear(t)
	fmt.Println(s, len(t), cap(t))
	clear(s)
	fmt.Println(s, len(s))
	strs := []string{"x", "y"}
	clear(strs)
	fmt.Printf("%q\n", strs)
	var nilm map[int]int
	clear(nilm)
	var nils []int
	clear(nils)
	fmt.Println(nilm, nils)
	type P struct{ X int }
	ps := []*P{{1}, {2}}
	clear(ps)
	fmt.Println(ps[0] == nil, ps[1] == nil)
}
