// gopark: exit=2
// Unlocking an unlocked mutex is a fatal error (not recoverable).
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() {
		fmt.Println("recover cannot catch it:", recover())
	}()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("locked and unlocked")
	mu.Unlock()
}
