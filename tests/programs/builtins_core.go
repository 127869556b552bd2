// Builtins: len cap make new append copy delete close.
package main

import "fmt"

func main() {
	s := make([]int, 2, 5)
	fmt.Println(len(s), cap(s))
	str := "héllo"
	fmt.Println(len(str), len("abc"), len([3]int{}), len(map[int]int{1: 1, 2: 2}))
	var parr *[4]int
	fmt.Println(len(parr), cap(parr)) // constant: no dereference
	ch := make(chan int, 3)
	ch <- 1
	fmt.Println(len(ch), cap(ch))
	var nilch chan int
	var nils []int
	var nilm map[int]bool
	fmt.Println(len(nilch), cap(nilch), len(nils), cap(nils), len(nilm))

	m := make(map[string]int, 100) // size hint only
	m["a"] = 1
	fmt.Println(len(m))
	p := new(int)
	ps := new([]int)
	pm := new(map[string]int)
	fmt.Println(*p, *ps == nil, *pm == nil, len(*ps))
	type T struct {
		A int
		B string
	}
	pt := new(T)
	pt.A = 3
	fmt.Printf("%+v\n", *pt)

	s = append(s, 1, 2, 3)
	fmt.Println(s, len(s), cap(s))
	n := copy(s, []int{7, 8})
	fmt.Println(n, s)
	m["b"] = 2
	delete(m, "a")
	fmt.Println(m)
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok)
	bs := make([]byte, 0, 8)
	bs = append(bs, "abc"...)
	bs = append(bs, 'd')
	fmt.Println(string(bs), len(bs), cap(bs))
	z := make([]string, 3)
	fmt.Printf("%q\n", z)
	grid := make([][]int, 2)
	for i := range grid {
		grid[i] = make([]int, 3)
	}
	grid[1][2] = 5
	fmt.Println(grid)
	const c = len("constant")
	fmt.Println(c)
}
