// Arrays: value semantics, comparison, literals, multi-dimensional.
package main

import "fmt"

type Grid [3][3]int

func modify(a [3]int) [3]int {
	a[0] = 100
	return a
}

func modifyPtr(a *[3]int) {
	a[0] = 100 // auto-dereference
}

func main() {
	var a [5]int
	fmt.Println(a, len(a), cap(a))
	b := [...]string{"x", "y", "z"}
	fmt.Println(b, len(b))
	c := [6]int{1: 10, 4: 40, 50}
	fmt.Println(c)

	d := [3]int{1, 2, 3}
	e := d // copy
	e[0] = 99
	fmt.Println(d, e, d == e, d == [3]int{1, 2, 3})
	f := modify(d)
	fmt.Println(d, f)
	modifyPtr(&d)
	fmt.Println(d)

	var g Grid
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			g[i][j] = i * j
		}
	}
	fmt.Println(g)
	fmt.Printf("%v %+v %T\n", g[2], g[1], g)

	// range over an array iterates over a copy
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println(arr)
	// range over a pointer to an array does not copy
	arr2 := [3]int{1, 2, 3}
	for i, v := range &arr2 {
		arr2[2] = 100
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println()

	p := &arr
	fmt.Println(len(p), p[1], *p)
	s := arr[:]
	s[0] = -1
	fmt.Println(arr, s)

	// arrays as map keys
	m := map[[2]int]string{{1, 2}: "a", {0, 5}: "b"}
	fmt.Println(m[[2]int{1, 2}], m)
	type Pt struct{ X, Y int }
	pts := [2]Pt{{1, 2}, {3, 4}}
	fmt.Println(pts)
	fmt.Printf("%v %T\n", [0]int{}, [0]int{})
}
