// time.AfterFunc: the call that starts the timer happens before the function runs (so the
// function sees what main wrote before the call), and the function hands its result back over
// a channel (so main sees what the function wrote before the send).
package main

import (
	"fmt"
	"time"
)

func main() {
	attempts := 3 // written before AfterFunc: visible in the function
	result := make(chan string)
	var summary string
	time.AfterFunc(10*time.Millisecond, func() {
		summary = fmt.Sprint("gave up after ", attempts, " attempts")
		result <- "timeout"
	})
	kind := <-result
	fmt.Println(kind+":", summary)
}
