// gopark: exit=2
// Asserting on a nil interface panics.
package main

import "fmt"

func main() {
	var i interface{}
	fmt.Println(i == nil)
	fmt.Println(i.(string))
}
