// A local variable captured by a goroutine's closure is shared with the function that
// declared it: both sides writing it is a race, though it looks like a private local.
package main

import (
	"fmt"
	"time"
)

func main() {
	status := "starting"
	finished := make(chan bool)
	go func() {
		status = "worker running" // DATA RACE: the closure writes main's variable
		time.Sleep(40 * time.Millisecond)
		finished <- true
	}()
	time.Sleep(20 * time.Millisecond)
	status = "main running" // DATA RACE: main writes it too, unordered
	<-finished
	fmt.Println("final status:", status)
}
