// gopark: exit=2
// Receiving from a nil channel blocks forever.
package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println("receiving from nil channel")
	<-ch
}
