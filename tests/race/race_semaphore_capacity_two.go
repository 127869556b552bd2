// A buffered channel used as a lock, but with capacity 2: two goroutines can hold a slot at the
// same time, so the "critical section" is not exclusive. (With capacity 1 it is a lock:
// norace_chan_semaphore.go.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 2) // should be 1 to protect balance
	balance := 100
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(delay time.Duration) {
			defer wg.Done()
			time.Sleep(delay)
			sem <- struct{}{} // acquire: never blocks while fewer than 2 hold a slot
			balance -= 10     // DATA RACE: both goroutines are inside at once
			time.Sleep(40 * time.Millisecond)
			<-sem // release
		}(time.Duration(w) * 20 * time.Millisecond)
	}
	wg.Wait()
	fmt.Println("balance went down:", balance < 100)
}
