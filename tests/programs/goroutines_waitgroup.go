// Goroutines joined with a WaitGroup; results stored by index are deterministic.
package main

import (
	"fmt"
	"sync"
)

func square(n int) int { return n * n }

func main() {
	const N = 20
	results := make([]int, N)
	var wg sync.WaitGroup
	for i := 0; i < N; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = square(i)
		}(i)
	}
	wg.Wait()
	fmt.Println(results)

	// nested WaitGroups and goroutines starting goroutines
	var outer sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 4; i++ {
		outer.Add(1)
		go func(base int) {
			defer outer.Done()
			var inner sync.WaitGroup
			for j := 0; j < base; j++ {
				inner.Add(1)
				go func(v int) {
					defer inner.Done()
					mu.Lock()
					total += v
					mu.Unlock()
				}(base * 10)
			}
			inner.Wait()
		}(i)
	}
	outer.Wait()
	fmt.Println("total", total)

	// Add once for many goroutines
	var wg2 sync.WaitGroup
	wg2.Add(3)
	counts := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func(n int) {
			counts <- n
			wg2.Done()
		}(i)
	}
	wg2.Wait()
	close(counts)
	sum := 0
	for c := range counts {
		sum += c
	}
	fmt.Println("sum", sum)
	// Wait on a zero WaitGroup returns immediately
	var zero sync.WaitGroup
	zero.Wait()
	fmt.Println("done")
}
