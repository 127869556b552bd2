// atomic.Value swaps a whole configuration: the writer builds a new value and stores it; a
// reader that loads it sees the fields written before the Store. Values are never modified
// after being stored (copy, change, store again).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	name    string
	workers int
}

func main() {
	var current atomic.Value
	current.Store(&config{name: "start", workers: 1})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for v := 2; v <= 4; v++ {
			old := current.Load().(*config)
			next := *old // copy, then change the copy
			next.name = "v" + fmt.Sprint(v)
			next.workers = v
			current.Store(&next)
		}
	}()
	sane := true
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			c := current.Load().(*config)
			sane = sane && c.workers >= 1 && len(c.name) > 0
		}
	}()
	wg.Wait()
	c := current.Load().(*config)
	fmt.Println("readers saw whole configs:", sane, "final:", c.name, c.workers)
}
