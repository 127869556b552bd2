// Example: With runtime.Gosched: taking turns
// Row: 15
// Watch: the single P lane and the yields on the timeline. GOMAXPROCS is 1. Before each step,
// main calls runtime.Gosched(): it gives up the CPU once, goes back to the run queue (ready), and
// the child runs. The child yields after each of its steps in the same way, so the two take
// turns: child, main, child, main... Compare with 15_without_gosched.go, where the child
// usually never runs. Step shows every yield as a scheduling event of its own. (In threads mode
// GOMAXPROCS does not limit the OS threads and both could run at once, so this example is
// limited to the modes below.)
//
// gopark: modes=mn,coroutines
// gopark: nodiff
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
			runtime.Gosched() // let someone else run
		}
	}()

	for i := 1; i <= 3; i++ {
		runtime.Gosched() // give the child a turn first
		steps <- fmt.Sprint("main: step ", i)
	}

	n := len(steps) // the steps taken so far
	for i := 0; i < n; i++ {
		fmt.Println(<-steps)
	}
}
