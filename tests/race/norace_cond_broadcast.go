// Broadcast wakes every waiter; each re-acquires the lock before Wait returns, so each sees
// the state the broadcaster wrote under the lock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	open := false
	message := ""
	waiting := 0
	seen := make([]string, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			waiting++
			cond.Broadcast() // tells main one more is waiting
			for !open {
				cond.Wait()
			}
			seen[i] = message
			mu.Unlock()
		}(i)
	}
	mu.Lock()
	for waiting < 3 {
		cond.Wait()
	}
	message = "doors open"
	open = true
	mu.Unlock()
	cond.Broadcast()
	wg.Wait()
	fmt.Println(seen)
}
