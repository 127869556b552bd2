// gopark: exit=2
// Locking a mutex twice in the same goroutine deadlocks.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked once")
	mu.Lock()
}
