// The producer writes the data and signals without ever taking the Cond's lock. Go's
// detector orders a waiter only through the lock it re-acquires in Wait, not through Signal,
// so the consumer's read after Wait is unordered with the write. The producer signals until
// the consumer says it woke up, so a signal sent before the Wait is not lost.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var observed string // what the consumer saw: not printed, it depends on timing

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var woke atomic.Bool
	message := ""
	done := make(chan bool)
	go func() {
		time.Sleep(20 * time.Millisecond)
		message = "data is ready" // DATA RACE: written without holding mu
		for !woke.Load() {
			cond.Signal() // should be: mu.Lock(); write; mu.Unlock(); cond.Signal()
			time.Sleep(time.Millisecond)
		}
		close(done)
	}()
	mu.Lock()
	cond.Wait()
	observed = message // DATA RACE: read under mu, but the writer never held it
	mu.Unlock()
	woke.Store(true)
	<-done
	fmt.Println("consumer woke up")
}
