// No data race, still a bug: a Load followed by a separate Store may lose updates, but every
// access is atomic, so the detector (Go's and gopark's) reports nothing. The race detector
// finds data races, not every concurrency mistake.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var visits atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				v := visits.Load()
				visits.Store(v + 1) // should be visits.Add(1)
			}
		}()
	}
	wg.Wait()
	n := visits.Load()
	fmt.Println("between 1 and 400:", n >= 1 && n <= 400) // lost updates: any number, even below 100
}
