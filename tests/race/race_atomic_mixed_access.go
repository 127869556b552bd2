// The workers add atomically, but main reads the counter with a plain read while they may
// still run. Every access to a variable shared with atomics must itself be atomic (or be
// ordered after the atomics by something else, such as wg.Wait).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var observed int64 // what main read: not printed, it depends on timing

func main() {
	var hits int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		atomic.AddInt64(&hits, 1) // DATA RACE: an atomic write...
	}()
	time.Sleep(20 * time.Millisecond)
	observed = hits // DATA RACE: ...and a plain read (should be atomic.LoadInt64)
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&hits))
}
