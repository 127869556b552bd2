// A counting semaphore of capacity 2 that only limits how many workers run at once: each
// worker writes its own element, and main reads the results after Wait. (Using such a
// semaphore as a lock would be a race: race_semaphore_capacity_two.go.)
package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan struct{}, 2)
	lengths := make([]int, 5)
	words := []string{"one", "three", "five", "seven", "eleven"}
	var wg sync.WaitGroup
	for i := range words {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			lengths[i] = len(words[i])
		}(i)
	}
	wg.Wait()
	fmt.Println(lengths)
}
