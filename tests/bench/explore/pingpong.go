package main

import "fmt"

// Two goroutines hand a counter back and forth over unbuffered channels: every handoff is a few
// scheduling events (a block, a wake-up, a start), so a million steps come quickly.
func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < 400000; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	fmt.Println(v)
}
