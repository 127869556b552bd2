// gopark: go1.22
// The maps package: Clone, Copy, Equal, EqualFunc, DeleteFunc (Go 1.21+).
package main

import (
	"fmt"
	"maps"
)

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	c := maps.Clone(m)
	c["d"] = 4
	fmt.Println(len(m), len(c), m, c)
	fmt.Println(maps.Equal(m, map[string]int{"c": 3, "b": 2, "a": 1}), maps.Equal(m, c))
	maps.DeleteFunc(c, func(k string, v int) bool { return v%2 == 0 })
	fmt.Println(c)
	dst := map[string]int{"a": 100, "z": 26}
	maps.Copy(dst, m)
	fmt.Println(dst)
	eq := maps.EqualFunc(map[string]int{"x": 1}, map[string]string{"x": "1"}, func(a int, b string) bool {
		return fmt.Sprint(a) == b
	})
	fmt.Println(eq)
	var nilMap map[string]int
	fmt.Println(maps.Clone(nilMap) == nil, maps.Equal(nilMap, map[string]int{}))
}
