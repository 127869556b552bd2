// gopark: exit=2
// Several goroutines blocked on each other: main waits on one, which waits on another.
package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() {
		v := <-b // nobody sends on b
		a <- v
	}()
	go func() {
		b <- <-a // waits on a first: circular wait
	}()
	fmt.Println("main waits")
	<-a
}
