// gopark: exit=1
// gopark: go119-err
package main

import "fmt"

type T struct{ A int }

func main() {
	t := T{1}
	m := map[string]int{}
	f := func() {}
	fmt.Println(t + t)
	fmt.Println(m == m)
	fmt.Println(f == f)
	s := []int{1}
	fmt.Println(s < s)
	fmt.Println(-"str")
}
