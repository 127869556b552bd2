// gopark: exit=2
// Sending on a closed channel panics.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 1
	close(ch)
	fmt.Println(<-ch)
	ch <- 2
}
