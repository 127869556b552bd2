// Unbuffered channels synchronise sender and receiver: a ping-pong.
package main

import "fmt"

func player(name string, in <-chan int, out chan<- int, done chan<- string) {
	for {
		ball, ok := <-in
		if !ok {
			done <- name + " leaves"
			return
		}
		if ball >= 10 {
			fmt.Println(name, "wins at", ball)
			close(out)
			done <- name + " done"
			return
		}
		fmt.Println(name, "hits", ball)
		out <- ball + 1
	}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan string)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 0
	a, b := <-done, <-done
	if a > b {
		a, b = b, a
	}
	fmt.Println(a, "/", b)

	// handshake: each send completes only when received
	sync := make(chan struct{})
	msg := ""
	go func() {
		msg = "written before the send"
		sync <- struct{}{}
	}()
	<-sync
	fmt.Println(msg)

	// a receive from a channel returns values in order
	nums := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			nums <- i * 3
		}
		close(nums)
	}()
	for n := range nums {
		fmt.Print(n, " ")
	}
	fmt.Println()
	result := make(chan int)
	go func() { result <- 6 * 7 }()
	fmt.Println(<-result)
}
