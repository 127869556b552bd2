// gopark: exit=2
// A failed type assertion to a concrete type panics.
package main

import "fmt"

func main() {
	var i interface{} = "hello"
	s := i.(string)
	fmt.Println(s)
	n := i.(int)
	fmt.Println(n)
}
