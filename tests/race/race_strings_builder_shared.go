// A strings.Builder shared by two goroutines. Its methods change its fields and its buffer;
// Go blames the racing accesses inside the library on the program's two calls.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

func main() {
	var log strings.Builder
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		log.WriteString("first;") // DATA RACE: writes the builder's fields and buffer
	}()
	go func() {
		defer wg.Done()
		time.Sleep(20 * time.Millisecond)
		log.WriteString("second;") // DATA RACE: the same fields, unordered
	}()
	wg.Wait()
	fmt.Println("log length is at most 13:", log.Len() <= 13)
}
