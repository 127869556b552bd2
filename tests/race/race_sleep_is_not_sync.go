// Sleeping is not synchronisation. The goroutine writes long before main reads, yet no
// happens-before edge orders the write before the read: the memory model knows channels,
// locks, atomics and the like, never time. Go's detector reports it as a race.
package main

import (
	"fmt"
	"time"
)

var message string
var observed string // what main read: not printed, it depends on timing

func main() {
	done := make(chan bool)
	go func() {
		message = "hello" // DATA RACE: the write
		close(done)
	}()
	time.Sleep(50 * time.Millisecond)
	observed = message // DATA RACE: the read, 50 ms later and still unordered
	<-done             // only now is the write ordered before main's next step
	fmt.Println("main read the message after sleeping")
}
