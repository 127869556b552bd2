// Curriculum row 13: main and a new goroutine race from the same start line.
// Who prints first varies from run to run (and between scheduler modes); this
// program counts the outcomes of 200 trials and prints only what never varies.
package main

import (
	"fmt"
	"sync"
)

func trial() string {
	var mu sync.Mutex
	first := ""
	claim := func(who string) {
		mu.Lock()
		if first == "" {
			first = who
		}
		mu.Unlock()
	}
	done := make(chan bool)
	go func() {
		claim("child")
		done <- true
	}()
	claim("main")
	<-done
	return first
}

func main() {
	counts := map[string]int{}
	for i := 0; i < 200; i++ {
		counts[trial()]++
	}
	fmt.Println("trials:", counts["main"]+counts["child"])
	fmt.Println("only main or child won:", len(counts) <= 2)
}
