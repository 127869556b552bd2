// Example: A shared counter with a mutex
// Row: 7
// Watch: the lock panel: one goroutine holds the mutex, the others queue as its waiters
// (suspended, "sync.Mutex.Lock"), and ownership passes from one to the next. The result is
// exactly 1000000 in every mode and every run (Run ×N shows a single bar). A mutex is only
// advisory: it protects the counter because *every* goroutine takes it before touching it.
package main

import (
	"fmt"
	"sync"
)

const goroutines, increments = 4, 250000

func main() {
	counter := 0
	var mu sync.Mutex // guards counter
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < increments; i++ {
				mu.Lock() // one goroutine at a time past this point
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Printf("counter = %d, expected %d\n", counter, goroutines*increments)
}
