// gopark: exit=2
// A panic inside an instance of a generic function: Go names the frame main.Last[...].
package main

import "fmt"

func Last[T any](xs []T) T {
	return xs[len(xs)-1]
}

func main() {
	fmt.Println(Last([]int{1, 2}))
	fmt.Println(Last([]string{}))
}
