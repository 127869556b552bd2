// gopark: exit=2
// Indexing a slice past its length panics; deferred calls still run first.
package main

import "fmt"

func get(s []int, i int) int {
	return s[i]
}

func main() {
	defer fmt.Println("deferred call runs before the crash")
	s := []int{1, 2, 3}
	fmt.Println("value:", get(s, 1))
	fmt.Println("value:", get(s, 5))
	fmt.Println("never printed")
}
