// Example: The five states of a goroutine
// Row: 4, 11
// Watch: the goroutine list and its state colours (switch the labels between Go's words and the
// study note's). Each worker is initial (created by `go`, never run) until the single P first
// picks it, running while it computes, ready again whenever the scheduler preempts it to let
// another worker have the P, suspended while it waits on the start channel and then in
// time.Sleep, and terminated once it returns. Main itself is suspended in Sleep and on channels.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func worker(id int, start <-chan bool, done chan<- int) {
	sum := 0
	for i := 0; i < 3000000; i++ { // running (and ready while another worker has the P)
		sum += i % 3
	}
	<-start                            // suspended: waiting on a channel
	time.Sleep(100 * time.Millisecond) // suspended: sleeping
	done <- id                         // then it returns: terminated
}

func main() {
	prev := runtime.GOMAXPROCS(1) // one P: the workers must queue for it
	defer runtime.GOMAXPROCS(prev)
	start := make(chan bool)
	done := make(chan int)

	fmt.Println("goroutines before go:", runtime.NumGoroutine())
	for id := 1; id <= 3; id++ {
		go worker(id, start, done) // initial, then ready in the run queue
	}
	fmt.Println("goroutines after 3 go statements:", runtime.NumGoroutine())

	time.Sleep(300 * time.Millisecond) // main is suspended; the workers compute, then block
	fmt.Println("main wakes the workers by closing the start channel")
	close(start)
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-done
	}
	fmt.Println("all three workers reported, ids add up to", sum)

	for runtime.NumGoroutine() > 1 { // wait until they have really terminated
		time.Sleep(time.Millisecond)
	}
	fmt.Println("terminated; goroutines now:", runtime.NumGoroutine())
}
