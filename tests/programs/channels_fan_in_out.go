// Fan-out to workers, fan-in of results; sorted for a deterministic print.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type job struct{ id, n int }
type result struct{ id, sum int }

func worker(jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		s := 0
		for i := 1; i <= j.n; i++ {
			s += i
		}
		results <- result{j.id, s}
	}
}

func merge(cs ...<-chan string) <-chan string {
	var wg sync.WaitGroup
	out := make(chan string)
	for _, c := range cs {
		wg.Add(1)
		go func(c <-chan string) {
			defer wg.Done()
			for s := range c {
				out <- s
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func source(name string, n int) <-chan string {
	c := make(chan string)
	go func() {
		for i := 0; i < n; i++ {
			c <- fmt.Sprintf("%s%d", name, i)
		}
		close(c)
	}()
	return c
}

func main() {
	jobs := make(chan job)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	go func() {
		for i := 0; i < 10; i++ {
			jobs <- job{i, i * 10}
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].id < all[j].id })
	fmt.Println(all)

	var got []string
	for s := range merge(source("a", 3), source("b", 2), source("c", 4)) {
		got = append(got, s)
	}
	sort.Strings(got)
	fmt.Println(got, len(got))
}
