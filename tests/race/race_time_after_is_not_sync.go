// Waiting on time.After is waiting for a timer, not for another goroutine: the timer's
// channel orders main only after the timer was started, and says nothing about the worker.
package main

import (
	"fmt"
	"time"
)

var observed int // what main read: not printed, it depends on timing

func main() {
	progress := 0
	done := make(chan bool)
	go func() {
		progress = 100 // DATA RACE: the worker's write
		close(done)
	}()
	<-time.After(30 * time.Millisecond)
	observed = progress // DATA RACE: main's read after the timer, still unordered
	<-done
	fmt.Println("progress:", progress)
}
