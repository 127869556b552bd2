// gopark: exit=4
// Curriculum row 16: return runs the deferred calls and returns to the caller;
// runtime.Goexit ends the goroutine after running its deferred calls;
// os.Exit ends the whole process at once: deferred calls do NOT run.
package main

import (
	"fmt"
	"os"
	"runtime"
)

func withReturn() {
	defer fmt.Println("  return: deferred call runs")
	fmt.Println("  return: body")
	return
}

func withGoexit(done chan<- bool) {
	defer func() { done <- true }()
	defer fmt.Println("  Goexit: deferred call runs")
	fmt.Println("  Goexit: body")
	runtime.Goexit()
	fmt.Println("  Goexit: never printed")
}

func main() {
	fmt.Println("1. return")
	withReturn()
	fmt.Println("  back in main after return")

	fmt.Println("2. runtime.Goexit in a goroutine")
	done := make(chan bool)
	go withGoexit(done)
	<-done
	fmt.Println("  main goes on")

	fmt.Println("3. os.Exit(4)")
	defer fmt.Println("  os.Exit: this deferred call never runs")
	os.Exit(4)
}
