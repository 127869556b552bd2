// RWMutex: many readers share the lock, a writer is exclusive.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type Store struct {
	mu   sync.RWMutex
	data map[string]int
}

func (s *Store) Get(k string) (int, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.data[k]
	return v, ok
}

func (s *Store) Set(k string, v int) {
	s.mu.Lock()
	s.data[k] = v
	s.mu.Unlock()
}

func main() {
	s := &Store{data: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.Set(fmt.Sprint("k", i), i*i)
		}(i)
	}
	wg.Wait()
	var readers sync.WaitGroup
	sums := make([]int, 5)
	for r := 0; r < 5; r++ {
		readers.Add(1)
		go func(r int) {
			defer readers.Done()
			for i := 0; i < 10; i++ {
				v, _ := s.Get(fmt.Sprint("k", i))
				sums[r] += v
			}
		}(r)
	}
	readers.Wait()
	fmt.Println(sums)

	// two readers hold the lock at the same time
	var rw sync.RWMutex
	rw.RLock()
	inside := make(chan bool)
	left := make(chan bool)
	go func() {
		rw.RLock() // does not block: readers share
		inside <- true
		rw.RUnlock()
		left <- true
	}()
	fmt.Println("second reader got in:", <-inside)
	fmt.Println("TryLock while read-locked:", rw.TryLock())
	<-left // the second reader is gone (else TryLock below could still see it)
	rw.RUnlock()
	fmt.Println("TryLock when free:", rw.TryLock())
	fmt.Println("TryRLock while write-locked:", rw.TryRLock())
	rw.Unlock()

	// a writer waits for the reader; readers arriving later wait for the writer
	var events []string
	var evMu sync.Mutex
	log := func(e string) {
		evMu.Lock()
		events = append(events, e)
		evMu.Unlock()
	}
	rw.RLock()
	writerDone := make(chan struct{})
	go func() {
		rw.Lock()
		log("writer")
		rw.Unlock()
		close(writerDone)
	}()
	// let the writer queue up
	for !writerWaiting(&rw) {
	}
	log("reader releases")
	rw.RUnlock()
	<-writerDone
	fmt.Println(events)
	rl := rw.RLocker()
	rl.Lock()
	rl.Unlock()
	fmt.Println("done")
}

// writerWaiting reports whether a writer is queued: TryRLock fails then.
func writerWaiting(rw *sync.RWMutex) bool {
	if rw.TryRLock() {
		rw.RUnlock()
		runtime.Gosched()
		return false
	}
	return true
}
