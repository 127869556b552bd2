// A sync.Once declared inside the function it guards: every call gets a fresh Once, so the
// initialisation runs on every call, from every goroutine, unordered.
package main

import (
	"fmt"
	"sync"
	"time"
)

var table []string

func lookup(i int) string {
	var once sync.Once // should be package-level, shared by all callers
	once.Do(func() {
		table = []string{"zero", "one", "two"} // DATA RACE: both callers initialise
	})
	return "looked up"
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); lookup(1) }()
	go func() { defer wg.Done(); time.Sleep(20 * time.Millisecond); lookup(2) }()
	wg.Wait()
	fmt.Println("table has", len(table), "entries")
}
