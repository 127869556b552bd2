// Example: The factory: idle workers take any task
// Row: 9
// Watch: run it in each scheduler mode and compare the thread (M) rows. A conveyor (channel)
// carries 12 tasks to 3 workers; whichever worker is idle takes the next task. In threads mode
// (1:1) every goroutine has its own OS thread, like one worker per production line. In
// coroutines mode (N:1) one thread runs all of them. In goroutines mode (M:N) a few threads,
// each holding a P, run whichever goroutine is ready. Who made which product varies from run to
// run; the products do not.
package main

import (
	"fmt"
	"sync"
	"time"
)

// build does a task: some work on the CPU, then a wait (for parts, say).
func build(task int) int {
	x := 0
	for i := 0; i < 1000000; i++ {
		x = (x + task*i) % 1000
	}
	time.Sleep(30 * time.Millisecond)
	return task * task
}

func main() {
	conveyor := make(chan int) // unbuffered: a task is handed from main to one idle worker
	products := make([]int, 12)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for task := range conveyor { // take tasks until the conveyor is closed
				products[task-1] = build(task) // each task has its own slot: no lock needed
			}
		}()
	}
	for task := 1; task <= 12; task++ {
		conveyor <- task // main waits here until some worker is free
	}
	close(conveyor)
	wg.Wait()
	fmt.Println("products:", products)
}
