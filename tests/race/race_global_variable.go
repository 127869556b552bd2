// A package-level variable set by one goroutine and read by another. Globals are shared by
// every goroutine; starting both from main orders neither after the other.
package main

import (
	"fmt"
	"sync"
	"time"
)

var config = "default"

func load(wg *sync.WaitGroup) {
	defer wg.Done()
	config = "from file" // DATA RACE: the write
}

func serve(wg *sync.WaitGroup, lengths *[]int) {
	defer wg.Done()
	time.Sleep(20 * time.Millisecond)
	*lengths = append(*lengths, len(config)) // DATA RACE: the read, in another goroutine
}

func main() {
	var wg sync.WaitGroup
	var lengths []int
	wg.Add(2)
	go load(&wg)
	go serve(&wg, &lengths)
	wg.Wait()
	fmt.Println("served requests:", len(lengths))
}
