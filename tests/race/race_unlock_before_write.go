// The lock is released before the write: increment splits its read-modify-write into a
// locked read and an unlocked write, so a later locked read is not ordered after the write.
// main polls until it sees the new value: the read that sees it is certainly unordered.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var (
	mu sync.Mutex
	x  int
)

func increment() {
	mu.Lock()
	v := x
	mu.Unlock()
	x = v + 1 // DATA RACE: written after Unlock, so no later Lock is ordered after it
}

func current() int {
	mu.Lock()
	defer mu.Unlock()
	return x // DATA RACE: locked, but the write above was not
}

func main() {
	done := make(chan bool)
	go func() {
		increment()
		done <- true
	}()
	for current() == 0 {
		runtime.Gosched()
	}
	<-done
	fmt.Println("final:", x)
}
