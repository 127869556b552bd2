// gopark: exit=2
// A negative index into an array panics.
package main

import "fmt"

func main() {
	var arr [4]int
	i := 2
	arr[i] = 1
	i -= 3
	fmt.Println("index", i)
	arr[i] = 2
}
