// On an unbuffered channel the receive happens before the send completes: what the receiver
// wrote before receiving is visible to the sender after its send returns. (With a buffered
// channel it is not: race_chan_buffered_receiver_first.go.)
package main

import (
	"fmt"
	"time"
)

func main() {
	ack := make(chan bool) // unbuffered: the send waits for the receiver
	note := ""
	done := make(chan bool)
	go func() {
		time.Sleep(20 * time.Millisecond)
		note = "worker was here" // before the receive...
		<-ack
		close(done)
	}()
	ack <- true                // ...which happens before this send completes
	fmt.Println("note:", note) // so this read is ordered after the write
	<-done
}
