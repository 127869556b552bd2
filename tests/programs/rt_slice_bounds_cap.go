// gopark: exit=2
// Slicing past the capacity panics.
package main

import "fmt"

func main() {
	s := make([]int, 3, 4)
	n := 5
	fmt.Println(len(s[:4]))
	fmt.Println(s[:n])
}
