// Workers fill disjoint parts of one slice: each element is written by one goroutine only,
// and main reads them after Wait. The slice header itself is only read by the workers.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const workers, per = 3, 4
	out := make([]int, workers*per)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(part []int, base int) {
			defer wg.Done()
			for i := range part {
				part[i] = (base + i) * (base + i)
			}
		}(out[w*per:(w+1)*per], w*per)
	}
	wg.Wait()
	fmt.Println(out)
}
