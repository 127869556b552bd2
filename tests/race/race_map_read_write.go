// A goroutine writes a map entry while main looks the map up, with only a sleep between them.
// Reading a map while another goroutine writes it is a race even for a different key: the
// lookup reads the map's internals that the assignment writes.
package main

import (
	"fmt"
	"time"
)

var found bool // what main saw: not printed, it depends on timing

func main() {
	cache := map[int]string{1: "one"}
	done := make(chan bool)
	go func() {
		cache[2] = "two" // DATA RACE: the write
		time.Sleep(40 * time.Millisecond)
		done <- true
	}()
	time.Sleep(20 * time.Millisecond)
	_, found = cache[1] // DATA RACE: the read of another key
	<-done
	fmt.Println("after the receive main sees:", cache[1], cache[2])
}
