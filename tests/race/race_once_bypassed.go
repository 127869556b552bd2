// One goroutine initialises through once.Do, another reads the data without calling once.Do.
// Once orders its function only before the Do calls that return after it; a reader that
// skips Do gets no ordering at all.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	once     sync.Once
	settings map[string]string
)

func initSettings() {
	settings = map[string]string{"mode": "fast"} // DATA RACE: the write, inside once.Do
}

var observed int // what the reader saw: not printed, it depends on timing

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		once.Do(initSettings)
	}()
	go func() {
		defer wg.Done()
		time.Sleep(20 * time.Millisecond)
		observed = len(settings) // DATA RACE: reads without once.Do(initSettings)
	}()
	wg.Wait()
	fmt.Println("mode:", settings["mode"])
}
