// Two goroutines write the same slice element. Different elements would be fine (each element
// is its own memory location, see norace_slice_disjoint_elements.go); the same one is a race.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	slots := make([]int, 4)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		slots[2] = 10 // DATA RACE: first writer
	}()
	go func() {
		defer wg.Done()
		time.Sleep(20 * time.Millisecond)
		slots[2] = 20 // DATA RACE: second writer, later but unordered
	}()
	wg.Wait()
	fmt.Println("len:", len(slots), "untouched:", slots[0], slots[1], slots[3])
}
