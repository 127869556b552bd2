// Example: A lost wake-up: checking a condition outside the lock
// Row: 7
// Watch: the consumer checks `ready` without holding the lock, and only then locks and waits on
// the Cond. If the producer sets ready and signals in between, the signal finds nobody waiting and
// is lost: the consumer then waits for a signal that already came. Real runs almost never hit the
// gap. `gopark explore` finds it; replay the seed and see the consumer suspended on the Cond with
// ready already true. The fix: check in a loop while holding the lock (for !ready { c.Wait() }).
//
// gopark: nondeterministic
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	woke := make(chan bool)
	go func() { // the consumer
		if !ready { // the bug: checked without the lock
			mu.Lock()
			c.Wait()
			mu.Unlock()
		}
		woke <- true
	}()
	mu.Lock() // the producer
	ready = true
	c.Signal()
	mu.Unlock()
	select {
	case <-woke:
		fmt.Println("the consumer saw the data")
	case <-time.After(time.Second):
		fmt.Println("lost wake-up: the consumer waits for a signal that already came")
	}
}
