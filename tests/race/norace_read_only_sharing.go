// Data written before the goroutines start and only read afterwards needs no lock: reads do
// not race with reads. (One writer anywhere would change that.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

var dictionary = map[string]string{}

func main() {
	dictionary["go"] = "to move"
	dictionary["park"] = "to leave a vehicle"
	dictionary["race"] = "a contest of speed"
	queries := []string{"park", "race", "go", "fly"}
	answers := make([]string, len(queries))
	var wg sync.WaitGroup
	for i, q := range queries {
		wg.Add(1)
		go func(i int, q string) {
			defer wg.Done()
			if d, ok := dictionary[q]; ok {
				answers[i] = q + ": " + d
			} else {
				answers[i] = q + ": ?"
			}
		}(i, q)
	}
	wg.Wait()
	sort.Strings(answers)
	fmt.Println(strings.Join(answers, "\n"))
}
