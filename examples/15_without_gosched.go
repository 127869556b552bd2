// Example: Without runtime.Gosched: the child (usually) never gets a turn
// Row: 15
// Watch: the single P lane and the steps channel's buffer. GOMAXPROCS is 1, so one goroutine runs
// at a time. Main starts a child (it waits in the run queue, ready) and then takes its three
// steps without ever blocking or yielding: sending into free buffer space does not block. Main
// prints the log and returns before the P is ever free, so the child ends without having run
// once. Compare with 15_with_gosched.go. Only coroutines mode guarantees this outcome: in
// goroutines mode the scheduler still preempts main if it has held the P for 10 ms (a busy
// machine can delay it that long), and in threads mode, where GOMAXPROCS does not limit the OS
// threads, the child can run in parallel. Run ×N shows how often the child gets in anyway.
//
// gopark: nondeterministic
package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1) // one processor: goroutines must take turns
	fmt.Println("GOMAXPROCS(1): one goroutine runs at a time")
	steps := make(chan string, 6) // a log with room for every step

	go func() {
		for i := 1; i <= 3; i++ {
			steps <- fmt.Sprint("  child: step ", i)
		}
	}()

	for i := 1; i <= 3; i++ {
		steps <- fmt.Sprint("main: step ", i) // main keeps the CPU: nothing here gives it up
	}

	n := len(steps) // the steps taken so far
	for i := 0; i < n; i++ {
		fmt.Println(<-steps)
	}
	// main returns: the program ends, and the child never took a step
}
