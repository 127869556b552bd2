// The dashboard's live load for the 60 fps check (tests/bench/run.sh, make bench): 1,000
// goroutines and 100 channels. 100 tokens travel round a ring of 100 buffered channels, ten
// goroutines to a channel; each goroutine takes a token, updates a counter under one of ten
// Mutexes, sometimes naps, and passes the token on. At any instant most goroutines wait to
// receive, some to lock, a few sleep or run: every panel has rows in every state.
package main

import (
	"sync"
	"time"
)

func main() {
	const channels, goroutines = 100, 1000
	var locks [10]sync.Mutex
	var counters [10]int
	ring := make([]chan int, channels)
	for i := range ring {
		ring[i] = make(chan int, 4)
	}
	for g := 0; g < goroutines; g++ {
		go func(g int) {
			in, out := ring[g%channels], ring[(g+1)%channels]
			for n := 0; ; n++ {
				v := <-in
				k := g % len(locks)
				locks[k].Lock()
				counters[k]++
				locks[k].Unlock()
				if n%50 == 0 {
					time.Sleep(time.Millisecond)
				}
				out <- v + 1
			}
		}(g)
	}
	for i := 0; i < channels; i++ {
		ring[i] <- i
	}
	select {}
}
