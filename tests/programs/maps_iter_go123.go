// gopark: go1.22
// maps.Keys and maps.Values return iterators (Go 1.23); slices.Sorted and slices.Collect consume them.
package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"banana": 3, "apple": 1, "cherry": 2}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	vals := slices.Sorted(maps.Values(m))
	fmt.Println(vals)
	all := slices.Collect(maps.Keys(m))
	fmt.Println(len(all))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Print(k, "=", m[k], " ")
	}
	fmt.Println()
	fmt.Println(slices.Sorted(slices.Values([]int{3, 1, 2})))
}
