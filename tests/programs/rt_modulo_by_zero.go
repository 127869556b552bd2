// gopark: exit=2
// Integer modulo by zero panics with the same message.
package main

import "fmt"

func main() {
	var a, b int8 = 7, 0
	fmt.Println(a % (b + 1))
	fmt.Println(a % b)
}
