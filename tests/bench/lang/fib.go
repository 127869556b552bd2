// fib(32), recursive: function calls and integer arithmetic. Computed 4 times to size the run.
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	total := 0
	for r := 0; r < 4; r++ {
		total += fib(32)
	}
	fmt.Printf("fib(32) = %d, 4 runs: %d\n", total/4, total)
}
