// Each goroutine gets its own copy of the struct (passed by value) and changes only the copy:
// arrays and plain fields are copied whole, so nothing is shared. (A slice field would share
// its elements: race_struct_copy_shares_slice.go.)
package main

import (
	"fmt"
	"sync"
)

type board struct {
	name  string
	cells [3]int // an array: copied with the struct
}

func play(b board, mark int, out *board, wg *sync.WaitGroup) {
	defer wg.Done()
	b.name += fmt.Sprint("-", mark)
	b.cells[mark] = mark + 10
	*out = b
}

func main() {
	b := board{name: "game"}
	results := make([]board, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go play(b, i, &results[i], &wg)
	}
	wg.Wait()
	fmt.Println(b)
	for _, r := range results {
		fmt.Println(r)
	}
}
