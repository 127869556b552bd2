// Curriculum row 4: the five states - initial, ready, running, suspended (blocked), terminated.
// A goroutine is created (initial), becomes ready, runs, blocks on a channel (suspended),
// is woken (ready again), and finishes (terminated). Each step is made observable in order.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	events := make(chan string, 10)
	wake := make(chan struct{})
	done := make(chan struct{})
	fmt.Println("goroutines before go:", runtime.NumGoroutine())
	go func() { // initial -> ready (queued) -> running
		events <- "running"
		events <- "suspended: waiting on a channel"
		<-wake // suspended until main sends
		events <- "running again after wake-up"
		close(done) // about to terminate
	}()
	fmt.Println("goroutines after go:", runtime.NumGoroutine())
	fmt.Println(<-events)
	fmt.Println(<-events)
	wake <- struct{}{}
	fmt.Println(<-events)
	<-done
	for i := 0; i < 1000 && runtime.NumGoroutine() > 1; i++ {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("terminated; goroutines now:", runtime.NumGoroutine())

	// a goroutine suspended in time.Sleep
	start := time.Now()
	slept := make(chan bool)
	go func() {
		time.Sleep(10 * time.Millisecond) // suspended: sleep
		slept <- true
	}()
	fmt.Println("sleeper woke:", <-slept, time.Since(start) >= 10*time.Millisecond)
}
