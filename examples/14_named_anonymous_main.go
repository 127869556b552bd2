// Example: A named goroutine, an anonymous goroutine and main
// Row: 14
// Watch: three goroutines in the list: main, one running the named function worker, and one
// running an anonymous function (Go calls it main.main.func1). Every 100 ms each goroutine
// produces a step; main prints its own step and then waits on the two channels, so the lines
// come out in the same order every time.
package main

import (
	"fmt"
	"time"
)

// worker is a named function; `go worker(out)` runs it in a new goroutine.
func worker(out chan<- string) {
	for i := 1; i <= 3; i++ {
		time.Sleep(100 * time.Millisecond)
		out <- fmt.Sprintf("  named goroutine (worker): step %d", i)
	}
}

func main() {
	named := make(chan string)
	anonymous := make(chan string)

	go worker(named)

	go func() { // an anonymous function literal, started and called in one statement
		for i := 1; i <= 3; i++ {
			time.Sleep(100 * time.Millisecond)
			anonymous <- fmt.Sprintf("  anonymous goroutine: step %d", i)
		}
	}()

	for i := 1; i <= 3; i++ {
		fmt.Printf("main goroutine: step %d\n", i)
		fmt.Println(<-named)
		fmt.Println(<-anonymous)
	}
	fmt.Println("main goroutine: done")
}
