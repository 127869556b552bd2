// sync.Cond: Wait releases the lock while waiting; Signal wakes one waiter, Broadcast all.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func main() {
	q := NewQueue()
	results := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			sum := 0
			for j := 0; j < 4; j++ {
				sum += q.Get()
			}
			results <- sum
		}()
	}
	for i := 1; i <= 12; i++ {
		q.Put(i)
	}
	total := 0
	for i := 0; i < 3; i++ {
		total += <-results
	}
	fmt.Println("total:", total)

	// Broadcast wakes every waiter
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	var woke []int
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			woke = append(woke, id)
			mu.Unlock()
		}(i)
	}
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	sort.Ints(woke)
	fmt.Println("woke:", woke)
}
