// gopark: nondeterministic
// Goroutines print as soon as they run, without coordination: the order of the lines differs
// between runs and scheduler modes, so only the exit status is checked.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for step := 0; step < 3; step++ {
				fmt.Printf("goroutine %d step %d\n", id, step)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("all done")
}
