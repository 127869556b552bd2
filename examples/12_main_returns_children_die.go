// Example: When main returns, every goroutine ends
// Row: 12
// Watch: three children are alive: one ticks every 20 ms, one sleeps for an hour, one is blocked
// forever on a select with no cases. Main waits 300 ms and returns. At that instant the whole
// program ends: the dashboard shows the children terminated "because main returned". None of
// them finishes its work, and their deferred calls do not run either.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func child(name string, started chan<- bool, body func()) {
	defer fmt.Println(name, "deferred call: never printed")
	started <- true
	body()
	fmt.Println(name, "finished: never printed")
}

func main() {
	started := make(chan bool)
	go child("ticker", started, func() {
		for {
			time.Sleep(20 * time.Millisecond) // wakes up 50 times a second, forever
		}
	})
	go child("sleeper", started, func() { time.Sleep(time.Hour) })
	go child("blocked", started, func() { select {} })
	for i := 0; i < 3; i++ {
		<-started
	}
	fmt.Println("goroutines alive:", runtime.NumGoroutine())
	time.Sleep(300 * time.Millisecond)
	fmt.Println("main returns now; the children end with it")
}
