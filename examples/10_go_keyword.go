// Example: Starting goroutines with `go`
// Row: 10
// Watch: the goroutine list. A plain call to count runs inside main: nothing new appears and
// main waits for it. Then three `go count(...)` statements create three goroutines that sleep
// side by side (suspended at the same time) while main waits on their channels; each sends its
// result and terminates. Because they wait together, the three take about 300 ms, not 600 ms.
// Goroutines plus channels: that is Go's concurrency.
package main

import (
	"fmt"
	"time"
)

// count takes n x 100 ms and then reports on its channel.
func count(name string, n int, result chan<- string) {
	for i := 0; i < n; i++ {
		time.Sleep(100 * time.Millisecond)
	}
	result <- fmt.Sprintf("%s counted to %d", name, n)
}

func main() {
	// A plain call: main runs count itself and goes on only when it is finished.
	r := make(chan string, 1)
	count("plain call", 2, r)
	fmt.Println(<-r)

	// With go in front, the call runs in a new goroutine and main goes on at once.
	start := time.Now()
	results := []chan string{make(chan string), make(chan string), make(chan string)}
	go count("goroutine A", 1, results[0])
	go count("goroutine B", 2, results[1])
	go count("goroutine C", 3, results[2])
	fmt.Println("main started 3 goroutines and waits for their results")
	for _, ch := range results {
		fmt.Println(<-ch) // receiving blocks until that goroutine has sent
	}
	elapsed := time.Since(start)
	fmt.Println("they ran at the same time (under 500 ms, not 600 ms):", elapsed < 500*time.Millisecond)
}
