// Publication with sync/atomic functions: the writer stores the data, then sets the flag with
// an atomic store; the reader waits for the flag with atomic loads, then reads the data. The
// store that the load observes synchronises with it, so the data write happens before the read.
// (Compare race_atomic_flag_plain_read.go and race_atomic_publish_too_early.go.)
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var (
	data  []string
	ready int32
)

func main() {
	go func() {
		data = []string{"alpha", "beta"}
		atomic.StoreInt32(&ready, 1)
	}()
	for atomic.LoadInt32(&ready) == 0 {
		runtime.Gosched()
	}
	fmt.Println(data)
}
