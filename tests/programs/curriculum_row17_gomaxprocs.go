// Curriculum row 17: runtime.GOMAXPROCS(n) sets how many CPUs run Go code at once
// and returns the previous setting; GOMAXPROCS(0) only reads it. (The default is the
// number of logical CPUs; gopark's --procs flag overrides it, so it is not printed.)
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	initial := runtime.GOMAXPROCS(0)
	fmt.Println("initial setting >= 1:", initial >= 1)
	fmt.Println("GOMAXPROCS(2) returns the previous value:", runtime.GOMAXPROCS(2) == initial)
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	fmt.Println("GOMAXPROCS(1) returns:", runtime.GOMAXPROCS(1))
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	fmt.Println("GOMAXPROCS(-1) changes nothing, returns:", runtime.GOMAXPROCS(-1))

	// work still completes with any setting
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		var wg sync.WaitGroup
		var mu sync.Mutex
		sum := 0
		for i := 1; i <= 100; i++ {
			wg.Add(1)
			go func(n int) {
				defer wg.Done()
				mu.Lock()
				sum += n
				mu.Unlock()
			}(i)
		}
		wg.Wait()
		fmt.Printf("procs=%d sum=%d setting=%d\n", procs, sum, runtime.GOMAXPROCS(0))
	}
	runtime.GOMAXPROCS(initial)
	fmt.Println("restored:", runtime.GOMAXPROCS(0) == initial)
}
