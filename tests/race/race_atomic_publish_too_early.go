// The flag is set before the data is written. The reader loads the flag atomically and is
// ordered after the store, but the data write comes after the store, so it is not ordered
// before the reader's read.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

var (
	data  []int
	ready atomic.Bool
)

var observed int // what the reader saw: not printed, it depends on timing

func main() {
	done := make(chan bool)
	go func() {
		ready.Store(true)     // published too early...
		data = []int{1, 2, 3} // DATA RACE: ...the write comes after the store
		close(done)
	}()
	for !ready.Load() {
		runtime.Gosched()
	}
	time.Sleep(20 * time.Millisecond)
	observed = len(data) // DATA RACE: ordered after the store, not after the write
	<-done
	fmt.Println("data:", data)
}
