// `i := i` (or passing i as an argument) gives each goroutine its own variable, in every Go
// version: the goroutines read their copies while the loop writes only its own i.
package main

import (
	"fmt"
	"sync"
)

func main() {
	squares := make([]int, 4)
	cubes := make([]int, 4)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		i := i // the per-iteration copy
		wg.Add(2)
		go func() {
			defer wg.Done()
			squares[i] = i * i
		}()
		go func(k int) { // the argument is a copy too
			defer wg.Done()
			cubes[k] = k * k * k
		}(i)
	}
	wg.Wait()
	fmt.Println(squares, cubes)
}
