// gopark: exit=1
package main

import "fmt"

func main() {
	var a int8 = 200
	var b uint = -1
	c := 1 << 70
	const big = 1 << 100
	fmt.Println(a, b, c, big)
}
