// runtime.Goexit ends a goroutine but still runs its deferred calls: the deferred wg.Done
// happens after the writes the goroutine made, so Wait orders main after them.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	status := make([]string, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() { status[i] += " (cleaned up)" }()
			status[i] = fmt.Sprint("worker ", i)
			if i == 1 {
				runtime.Goexit() // the deferred calls still run, in order
			}
			status[i] += " finished"
		}(i)
	}
	wg.Wait()
	for _, s := range status {
		fmt.Println(s)
	}
}
