// gopark: exit=2
// A send on an unbuffered channel with no receiver deadlocks.
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("sending")
	ch <- 1
}
