// gopark: exit=1
package main

import "fmt"

func main() {
	a := 1
	b := "two"
	var c float64 = 3
	fmt.Println(a + b)
	fmt.Println(a * c)
}
