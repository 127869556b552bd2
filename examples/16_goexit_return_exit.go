// Example: return vs runtime.Goexit vs os.Exit
// Row: 16
// Watch: the output and the goroutine list. A worker goroutine calls step, which leaves in
// one of three ways. return leaves step only: its deferred call runs and the worker goes on.
// runtime.Goexit ends the whole goroutine from deep inside step: every deferred call of step and
// of worker runs, but worker's remaining code does not. os.Exit(3) ends the process at once:
// no deferred call runs, not even main's, and the exit status is 3.
//
// gopark: exit=3
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

func step(how string) {
	defer fmt.Println("    step: deferred call runs")
	time.Sleep(200 * time.Millisecond) // working...
	if how == "Goexit" {
		runtime.Goexit() // the end of this goroutine, however deep the call
	}
	return // back to worker
}

func worker(how string, done chan<- bool) {
	defer close(done) // runs last, also after Goexit: main stops waiting
	defer fmt.Println("  worker: deferred call runs")
	step(how)
	fmt.Println("  worker: back from step, goes on")
}

func main() {
	for _, how := range []string{"return", "Goexit"} {
		fmt.Println(how + ":")
		done := make(chan bool)
		go worker(how, done)
		<-done
	}

	fmt.Println("os.Exit:")
	defer fmt.Println("  main: deferred call (never printed)")
	os.Exit(3) // the process ends here; deferred calls do not run
}
