// gopark: exit=1
package main

import "fmt"

func main() {
	x := 10
	fmt.Println(x / 0)
	const y = 1.0 / 0
	fmt.Println(y)
}
