// Curriculum row 11: goroutines have the same five states. Goroutines suspended for
// different reasons (sleep, channel, mutex, WaitGroup, select) are woken one at a time.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	ch := make(chan int)
	sel := make(chan int)
	gate := make(chan struct{})
	report := make(chan string, 10)

	mu.Lock()
	var inner sync.WaitGroup
	inner.Add(1)
	wg.Add(5)
	go func() { defer wg.Done(); time.Sleep(5 * time.Millisecond); report <- "sleeper woke" }()
	go func() { defer wg.Done(); v := <-ch; report <- fmt.Sprint("channel receiver woke with ", v) }()
	go func() { defer wg.Done(); mu.Lock(); report <- "mutex waiter got the lock"; mu.Unlock() }()
	go func() { defer wg.Done(); inner.Wait(); report <- "WaitGroup waiter released" }()
	go func() {
		defer wg.Done()
		select {
		case v := <-sel:
			report <- fmt.Sprint("select woke with ", v)
		case <-gate:
			report <- "select woke by gate"
		}
	}()

	wakers := []func(){
		func() {}, // the sleeper wakes by itself
		func() { ch <- 1 },
		func() { mu.Unlock() },
		func() { inner.Done() },
		func() { sel <- 2 },
	}
	for _, wake := range wakers {
		wake()
		fmt.Println(<-report)
	}
	wg.Wait()
	fmt.Println("all terminated")
}
