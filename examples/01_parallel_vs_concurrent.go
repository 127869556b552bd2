// Example: Parallel vs concurrent
// Row: 1
// Watch: the per-P timeline. In the first half GOMAXPROCS is 1: the four workers share a single P
// lane and take turns (concurrent: their slices interleave, never overlap; the scheduler switches
// every 10 ms). In the second half GOMAXPROCS is 4: their slices overlap on several lanes at the
// same instant (parallel, as far as the machine has cores). In coroutines mode nobody is
// preempted, so each worker runs to its end before the next starts; in threads mode every
// goroutine has its own OS thread, which GOMAXPROCS does not limit. The results are the same
// every time: only *when* the work happens changes.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// work keeps one CPU busy for a while and returns a checksum.
func work(id int) int {
	sum := 0
	for i := 0; i < 4000000; i++ {
		sum += (i * id) % 7
	}
	return sum
}

// phase runs four workers at once on the given number of processors (Ps).
func phase(procs int) {
	runtime.GOMAXPROCS(procs)
	results := make([]int, 4)
	var wg sync.WaitGroup
	for id := 0; id < 4; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			results[id] = work(id + 1) // each worker writes only its own slot: no lock needed
		}(id)
	}
	wg.Wait()
	fmt.Printf("GOMAXPROCS=%d: results %v\n", procs, results)
}

func main() {
	prev := runtime.GOMAXPROCS(0) // 0 only reads the setting
	fmt.Println("concurrent: one P, the four workers take turns on it")
	phase(1)
	fmt.Println("parallel: four Ps, the workers run at the same time")
	phase(4)
	runtime.GOMAXPROCS(prev)
}
