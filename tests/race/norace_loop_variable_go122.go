// gopark: go119-race
// Goroutines capture the loop variable of a `for i := ...` loop. Since Go 1.22 each iteration
// has its own i, so there is no race, and that is what gopark implements (<name>.race is
// empty). Go 1.19 had one i for the whole loop, which the loop's i++ writes while the
// goroutines read it: Go 1.19's -race reports that pair (<name>.go119.race). The fix that
// works in every version is a per-iteration copy: norace_per_iteration_copy.go.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var started atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ { // Go 1.19: i++ writes the one shared i
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i >= 0 { // Go 1.19: reads the shared i
				started.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("goroutines done:", started.Load())
}
