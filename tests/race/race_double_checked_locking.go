// Double-checked locking: the first check reads the instance pointer without the lock. A
// goroutine that finds it already set skips the lock, so nothing orders it after the writes
// that built the instance (neither the pointer's write nor the fields').
package main

import (
	"fmt"
	"sync"
	"time"
)

type service struct {
	name string
}

var (
	mu       sync.Mutex
	instance *service
)

func get() *service {
	s := instance // DATA RACE: the unlocked first check
	if s == nil {
		mu.Lock()
		if instance == nil {
			instance = &service{name: "db"} // DATA RACE: the pointer and the field are written here
		}
		s = instance
		mu.Unlock()
	}
	return s
}

func worker(i int, delay time.Duration, lengths []int, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(delay)
	lengths[i] = len(get().name) // DATA RACE: the late caller reads the field unordered
}

func main() {
	lengths := make([]int, 2)
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(0, 0, lengths, &wg)
	go worker(1, 20*time.Millisecond, lengths, &wg)
	wg.Wait()
	fmt.Println("name lengths:", lengths)
}
