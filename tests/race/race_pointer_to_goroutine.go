// Passing a pointer to a goroutine shares what it points to. The goroutine fills in the
// result through the pointer; main reads it after a sleep instead of waiting properly.
package main

import (
	"fmt"
	"time"
)

type result struct {
	sum int
}

func compute(out *result, values []int) {
	total := 0
	for _, v := range values {
		total += v
	}
	out.sum = total // DATA RACE: written through the pointer
}

var observed int // what main read: not printed, it depends on timing

func main() {
	var r result
	done := make(chan bool)
	go func() {
		compute(&r, []int{1, 2, 3, 4})
		close(done)
	}()
	time.Sleep(20 * time.Millisecond)
	observed = r.sum // DATA RACE: main reads its own variable, written by the goroutine
	<-done
	fmt.Println("after waiting properly:", r.sum)
}
