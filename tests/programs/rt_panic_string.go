// gopark: exit=2
// panic with a string value.
package main

import "fmt"

func check(n int) {
	if n > 2 {
		panic("something went wrong")
	}
	fmt.Println("ok", n)
}

func main() {
	for i := 1; i <= 3; i++ {
		check(i)
	}
}
