// gopark: exit=2
// recover only stops a panic in its own goroutine.
package main

import (
	"fmt"
	"time"
)

func main() {
	defer func() {
		fmt.Println("main's recover sees:", recover())
	}()
	done := make(chan bool)
	go func() {
		defer close(done)
		panic("in goroutine")
	}()
	<-done
	time.Sleep(time.Second)
}
