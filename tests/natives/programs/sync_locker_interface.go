// Native methods called through an interface: sync.Locker holding a *sync.Mutex (directly, and
// as a Cond's L, whose Wait unlocks and relocks it through the interface).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var m sync.Mutex
	var l sync.Locker = &m
	l.Lock()
	fmt.Println("locked through the interface:", !m.TryLock())
	l.Unlock()

	var rw sync.RWMutex
	r := rw.RLocker()
	r.Lock()
	r.Unlock()
	fmt.Println("read locker")

	c := sync.NewCond(&m)
	ready := 0
	for i := 0; i < 3; i++ {
		go func() {
			m.Lock()
			ready++
			c.Wait()
			ready--
			m.Unlock()
		}()
	}
	for {
		m.Lock()
		if ready == 3 {
			m.Unlock()
			break
		}
		m.Unlock()
		runtime.Gosched()
	}
	m.Lock()
	c.Broadcast()
	m.Unlock()
	for {
		m.Lock()
		n := ready
		m.Unlock()
		if n == 0 {
			break
		}
		runtime.Gosched()
	}
	fmt.Println("all woken")
}
