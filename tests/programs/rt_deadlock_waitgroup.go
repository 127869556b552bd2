// gopark: exit=2
// Waiting on a WaitGroup that is never done, after the workers have exited.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func() { wg.Done() }()
	}
	fmt.Println("waiting for three, only two call Done")
	wg.Wait()
}
