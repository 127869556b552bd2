// Curriculum row 8: coroutines switch only where they block or yield. Two goroutines
// hand control back and forth over unbuffered channels: each runs only while the
// other waits, so the output order is fixed in every scheduler mode.
package main

import "fmt"

func producer(name string, n int, turn <-chan bool, next chan<- bool, out chan<- string) {
	for i := 1; i <= n; i++ {
		<-turn // wait (suspend) until it is our turn
		out <- fmt.Sprintf("%s step %d", name, i)
		next <- true // hand over: the other side resumes
	}
}

func main() {
	a2b := make(chan bool)
	b2a := make(chan bool)
	out := make(chan string)
	go producer("A", 3, b2a, a2b, out)
	go producer("B", 3, a2b, b2a, out)
	go func() { b2a <- true }() // A starts
	for i := 0; i < 6; i++ {
		fmt.Println(<-out)
	}
	// a generator: resumes where it left off each time a value is requested
	gen := func() <-chan int {
		ch := make(chan int)
		go func() {
			a, b := 0, 1
			for i := 0; i < 10; i++ {
				ch <- a
				a, b = b, a+b
			}
			close(ch)
		}()
		return ch
	}
	for v := range gen() {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
