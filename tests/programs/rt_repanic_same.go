// gopark: exit=2
// gopark: go119-err
// Recovering and re-panicking with the same value (Go 1.23+ prints [recovered, repanicked]).
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered, panicking again with:", r)
		panic(r)
	}()
	panic("fatal problem")
}
