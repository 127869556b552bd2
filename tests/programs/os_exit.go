// gopark: exit=3
// os.Exit ends the program at once with the given status; deferred calls do not run.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed")
	fmt.Println("before exit")
	func() {
		defer fmt.Println("inner deferred: never printed")
		os.Exit(3)
	}()
	fmt.Println("after exit: never printed")
}
