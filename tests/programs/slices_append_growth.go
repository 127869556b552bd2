// append: growth of capacity (heap-allocated slices), append of many, aliasing.
package main

import "fmt"

var sink [][]int
var bsink []byte

func main() {
	var s []int
	prev := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != prev {
			fmt.Print(cap(s), " ")
			prev = cap(s)
		}
	}
	fmt.Println()
	sink = append(sink, s)
	fmt.Println(len(s), s[1999])

	var b []byte
	prev = -1
	for i := 0; i < 300; i++ {
		b = append(b, 'x')
		if cap(b) != prev {
			fmt.Print(cap(b), " ")
			prev = cap(b)
		}
	}
	fmt.Println()
	bsink = b
	fmt.Println(len(b), string(b[:3]))

	// appending several elements at once
	a := append([]int(nil), 1, 2, 3)
	fmt.Println(a, len(a), cap(a))
	a = append(a, 4)
	fmt.Println(a, len(a), cap(a))
	a = append(a, 5, 6, 7, 8, 9)
	fmt.Println(a, len(a), cap(a))
	c := append([]int{}, a...)
	fmt.Println(c, len(c), cap(c))
	str := append([]byte("hello "), "world"...)
	fmt.Println(string(str), len(str))

	// aliasing: appends within capacity share the array
	base := make([]int, 3, 4)
	p := append(base, 1)
	q := append(base, 2)
	fmt.Println(p, q, p[3] == q[3])
	// beyond capacity a new array is allocated
	r := append(p, 5)
	r[0] = 42
	fmt.Println(p, r)
	sink = append(sink, base, p, q, r, a, c)

	// append to nil slice
	var n []string
	n = append(n, "a")
	fmt.Println(n, len(n), cap(n))
	n = append(n, n...)
	n = append(n, n...)
	fmt.Println(n, len(n), cap(n))
}
