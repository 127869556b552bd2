// A write under RLock. Read locks may be held by many goroutines at once and do not order
// readers among themselves, so two goroutines writing under RLock race with each other.
package main

import (
	"fmt"
	"sync"
	"time"
)

type registry struct {
	mu    sync.RWMutex
	count int
}

func (r *registry) register() {
	r.mu.RLock() // wrong: a writer needs Lock
	r.count++    // DATA RACE: both callers read and write count
	r.mu.RUnlock()
}

func main() {
	r := &registry{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); r.register() }()
	go func() { defer wg.Done(); time.Sleep(20 * time.Millisecond); r.register() }()
	wg.Wait()
	r.mu.Lock()
	fmt.Println("count is positive:", r.count > 0)
	r.mu.Unlock()
}
