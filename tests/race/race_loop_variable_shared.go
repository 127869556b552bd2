// The loop variable is declared before the loop, so all goroutines capture the same variable
// (in every Go version): the loop's i++ writes it while the goroutines read it. With
// `for i := 0; ...` the same mistake races only before Go 1.22, which gave each iteration its
// own variable: see norace_loop_variable_go122.go.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var sum atomic.Int64
	var wg sync.WaitGroup
	var i int
	for i = 0; i < 3; i++ { // DATA RACE: i++ writes the variable the goroutines read
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum.Add(int64(i)) // DATA RACE: reads the shared i
		}()
	}
	wg.Wait()
	// The sum depends on when each goroutine read i: only print that all of them ran.
	fmt.Println("goroutines done; sum in range:", sum.Load() >= 0 && sum.Load() <= 9)
}
