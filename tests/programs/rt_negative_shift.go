// gopark: exit=2
// Shifting by a negative amount panics.
package main

import "fmt"

func main() {
	x := 1
	n := 3
	fmt.Println(x << n)
	n -= 5
	fmt.Println(x << n)
}
