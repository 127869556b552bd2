// gopark: go1.22
// sync.WaitGroup.Go (Go 1.25) starts a goroutine tracked by the WaitGroup.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	results := make([]int, 5)
	total := 0
	for i := range 5 {
		wg.Go(func() {
			results[i] = i * i
			mu.Lock()
			total += i
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(results, total)

	// Go can be mixed with Add/Done
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		total += 100
		mu.Unlock()
	}()
	wg.Go(func() {
		mu.Lock()
		total += 1000
		mu.Unlock()
	})
	wg.Wait()
	fmt.Println(total)
}
