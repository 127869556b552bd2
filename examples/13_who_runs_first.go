// Example: Main and child race from the same start line
// Row: 13
// Watch: use Run ×N and look at the histogram of outcomes (the first line printed). Right after
// the go statement both goroutines are ready to print: main is already running, the child still
// has to be picked by a P (or get its own thread in threads mode). The study note claims main
// wins about 95% of the time, "without theoretical basis": test it on your machine, in each
// scheduler mode and with 1 or several Ps.
//
// gopark: nondeterministic
package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("child goroutine")
		done <- true
	}()
	fmt.Println("main goroutine")
	<-done // wait for the child, so that both lines are always printed
}
