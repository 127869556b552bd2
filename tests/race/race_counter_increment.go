// Several goroutines increment one counter without a lock. n++ reads n and writes it back, and
// nothing orders one worker's increments before another's: the WaitGroup makes main wait for
// all of them, but it does not order the workers among themselves.
package main

import (
	"fmt"
	"sync"
)

func main() {
	n := 0
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				n++ // DATA RACE: every worker reads and writes n
			}
		}()
	}
	wg.Wait()
	// After Wait, main sees at least one increment; how many were lost varies.
	fmt.Println("counter is positive:", n > 0)
}
