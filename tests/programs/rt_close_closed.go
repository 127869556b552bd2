// gopark: exit=2
// Closing a channel twice panics.
package main

import "fmt"

func main() {
	ch := make(chan int)
	close(ch)
	fmt.Println("closed once")
	close(ch)
}
