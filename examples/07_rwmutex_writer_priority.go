// Example: Read-write lock: readers share, a waiting writer goes first
// Row: 7
// Watch: the lock panel of the RWMutex. R1 and R2 hold it together (reader count 2). W asks for
// the write lock and waits (suspended, "sync.RWMutex.Lock") because readers hold it. R3 asks for
// a read lock after W: although readers are inside, R3 waits too, so that the writer is not
// starved. When R1 and R2 leave, W gets the lock alone; only after W unlocks does R3 get in.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	release := make(chan bool) // closed when R1 and R2 should leave
	in := make(chan bool)

	for _, name := range []string{"R1", "R2"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			in <- true
			<-release // reading... until main says stop
			rw.RUnlock()
		}()
		<-in
		fmt.Println(name, "holds a read lock")
	}
	fmt.Println("R1 and R2 read at the same time: readers share the lock")

	wg.Add(2)
	go func() {
		defer wg.Done()
		rw.Lock() // waits: readers are inside
		fmt.Println("W has the write lock, alone")
		time.Sleep(200 * time.Millisecond) // writing
		fmt.Println("W unlocks")
		rw.Unlock()
	}()
	for rw.TryRLock() { // until W is queued, a new reader would still get in
		rw.RUnlock()
		runtime.Gosched()
	}
	fmt.Println("W waits for the readers; from now on new readers wait for W")

	go func() {
		defer wg.Done()
		rw.RLock() // arrives after W: waits although only readers are inside
		fmt.Println("R3 has its read lock, after W")
		rw.RUnlock()
	}()

	time.Sleep(300 * time.Millisecond) // look at the lock panel: W and R3 are waiting
	fmt.Println("R1 and R2 unlock")
	close(release)
	wg.Wait()
}
