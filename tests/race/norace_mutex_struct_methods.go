// A type that guards its own fields: every method takes the mutex (pointer receivers, so the
// mutex is never copied), with defer for the unlock. TryLock that succeeds locks too.
package main

import (
	"fmt"
	"sync"
)

type inventory struct {
	mu    sync.Mutex
	stock map[string]int
}

func (inv *inventory) add(item string, n int) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	inv.stock[item] += n
}

func (inv *inventory) take(item string) bool {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	if inv.stock[item] == 0 {
		return false
	}
	inv.stock[item]--
	return true
}

func (inv *inventory) count(item string) int {
	if !inv.mu.TryLock() {
		inv.mu.Lock()
	}
	defer inv.mu.Unlock()
	return inv.stock[item]
}

func main() {
	inv := &inventory{stock: map[string]int{}}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(2)
		go func() { defer wg.Done(); inv.add("pen", 5) }()
		go func() { defer wg.Done(); inv.take("pen") }()
	}
	wg.Wait()
	taken := 20 - inv.count("pen")
	fmt.Println("taken at most 4:", taken >= 0 && taken <= 4)
}
