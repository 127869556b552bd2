// Example: Why a goroutine is suspended
// Row: 4, 11
// Watch: the goroutine list with wait reasons. Six goroutines are suspended at once, each for a
// different reason: sleep, chan receive, sync.Mutex.Lock, sync.WaitGroup.Wait, select and
// sync.Cond.Wait. The sleeper wakes by itself; main then wakes the others one by one, every
// 150 ms, and each goes ready, running, terminated. The channel and lock panels show who waits
// on what.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var group sync.WaitGroup
	cond := sync.NewCond(&sync.Mutex{})
	ready := false // guarded by cond.L: the condition the Cond waiter waits for
	ch, sel, quit := make(chan int), make(chan int), make(chan bool)
	report := make(chan string)

	mu.Lock() // main holds the mutex, so the mutex waiter must wait
	group.Add(1)
	go func() { time.Sleep(200 * time.Millisecond); report <- "the sleeper woke up by itself" }()
	go func() { v := <-ch; report <- fmt.Sprint("the channel receiver got ", v) }()
	go func() { mu.Lock(); report <- "the mutex waiter got the lock"; mu.Unlock() }()
	go func() { group.Wait(); report <- "the WaitGroup waiter was released" }()
	go func() {
		select { // waits on both channels at once
		case v := <-sel:
			report <- fmt.Sprint("the select woke with ", v)
		case <-quit:
		}
	}()
	go func() {
		cond.L.Lock()
		for !ready {
			cond.Wait() // gives up cond.L while it waits
		}
		cond.L.Unlock()
		report <- "the Cond waiter was signalled"
	}()

	wakers := []func(){
		func() {}, // the sleeper needs nobody
		func() { ch <- 1 },
		func() { mu.Unlock() },
		func() { group.Done() },
		func() { sel <- 2 },
		func() { cond.L.Lock(); ready = true; cond.Signal(); cond.L.Unlock() },
	}
	for _, wake := range wakers {
		wake()
		fmt.Println(<-report)
		time.Sleep(150 * time.Millisecond)
	}
}
