// Curriculum row 1: parallel (several CPUs at once) versus concurrent (one CPU switching).
// The same work runs with GOMAXPROCS=1 (concurrent only) and GOMAXPROCS=4 (parallel
// where the hardware allows); the results are identical, only the timeline differs.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func work(id int) int {
	sum := 0
	for i := 0; i < 200000; i++ {
		sum += (i * id) % 7
	}
	return sum
}

func run(procs int) []int {
	prev := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(prev)
	results := make([]int, 4)
	var wg sync.WaitGroup
	for id := 0; id < 4; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			results[id] = work(id + 1)
		}(id)
	}
	wg.Wait()
	return results
}

func main() {
	one := run(1)
	fmt.Println("GOMAXPROCS=1 (concurrent):", one)
	four := run(4)
	fmt.Println("GOMAXPROCS=4 (parallel):  ", four)
	same := true
	for i := range one {
		if one[i] != four[i] {
			same = false
		}
	}
	fmt.Println("same results:", same)
}
