// Curriculum row 15: runtime.Gosched gives up the CPU once, letting others run.
// The waiting loop below only finishes because it yields: under the cooperative
// (coroutines) scheduler, a loop that never yields would starve the worker.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var ready atomic.Bool
	var yields int
	go func() {
		ready.Store(true)
	}()
	for !ready.Load() {
		yields++
		runtime.Gosched() // let the other goroutine run
	}
	fmt.Println("worker ran while main yielded:", ready.Load(), yields >= 0)

	// with GOMAXPROCS(1) two goroutines that yield after every step interleave
	prev := runtime.GOMAXPROCS(1)
	done := make(chan []string)
	var steps atomic.Int32
	for _, name := range []string{"a", "b"} {
		go func(name string) {
			var mine []string
			for i := 0; i < 3; i++ {
				mine = append(mine, fmt.Sprint(name, i))
				steps.Add(1)
				runtime.Gosched()
			}
			done <- mine
		}(name)
	}
	r1, r2 := <-done, <-done
	if r1[0] > r2[0] {
		r1, r2 = r2, r1
	}
	fmt.Println(r1, r2, steps.Load())
	runtime.GOMAXPROCS(prev)
}
