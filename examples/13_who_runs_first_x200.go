// Example: Main vs child, 200 races in one run
// Row: 13
// Watch: the program repeats the race of 13_who_runs_first.go 200 times and counts who got to
// the finish line first. Compare the counts between scheduler modes and numbers of Ps: with one
// P the new goroutine usually has to wait until main blocks, so main wins almost always; with
// several Ps or OS threads an idle processor can start the child at once. Run ×N shows how much
// the split varies.
//
// gopark: nondeterministic
package main

import (
	"fmt"
	"sync/atomic"
)

// run is the same short distance for both runners.
func run() {
	x := 0
	for i := 0; i < 2000; i++ {
		x += i
	}
}

// race starts a child; both run the same distance and claim the finish line.
func race() string {
	var winner atomic.Value
	done := make(chan bool)
	go func() {
		run()
		winner.CompareAndSwap(nil, "child") // only the first claim counts
		done <- true
	}()
	run()
	winner.CompareAndSwap(nil, "main")
	<-done
	return winner.Load().(string)
}

func main() {
	wins := map[string]int{}
	for i := 0; i < 200; i++ {
		wins[race()]++
	}
	fmt.Printf("main first: %d of 200 (%d%%)\n", wins["main"], wins["main"]*100/200)
	fmt.Printf("child first: %d of 200\n", wins["child"])
}
