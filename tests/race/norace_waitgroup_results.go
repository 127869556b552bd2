// WaitGroup: each Done happens before the Wait that it releases returns, so main reads every
// worker's result after Wait. Each worker writes only its own element.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := []string{"go", "park", "race", "detector"}
	upper := make([]string, len(words))
	var wg sync.WaitGroup
	wg.Add(len(words)) // before the goroutines start, not inside them
	for i, w := range words {
		go func(i int, w string) {
			defer wg.Done()
			upper[i] = strings.ToUpper(w)
		}(i, w)
	}
	wg.Wait()
	fmt.Println(strings.Join(upper, " "))
}
