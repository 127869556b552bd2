// Curriculum row 7: thread synchronisation. Unsynchronised increments may lose updates
// (never more than the total); with a mutex the count is exact. A read-write lock lets
// readers share, and a writer that arrives while a reader holds the lock waits for it.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

const workers, perWorker = 8, 2000

func racy() int {
	n := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				n++ // data race: updates may be lost
			}
		}()
	}
	wg.Wait()
	return n
}

func locked() int {
	n := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return n
}

func main() {
	r := racy()
	fmt.Println("without lock, 0 < result <= total:", r > 0 && r <= workers*perWorker)
	fmt.Println("with lock:", locked())

	var rw sync.RWMutex
	var order []string
	var mu sync.Mutex
	note := func(s string) { mu.Lock(); order = append(order, s); mu.Unlock() }

	rw.RLock() // reader 1 holds the lock
	readerIn := make(chan bool)
	go func() { rw.RLock(); readerIn <- true; rw.RUnlock() }()
	fmt.Println("second reader shares the lock:", <-readerIn)

	writerDone := make(chan bool)
	go func() {
		rw.Lock() // arrives while reader 1 holds the lock: waits
		note("writer got the lock")
		rw.Unlock()
		writerDone <- true
	}()
	for rw.TryRLock() { // until the writer is queued, new readers still get in
		rw.RUnlock()
		runtime.Gosched()
	}
	fmt.Println("a new reader is refused while a writer waits")
	note("reader 1 releases")
	rw.RUnlock()
	<-writerDone
	fmt.Println(order)
}
