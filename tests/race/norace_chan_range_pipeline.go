// A pipeline of stages joined by channels: each stage owns the values between its receive and
// its send, and closing a stage's output ends the next stage's range loop.
package main

import "fmt"

func generate(n int) <-chan []int {
	out := make(chan []int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- []int{i, i}
		}
		close(out)
	}()
	return out
}

func square(in <-chan []int) <-chan []int {
	out := make(chan []int, 2)
	go func() {
		for pair := range in {
			pair[1] = pair[0] * pair[0] // writes the slice it received
			out <- pair
		}
		close(out)
	}()
	return out
}

func main() {
	for pair := range square(generate(5)) {
		fmt.Println(pair[0], "->", pair[1])
	}
}
