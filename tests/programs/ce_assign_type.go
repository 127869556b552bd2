// gopark: exit=1
// gopark: go119-err
package main

import "fmt"

func main() {
	x := 1
	var s string
	s = x
	var f float64 = "str"
	fmt.Println(s, f)
}
