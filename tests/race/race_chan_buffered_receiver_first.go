// Receiving from a buffered channel does not order the receiver's earlier writes before the
// sender's later reads. With an unbuffered channel it would (the receive happens before the
// send completes: norace_chan_unbuffered_receiver_first.go); with capacity 1 the send does
// not wait for the receive at all.
package main

import (
	"fmt"
	"time"
)

var observed string // what main read: not printed, it depends on timing

func main() {
	ack := make(chan bool, 1)
	note := ""
	done := make(chan bool)
	go func() {
		time.Sleep(20 * time.Millisecond)
		note = "worker was here" // DATA RACE: written before the receive
		<-ack
		close(done)
	}()
	ack <- true // does not block: the buffer has room
	time.Sleep(40 * time.Millisecond)
	observed = note // DATA RACE: read after the send, which waited for nothing
	<-done
	fmt.Println("note:", note)
}
