// wg.Add inside the goroutine: when main reaches wg.Wait while the counter is still zero, Wait
// returns at once and orders nothing. Here the goroutine starts its work only after main's
// Wait has returned (standing in for a goroutine that is slow to start), on every run.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

var observed string // what main read: not printed, it depends on timing

func main() {
	var wg sync.WaitGroup
	var waited atomic.Bool
	report := ""
	finished := make(chan bool)
	go func() {
		for !waited.Load() {
			runtime.Gosched()
		}
		wg.Add(1)        // too late: Add must happen before the Wait it is meant to delay
		report = "ready" // DATA RACE: the write
		wg.Done()
		close(finished)
	}()
	wg.Wait() // returns at once: the counter is 0
	waited.Store(true)
	time.Sleep(20 * time.Millisecond)
	observed = report // DATA RACE: the read
	<-finished
	fmt.Println("report:", report)
}
