// Example: A lost update that real hardware almost never shows
// Row: 7
// Watch: two goroutines each add 1 to a shared counter, once, without a lock. `n++` is three
// steps: load n, add 1, store n. If one goroutine loads n between the other's load and store,
// both store 1 and an update is lost. Real threads hit that window of a few nanoseconds so rarely
// that `go run` prints 2 a thousand times in a row, and the bug ships. In simulated mode a
// goroutine can be switched out after any instruction: `gopark explore` (or Run ×N in simulated
// mode) finds the schedule that loses the update in well under a second and gives its seed; run
// that seed and step through it to see the two loads happen before either store.
//
// gopark: nondeterministic
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n++ // load, add, store: not one step
		}()
	}
	wg.Wait()
	if n == 2 {
		fmt.Println("counter = 2: both updates arrived")
	} else {
		fmt.Println("counter =", n, "an update was lost")
	}
}
