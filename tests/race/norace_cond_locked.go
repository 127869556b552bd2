// sync.Cond used correctly: the producer changes the shared state while holding the lock, and
// the consumer checks it in a loop while holding the same lock. What orders the data is the
// mutex (the producer's Unlock before the consumer's re-Lock inside Wait).
package main

import (
	"fmt"
	"sync"
	"time"
)

type queue struct {
	mu    sync.Mutex
	ready *sync.Cond
	items []string
}

func main() {
	q := &queue{}
	q.ready = sync.NewCond(&q.mu)
	done := make(chan []string)
	go func() {
		var got []string
		q.mu.Lock()
		for len(got) < 3 {
			for len(q.items) == 0 {
				q.ready.Wait()
			}
			got = append(got, q.items[0])
			q.items = q.items[1:]
		}
		q.mu.Unlock()
		done <- got
	}()
	for _, s := range []string{"a", "b", "c"} {
		time.Sleep(5 * time.Millisecond)
		q.mu.Lock()
		q.items = append(q.items, s)
		q.mu.Unlock()
		q.ready.Signal()
	}
	fmt.Println(<-done)
}
