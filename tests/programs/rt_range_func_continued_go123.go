// gopark: go1.22
// gopark: exit=2
// An iterator that calls yield again after the loop body ended the loop: Go's runtime error.
package main

import "fmt"

func bad(yield func(int) bool) {
	yield(1)
	yield(2) // ignores the false the first call returned
}

func main() {
	for x := range bad {
		fmt.Println(x)
		break
	}
}
