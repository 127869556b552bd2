// Two goroutines write different fields of one struct, and different elements of one array:
// each field and each element is its own memory location, so there is no race, even for small
// fields that share a machine word.
package main

import (
	"fmt"
	"sync"
)

type pair struct {
	left, right int
	a, b        bool  // neighbours in one word
	lo, hi      int16 // likewise
}

func main() {
	var p pair
	var grid [2][4]int32
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		p.left, p.a, p.lo = 1, true, -1
		for i := range grid[0] {
			grid[0][i] = int32(i)
		}
	}()
	go func() {
		defer wg.Done()
		p.right, p.b, p.hi = 2, true, 1
		for i := range grid[1] {
			grid[1][i] = int32(10 * i)
		}
	}()
	wg.Wait()
	fmt.Println(p, grid)
}
