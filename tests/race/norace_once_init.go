// sync.Once: the function passed to Do runs once, and its completion happens before every
// once.Do call returns, so all callers see what it initialised.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	once  sync.Once
	table map[string]int
	calls int // written only inside once.Do
)

func lookup(name string) int {
	once.Do(func() {
		calls++
		time.Sleep(5 * time.Millisecond) // the other callers wait in Do meanwhile
		table = map[string]int{"one": 1, "two": 2, "three": 3}
	})
	return table[name]
}

func main() {
	names := []string{"one", "two", "three", "two"}
	got := make([]int, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func(i int, n string) {
			defer wg.Done()
			got[i] = lookup(n)
		}(i, n)
	}
	wg.Wait()
	fmt.Println(got, "init calls:", calls)
}
