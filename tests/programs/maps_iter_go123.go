// gopark: go1.22
// maps.Keys and maps.Values return iterators (Go 1.23); slices.Sorted and slices.Collect consume them.
package main

import (
	"fmt"
	"iter"
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
	fmt.Printf("%T %T\n", maps.Keys(m), slices.All([]string{}))
	// An iterator is a function: calling it with a yield function is the long form of a range.
	maps.All(map[string]int{"x": 1})(func(k string, v int) bool {
		fmt.Println(k, v)
		return true
	})
	var evens iter.Seq[int] = func(yield func(int) bool) {
		for i := 0; i < 10; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
	fmt.Println(slices.Collect(evens))
}
