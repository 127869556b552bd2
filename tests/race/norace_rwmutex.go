// RWMutex: readers share the lock with RLock, the writer takes it alone with Lock. A writer's
// Unlock happens before every later RLock, and every RUnlock before the next Lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type prices struct {
	mu    sync.RWMutex
	table map[string]int
}

func (p *prices) get(item string) int {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.table[item]
}

func (p *prices) set(item string, v int) {
	p.mu.Lock()
	p.table[item] = v
	p.mu.Unlock()
}

func main() {
	p := &prices{table: map[string]int{"tea": 3}}
	seen := make([]int, 4)
	var wg sync.WaitGroup
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			time.Sleep(time.Duration(r) * 5 * time.Millisecond)
			seen[r] = p.get("tea")
		}(r)
	}
	wg.Add(1)
	go func() { defer wg.Done(); time.Sleep(7 * time.Millisecond); p.set("tea", 4) }()
	wg.Wait()
	ok := true
	for _, v := range seen {
		ok = ok && (v == 3 || v == 4)
	}
	fmt.Println("every reader saw a whole price:", ok, "final:", p.get("tea"))
}
