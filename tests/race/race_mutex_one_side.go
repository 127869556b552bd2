// The writer holds the mutex, the reader does not. A lock protects data only when every
// access to it holds the lock: the reader's Lock is what would order it after the write.
package main

import (
	"fmt"
	"sync"
	"time"
)

type stats struct {
	mu   sync.Mutex
	hits int
}

var observed int // what the reader saw: not printed, it depends on timing

func main() {
	s := &stats{}
	done := make(chan bool)
	go func() {
		s.mu.Lock()
		s.hits++ // DATA RACE: written under the lock...
		s.mu.Unlock()
		done <- true
	}()
	time.Sleep(20 * time.Millisecond)
	observed = s.hits // DATA RACE: ...read without it
	<-done
	s.mu.Lock()
	fmt.Println("hits:", s.hits)
	s.mu.Unlock()
}
