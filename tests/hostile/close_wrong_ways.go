// hostile: every wrong way to close or send, each recovered and printed, then an uncaught close of a closed channel
// exit: 2
// stdout: close closed: close of closed channel
// stdout: close nil: close of nil channel
// stdout: send on closed: send on closed channel
// stdout: select send on closed: send on closed channel
// stdout: receive from closed: 0 false
// stderr: panic: close of closed channel
// stderr: goroutine 1 [running]:
// stderr: main.main()
// within: 30s
// rss: 300MiB
package main

import "fmt"

func try(what string, f func()) {
	defer func() { fmt.Println(what+":", recover()) }()
	f()
}

func main() {
	c := make(chan int, 1)
	close(c)
	try("close closed", func() { close(c) })
	var n chan int
	try("close nil", func() { close(n) })
	try("send on closed", func() { c <- 1 })
	try("select send on closed", func() {
		select {
		case c <- 1:
		default:
		}
	})
	v, ok := <-c
	fmt.Println("receive from closed:", v, ok)
	close(c)
}
