// Example: Parallel speed-up, timed
// Row: 1
// Watch: the same four CPU-bound workers run twice, first with 1 P, then with 4 Ps. Compare the
// width of the two phases on the timeline with the printed times: on a machine with several cores
// the second phase is shorter, because the workers really run at the same instant (parallel).
// With one core, or in coroutines mode (one thread), it is not: the work is only concurrent.
// (In threads mode both phases are parallel: GOMAXPROCS does not limit OS threads there.)
// The times differ from run to run; Run ×N shows the spread. In simulated mode no time passes
// while goroutines compute (its clock only moves for sleeps and timers), so there is nothing to time.
//
// gopark: nondeterministic
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func work() int {
	sum := 0
	for i := 0; i < 4000000; i++ {
		sum += i % 7
	}
	return sum
}

// timed runs four workers on procs processors and returns how long they took together.
func timed(procs int) time.Duration {
	runtime.GOMAXPROCS(procs)
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
	return time.Since(start)
}

func main() {
	prev := runtime.GOMAXPROCS(0)
	one := timed(1)
	four := timed(4)
	runtime.GOMAXPROCS(prev)
	fmt.Printf("1 P : %4d ms (concurrent: one worker at a time)\n", one.Milliseconds())
	fmt.Printf("4 Ps: %4d ms (parallel, up to %d CPUs here)\n", four.Milliseconds(), runtime.NumCPU())
	if four == 0 {
		fmt.Println("speed-up: none measured: no time passed (a simulated clock stands still while goroutines compute)")
		return
	}
	fmt.Printf("speed-up: %.1fx\n", float64(one)/float64(four))
}
