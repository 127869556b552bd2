// gopark: exit=2
// make with a negative length panics.
package main

import "fmt"

func main() {
	n := 2
	fmt.Println(len(make([]int, n)))
	n = -1
	s := make([]int, n)
	fmt.Println(s)
}
