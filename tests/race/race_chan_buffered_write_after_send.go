// The sender keeps writing after its send. A send happens before the matching receive
// completes, so the receiver sees what the sender wrote before sending; what the sender writes
// after the send is unordered with the receiver's reads. (A buffered send does not wait for the
// receiver at all.)
package main

import (
	"fmt"
	"time"
)

type job struct {
	id    int
	state string
}

func main() {
	jobs := make(chan *job, 1)
	results := make(chan string)
	go func() {
		j := <-jobs
		time.Sleep(20 * time.Millisecond)
		results <- fmt.Sprint(j.id, " ", len(j.state) > 0) // DATA RACE: reads state
	}()
	j := &job{id: 7, state: "new"}
	jobs <- j        // id and the first state are published by the send
	j.state = "sent" // DATA RACE: written after the send
	fmt.Println(<-results)
}
