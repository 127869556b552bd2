// runtime.Goexit ends the calling goroutine after running its deferred calls.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func deep(level int, log chan<- string) {
	defer func() { log <- fmt.Sprint("defer at level ", level) }()
	if level == 3 {
		runtime.Goexit()
	}
	deep(level+1, log)
	log <- "never printed"
}

func main() {
	log := make(chan string, 10)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			log <- fmt.Sprint("recover during Goexit returns nil: ", recover() == nil)
		}()
		deep(1, log)
		log <- "not reached"
	}()
	wg.Wait()
	close(log)
	for s := range log {
		fmt.Println(s)
	}

	// Goexit in one goroutine does not affect others
	results := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i == 1 {
				runtime.Goexit()
			}
			results <- i
		}(i)
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum without goroutine 1:", sum)
	fmt.Println("main still running")
}
