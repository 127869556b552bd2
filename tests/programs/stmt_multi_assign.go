// Assignment: tuples, swaps, order of evaluation, op-assignment, blank identifier.
package main

import "fmt"

func two() (int, string) { return 1, "one" }

var calls []string

func idx(name string, i int) int {
	calls = append(calls, name)
	return i
}

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	x, y, z := 1, 2, 3
	x, y, z = z, x, y
	fmt.Println(x, y, z)

	// index expressions on the left are evaluated before assigning
	s := []int{10, 20, 30}
	i := 0
	i, s[i] = 1, 99
	fmt.Println(i, s)
	s[0], s[1], s[2] = s[2], s[0], s[1]
	fmt.Println(s)

	// operands are evaluated left to right
	arr := make([]int, 3)
	arr[idx("left", 0)], arr[idx("right", 1)] = idx("v1", 5), idx("v2", 6)
	fmt.Println(arr, calls)

	n, str := two()
	_, str2 := two()
	fmt.Println(n, str, str2)
	var m = map[string]int{}
	m["a"], m["b"] = 1, 2
	v, ok := m["a"]
	fmt.Println(m, v, ok)

	// := redeclares existing variables when at least one is new
	p, err := 1, error(nil)
	q, err := 2, fmt.Errorf("e")
	fmt.Println(p, q, err)

	// op-assignments
	k := 10
	k += 5
	k -= 3
	k *= 2
	k /= 4
	k %= 4
	k <<= 3
	k >>= 1
	k |= 1
	k &= 7
	k ^= 2
	k &^= 1
	fmt.Println(k)
	k++
	k--
	k--
	fmt.Println(k)
	str3 := "a"
	str3 += "b"
	fmt.Println(str3)
	f := 1.5
	f *= 2
	fmt.Println(f)

	// fibonacci with parallel assignment
	fa, fb := 0, 1
	for j := 0; j < 10; j++ {
		fa, fb = fb, fa+fb
	}
	fmt.Println(fa)
	var (
		g1, g2 = "g", 2
		g3     float32
	)
	fmt.Println(g1, g2, g3)
	type P struct{ A, B int }
	pp := P{1, 2}
	pp.A, pp.B = pp.B, pp.A
	fmt.Println(pp)
}
