// A method with a value receiver copies the struct, mutex included: each call locks its own
// copy, so the lock excludes nobody. The pointer inside the copy still points at the shared
// data. (go vet's copylocks check warns about this; the compiler does not.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type tally struct {
	mu     sync.Mutex
	counts *[3]int
}

func (t tally) add(i int) { // should be (t *tally)
	t.mu.Lock()
	t.counts[i]++ // DATA RACE: both callers update the shared array
	t.mu.Unlock()
}

func main() {
	t := tally{counts: new([3]int)}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); t.add(1) }()
	go func() { defer wg.Done(); time.Sleep(20 * time.Millisecond); t.add(1) }()
	wg.Wait()
	fmt.Println("counts[1] is positive:", t.counts[1] > 0)
}
