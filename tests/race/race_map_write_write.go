// Two goroutines write the same map. Go's runtime may stop the program with "concurrent map
// writes" when the writes overlap in time; here they are apart in time (a sleep), so only the
// race detector sees the problem. It reports the map's internal accesses (runtime.mapassign),
// blaming the program's two assignment lines.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ages := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		ages["ada"] = 36 // DATA RACE: map write
	}()
	go func() {
		defer wg.Done()
		time.Sleep(20 * time.Millisecond)
		ages["alan"] = 41 // DATA RACE: another map write, unordered with the first
	}()
	wg.Wait()
	fmt.Println(len(ages), ages["ada"], ages["alan"])
}
