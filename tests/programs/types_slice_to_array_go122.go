// gopark: go1.22
// Slices to arrays and array pointers (Go 1.17 and 1.20): the pointer shares the slice's elements,
// the array is a copy, and a slice shorter than the array panics. (difftest finding 001: gopark
// did not check the length, and the pointer pointed at the slice header.)
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "recovered:", r)
		}
	}()
	f()
}

func main() {
	s := []int{1, 2, 3, 4}
	p := (*[3]int)(s)
	p[0] = 10
	fmt.Println(len(p), *p, s)
	a := [2]int(s[1:])
	a[0] = 99
	fmt.Println(a, s)
	var e []int
	fmt.Println((*[0]int)(e) == nil, [0]int(e))
	try("short ptr", func() { _ = (*[5]int)(s) })
	try("short array", func() { _ = [5]int(s[:2]) })
	type A [2]string
	b := A([]string{"x", "y", "z"})
	fmt.Println(b)
}
