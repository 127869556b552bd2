// gopark: nondeterministic
package main

import (
	"fmt"
	"strconv"
	"strings"
)

type T struct {
	A, B int
}

// Addresses as fmt, println and panics show them: in Go's heap range, the same for the same
// pointer, different for different ones, and (in sim mode) the same every run.
func main() {
	x, y := 1, 2
	p, q := &x, &y
	t := &T{1, 2}
	ch := make(chan int)
	m := map[int]int{1: 1}
	s := make([]int, 3)
	fmt.Printf("%p %v\n", p, p)
	fmt.Printf("%p\n", q)
	fmt.Println(ch)
	fmt.Printf("%p %p %p\n", m, s, &s[1])
	fmt.Printf("%p %p\n", t, &t.B)
	println(p)
	var i interface{} = p
	println(i)
	fmt.Println(fmt.Sprintf("%p", p) == fmt.Sprintf("%p", p), fmt.Sprintf("%p", p) != fmt.Sprintf("%p", q))
	a, b := fmt.Sprintf("%p", &s[0]), fmt.Sprintf("%p", &s[1])
	fmt.Println(a != b, strings.HasPrefix(a, "0xc"))
	u, v := fmt.Sprintf("%p", t), fmt.Sprintf("%p", &t.B)
	du, _ := strconv.ParseUint(u[2:], 16, 64)
	dv, _ := strconv.ParseUint(v[2:], 16, 64)
	fmt.Println(dv-du == 8)
	defer func() {
		fmt.Println(recover() != nil)
	}()
	panic(p)
}
