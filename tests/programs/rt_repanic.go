// gopark: exit=2
// Recovering and then panicking with a new value.
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(fmt.Sprint("re-panic: ", r))
	}()
	panic("original")
}
