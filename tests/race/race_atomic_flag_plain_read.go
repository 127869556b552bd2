// Broken publication: the writer stores the data and then sets the flag atomically, which is
// right, but the reader waits for the flag with plain reads. A plain read synchronises with
// nothing, so it races with the atomic store, and the data read races with the data write.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var (
	data  int
	ready int32
)

var observed int // what the reader saw: not printed, it depends on timing

func main() {
	done := make(chan bool)
	go func() {
		data = 42                    // DATA RACE: the data write
		atomic.StoreInt32(&ready, 1) // DATA RACE: the atomic store of the flag
		close(done)
	}()
	for ready == 0 { // DATA RACE: plain reads of the flag (should be atomic.LoadInt32)
		runtime.Gosched()
	}
	observed = data // DATA RACE: the data read
	<-done
	fmt.Println("data:", data)
}
