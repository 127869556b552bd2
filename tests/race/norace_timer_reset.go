// Timers order too: starting (or resetting) a timer happens before its firing, and the firing
// sends on the timer's channel. A goroutine writes, then resets the stopped timer; main waits
// on the timer's channel and then reads.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	t.Stop()
	var reading int
	go func() {
		reading = 21 * 2
		t.Reset(10 * time.Millisecond) // the write above happens before the timer fires
	}()
	<-t.C
	fmt.Println("reading:", reading)
}
