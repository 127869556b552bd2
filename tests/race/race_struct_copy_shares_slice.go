// Each goroutine gets its own copy of the struct, but a copied slice shares its backing array:
// the copies write the same element. (An array field would be copied whole:
// norace_value_copy_per_goroutine.go.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type board struct {
	name  string
	cells []int // copying the struct copies only the slice header
}

func play(b board, delay time.Duration, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(delay)
	b.name = "copy" // fine: the copy's own field
	b.cells[0] += 1 // DATA RACE: the element is shared by every copy
}

func main() {
	b := board{name: "original", cells: make([]int, 3)}
	var wg sync.WaitGroup
	wg.Add(2)
	go play(b, 0, &wg)
	go play(b, 20*time.Millisecond, &wg)
	wg.Wait()
	fmt.Println(b.name, "cells[0] is positive:", b.cells[0] > 0)
}
