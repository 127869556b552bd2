// A buffered channel of capacity 1 used as a lock. The memory model's capacity rule: the k-th
// receive on a channel of capacity C happens before the (k+C)-th send completes. With C = 1,
// each release (receive) happens before the next acquire (send) completes, so the critical
// sections form one chain, as with a mutex.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 1)
	balance := 100
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(delay time.Duration) {
			defer wg.Done()
			time.Sleep(delay)
			sem <- struct{}{} // acquire: waits while another holds the slot
			balance -= 10
			time.Sleep(10 * time.Millisecond)
			<-sem // release
		}(time.Duration(w) * 5 * time.Millisecond)
	}
	wg.Wait()
	fmt.Println("balance:", balance)
}
