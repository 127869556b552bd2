// Closing a channel happens before every receive that returns because of the close: one
// close(start) publishes the configuration to all the waiting workers at once.
package main

import (
	"fmt"
	"sync"
)

type settings struct {
	prefix string
	scale  int
}

func main() {
	var cfg settings
	start := make(chan struct{})
	out := make([]string, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start // returns because of the close
			out[i] = fmt.Sprint(cfg.prefix, i*cfg.scale)
		}(i)
	}
	cfg.prefix = "item-" // written after the goroutines started...
	cfg.scale = 10
	close(start) // ...and before the close they wait for
	wg.Wait()
	fmt.Println(out)
}
