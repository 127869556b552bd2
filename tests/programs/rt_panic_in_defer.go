// gopark: exit=2
// A panic inside a deferred call during another panic: both are printed.
package main

import "fmt"

func main() {
	defer func() {
		panic("second panic, in defer")
	}()
	fmt.Println("about to panic")
	panic("first panic")
}
