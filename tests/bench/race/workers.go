// Goroutine-heavy and synchronisation-heavy, race-free: 10,000 goroutines in waves; each sums its
// own slice, sends the sum on a channel, and updates a shared histogram under a mutex; a
// WaitGroup waits for each wave. What the race detector pays for: many short-lived goroutines
// (vector clocks), many releases and acquires, and shared memory touched under a lock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const waves, perWave, size = 100, 100, 2000
	var mu sync.Mutex
	hist := make(map[int]int)
	total := 0
	for w := 0; w < waves; w++ {
		results := make(chan int, perWave)
		var wg sync.WaitGroup
		for g := 0; g < perWave; g++ {
			wg.Add(1)
			go func(seed int) {
				defer wg.Done()
				data := make([]int, size)
				for i := range data {
					data[i] = (seed*31 + i*17) % 1000
				}
				sum := 0
				for _, v := range data {
					sum += v
				}
				mu.Lock()
				hist[sum%10]++
				mu.Unlock()
				results <- sum
			}(w*perWave + g)
		}
		wg.Wait()
		close(results)
		for s := range results {
			total += s
		}
	}
	fmt.Println(total, len(hist))
}
