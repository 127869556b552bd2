// gopark: exit=1
package main

import "fmt"

func main() {
	a := 1
	a := 2
	var b int
	var b string
	fmt.Println(a, b)
}
