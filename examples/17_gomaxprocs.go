// Example: runtime.GOMAXPROCS: how many Ps run Go code
// Row: 17
// Watch: the P lanes appear and disappear as the program changes the setting: four busy workers
// run first on 1 P (taking turns), then on 4 Ps, then on 2. Each call returns the previous
// setting; GOMAXPROCS(0) (or any n < 1) only reads it. The first call returns the default: the
// number of logical CPUs under `go run`, or --procs under gopark, so it is not printed here.
// Try the dashboard's slider while the workers run. (In coroutines mode the setting is kept
// but one thread runs everything; threads mode has no Ps at all.)
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// busy runs four CPU-bound workers and waits for them.
func busy() {
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := 0
			for i := 0; i < 2000000; i++ {
				x += i % 5
			}
		}()
	}
	wg.Wait()
}

func main() {
	initial := runtime.GOMAXPROCS(0) // 0: read only
	fmt.Println("initial setting is at least 1:", initial >= 1)

	fmt.Println("GOMAXPROCS(1) returns the initial setting:", runtime.GOMAXPROCS(1) == initial)
	busy()
	fmt.Println("GOMAXPROCS(4) returns", runtime.GOMAXPROCS(4))
	busy()
	fmt.Println("GOMAXPROCS(2) returns", runtime.GOMAXPROCS(2))
	busy()
	fmt.Println("GOMAXPROCS(0) returns", runtime.GOMAXPROCS(0), "and changes nothing")

	runtime.GOMAXPROCS(initial) // put it back
}
