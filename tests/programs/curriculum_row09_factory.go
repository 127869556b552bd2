// Curriculum row 9: the factory picture. Ten tasks, three idle workers that take any
// task from a shared queue (like goroutines on a pool of threads). Which worker did
// which task varies; the finished products do not.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type product struct {
	task   int
	result int
	worker int
}

func main() {
	tasks := make(chan int)
	products := make(chan product)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func(worker int) {
			defer wg.Done()
			for t := range tasks {
				products <- product{t, t * t, worker}
			}
		}(w)
	}
	go func() {
		for t := 1; t <= 10; t++ {
			tasks <- t
		}
		close(tasks)
	}()
	go func() {
		wg.Wait()
		close(products)
	}()
	var all []product
	perWorker := map[int]int{}
	for p := range products {
		all = append(all, p)
		perWorker[p.worker]++
	}
	sort.Slice(all, func(i, j int) bool { return all[i].task < all[j].task })
	for _, p := range all {
		fmt.Printf("task %2d -> %3d\n", p.task, p.result)
	}
	total := 0
	for w := 1; w <= 3; w++ {
		total += perWorker[w]
	}
	fmt.Println("tasks done:", total)
}
