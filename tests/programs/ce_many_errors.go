// gopark: exit=1
// gopark: go119-err
// Several kinds of error in one file are all reported, in source order.
package main

import (
	"fmt"
	"os"
)

func f() (int, error) {
	return 0
}

func main() {
	var unused int
	x := "s" + 1
	fmt.Println(x, y)
	if x {
	}
}
