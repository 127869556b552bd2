// Example: Coroutines hand control to each other
// Row: 8
// Watch: run it in coroutines mode (N:1): one OS thread runs every goroutine, and a switch
// happens only where a goroutine blocks. Ping and Pong pass a ball back and forth: one runs while
// the other is suspended on its channel, so their slices alternate on the single lane. Then a
// generator goroutine resumes where it left off each time main asks for the next value. The
// output is the same in every mode, because the channels fix the order. Press Step instead of
// Run to go from one handoff to the next, or set Speed to 3 lines/s and watch the ball travel.
package main

import (
	"fmt"
	"time"
)

// player waits for the ball, plays a turn, and hands the ball over.
func player(name string, turns int, mine <-chan bool, other chan<- bool, done chan<- bool) {
	for i := 1; i <= turns; i++ {
		<-mine // suspended until the other player hands over
		fmt.Printf("%s (turn %d)\n", name, i)
		time.Sleep(50 * time.Millisecond)
		other <- true // hand over: the other side resumes
	}
	done <- true
}

// fibonacci is a generator: its goroutine keeps its state (a, b) between values.
func fibonacci(n int) <-chan int {
	ch := make(chan int)
	go func() {
		a, b := 0, 1
		for i := 0; i < n; i++ {
			ch <- a // suspended here until main wants the next value
			a, b = b, a+b
		}
		close(ch)
	}()
	return ch
}

func main() {
	ping, pong := make(chan bool, 1), make(chan bool, 1)
	done := make(chan bool)
	go player("ping", 3, ping, pong, done)
	go player("     pong", 3, pong, ping, done)
	ping <- true // serve
	<-done
	<-done

	for v := range fibonacci(10) {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
