// Example: A shared counter without a lock (a data race)
// Row: 7
// Watch: four goroutines increment one counter at the same time. `counter++` is three steps
// (read, add, write back): when two goroutines read the same old value in parallel, one update
// is lost. Run it with several Ps or in threads mode and use Run ×N: the histogram of results is
// spread out below 1000000. With 1 P or in coroutines mode there is no true parallelism, so
// updates are lost rarely or never. Compare with 07_counter_with_mutex.go.
//
// gopark: nondeterministic
package main

import (
	"fmt"
	"sync"
)

const goroutines, increments = 4, 250000

func main() {
	counter := 0
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < increments; i++ {
				counter++ // DATA RACE: nothing orders these read-modify-writes
			}
		}()
	}
	wg.Wait()
	want := goroutines * increments
	fmt.Printf("counter = %d, expected %d: %d updates lost\n", counter, want, want-counter)
}
