// gopark: exit=2
// Calling a nil function value panics with a nil pointer dereference.
package main

import "fmt"

func main() {
	var f func(int) int
	fmt.Println(f == nil)
	fmt.Println(f(1))
}
