// Appending to a shared slice from two goroutines. append reads the slice header (pointer,
// length, capacity), may copy the elements into a new array, and writes the header back: all of
// it unsynchronised. Go blames the two append lines (the header read and the copy's element
// reads of growslice both race with the other goroutine's writes).
package main

import (
	"fmt"
	"sync"
	"time"
)

var items []int

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		items = append(items, 1) // DATA RACE: reads and writes the header, writes an element
	}()
	go func() {
		defer wg.Done()
		time.Sleep(20 * time.Millisecond)
		items = append(items, 2) // DATA RACE: the same, unordered with the first append
	}()
	wg.Wait()
	fmt.Println("appended; length at most 2:", len(items) <= 2)
}
