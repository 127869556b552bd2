// Example: Two locks in opposite orders: a deadlock that hides
// Row: 7
// Watch: alice takes the pen, then the paper; bob takes the paper, then the pen. Almost always one
// of them has both before the other starts, and the program works: real Go runs it fine a
// thousand times. But if each takes their first lock before either takes the second, each holds
// what the other waits for, for ever. Main gives up after a second and says so. In simulated mode
// `gopark explore` finds that schedule at once; replay its seed and watch the Locks panel: each
// Mutex held by one goroutine and waited for by the other. The fix: agree on an order (pen first).
//
// gopark: nondeterministic
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var pen, paper sync.Mutex
	done := make(chan string, 2)
	go func() {
		pen.Lock()
		paper.Lock()
		paper.Unlock()
		pen.Unlock()
		done <- "alice"
	}()
	go func() {
		paper.Lock()
		pen.Lock()
		pen.Unlock()
		paper.Unlock()
		done <- "bob"
	}()
	for written := 0; written < 2; written++ {
		select {
		case <-done:
		case <-time.After(time.Second):
			fmt.Println("stuck: each holds one lock and waits for the other's (a deadlock)")
			return
		}
	}
	fmt.Println("both letters written")
}
