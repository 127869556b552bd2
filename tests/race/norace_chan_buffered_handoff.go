// A buffered channel orders a send before the receive of that value, like an unbuffered one:
// the worker sees what the producer wrote before sending. Results come back on a second channel
// and are put in order by index.
package main

import (
	"fmt"
	"sort"
)

type task struct {
	index int
	input []int
	sum   int
}

func main() {
	tasks := make(chan *task, 3)
	results := make(chan *task, 3)
	go func() {
		for t := range tasks {
			for _, v := range t.input {
				t.sum += v
			}
			results <- t // the sum is written before this send
		}
	}()
	for i := 0; i < 3; i++ {
		t := &task{index: i}
		t.input = []int{i, i + 1, i + 2} // written before the send
		tasks <- t
	}
	close(tasks)
	var got []*task
	for i := 0; i < 3; i++ {
		got = append(got, <-results)
	}
	sort.Slice(got, func(a, b int) bool { return got[a].index < got[b].index })
	for _, t := range got {
		fmt.Println(t.index, t.sum)
	}
}
