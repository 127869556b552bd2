// The workers call wg.Done, but main forgets wg.Wait and sleeps instead: Done orders a
// worker's writes only before a Wait that returns, so main's reads are unordered.
package main

import (
	"fmt"
	"sync"
	"time"
)

var observed []int // what main read: not printed, it depends on timing

func main() {
	squares := make([]int, 3)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			squares[k] = k * k // DATA RACE: each worker writes its element
		}(w)
	}
	time.Sleep(30 * time.Millisecond)       // should be wg.Wait()
	observed = append(observed, squares...) // DATA RACE: main reads every element
	wg.Wait()                               // too late: the reads above already raced
	fmt.Println("after Wait:", squares)
}
