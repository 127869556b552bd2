// time.AfterFunc runs its function in a goroutine of its own when the timer fires. Main reads
// what the function writes after sleeping longer than the timer, but sleeping orders nothing:
// the function's result must come back over a channel (norace_afterfunc_result.go).
package main

import (
	"fmt"
	"time"
)

var observed string // what main read: not printed, it depends on timing

func main() {
	status := "waiting"
	fired := make(chan bool)
	time.AfterFunc(10*time.Millisecond, func() {
		status = "timed out" // DATA RACE: written in the timer's goroutine
		close(fired)
	})
	time.Sleep(50 * time.Millisecond)
	observed = status // DATA RACE: read by main, unordered with the write
	<-fired
	fmt.Println("status:", status)
}
