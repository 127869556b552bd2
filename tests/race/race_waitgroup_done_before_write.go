// The worker calls wg.Done before storing its result (a plain call instead of defer, too
// early). Wait is ordered after Done, not after what the worker does next.
package main

import (
	"fmt"
	"sync"
	"time"
)

var observed int // what main read: not printed, it depends on timing

func main() {
	var wg sync.WaitGroup
	total := 0
	finished := make(chan bool)
	wg.Add(1)
	go func() {
		wg.Done() // should come after the write (defer wg.Done() at the top)
		time.Sleep(20 * time.Millisecond)
		total = 42 // DATA RACE: the write, after Done
		close(finished)
	}()
	wg.Wait()
	time.Sleep(40 * time.Millisecond)
	observed = total // DATA RACE: the read, after a Wait that did not wait for the write
	<-finished
	fmt.Println("total:", total)
}
