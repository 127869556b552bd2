// Writes before a go statement are visible in the new goroutine; writes after it are not
// ordered with anything the goroutine does. main sets the limit one line too late.
package main

import (
	"fmt"
	"time"
)

func main() {
	limit := 10
	done := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		n := 0
		for i := 0; i < limit; i++ { // DATA RACE: reads limit
			n++
		}
		done <- n
	}()
	limit = 5 // DATA RACE: written after the go statement
	<-done    // the count depends on which value of limit the worker read: not printed
	fmt.Println("worker finished")
}
