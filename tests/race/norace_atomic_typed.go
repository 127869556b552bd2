// Typed atomics (Go 1.19): atomic.Int64 counts, atomic.Bool publishes, and the data written
// before the Bool's Store is visible after a Load that returns true.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var requests atomic.Int64
	var ready atomic.Bool
	var greeting string
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				requests.Add(1)
			}
		}()
	}
	go func() {
		greeting = "hello"
		ready.Store(true)
	}()
	for !ready.Load() {
		runtime.Gosched()
	}
	fmt.Println(greeting)
	wg.Wait()
	fmt.Println("requests:", requests.Load())
}
