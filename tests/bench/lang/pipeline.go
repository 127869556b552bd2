// A pipeline of 8 stages: a source goroutine, 8 goroutines each reading from the previous stage's
// unbuffered channel and writing to the next, and main summing what comes out of the last one.
package main

import "fmt"

func source(n int, out chan int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func stage(k int, in, out chan int) {
	for v := range in {
		out <- v*3%1000003 + k
	}
	close(out)
}

func main() {
	const n = 100000
	const stages = 8
	first := make(chan int)
	go source(n, first)
	in := first
	for k := 1; k <= stages; k++ {
		out := make(chan int)
		go stage(k, in, out)
		in = out
	}
	count, sum := 0, 0
	for v := range in {
		count++
		sum += v
	}
	fmt.Printf("pipeline: %d stages, %d values, sum %d\n", stages, count, sum)
}
