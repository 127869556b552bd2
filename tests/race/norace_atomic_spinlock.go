// A spin lock built from CompareAndSwap and Store: a successful CompareAndSwap observes the
// previous holder's Store, so the critical sections are ordered like a mutex's.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

type spinLock struct{ state int32 }

func (l *spinLock) lock() {
	for !atomic.CompareAndSwapInt32(&l.state, 0, 1) {
		runtime.Gosched()
	}
}

func (l *spinLock) unlock() { atomic.StoreInt32(&l.state, 0) }

func main() {
	var l spinLock
	history := []int{}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				l.lock()
				history = append(history, w)
				l.unlock()
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("entries:", len(history))
}
