// Nested loops with integer arithmetic: the interpreter's dispatch loop and its typed instructions.
package main

import "fmt"

func main() {
	sum := 0
	x := 1
	for i := 0; i < 6000; i++ {
		for j := 0; j < 4000; j++ {
			sum += (i*j + x) % 7
			x = (x*31 + j) & 0xffff
		}
		sum ^= i
	}
	fmt.Printf("loops: sum = %d, x = %d\n", sum, x)
}
