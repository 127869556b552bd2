// gopark: exit=2
// runtime.Goexit in main: the other goroutines finish, then the program crashes.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(5 * time.Millisecond)
		fmt.Println("other goroutine finished")
	}()
	defer fmt.Println("main's deferred call runs")
	runtime.Goexit()
}
