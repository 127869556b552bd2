// Mutex-protected counter and map shared by many goroutines.
package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	v  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	c.v[key]++
	c.mu.Unlock()
}

func (c *SafeCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.v[key]
}

type Account struct {
	sync.Mutex // embedded mutex
	balance    int
}

func (a *Account) Deposit(n int) {
	a.Lock()
	defer a.Unlock()
	a.balance += n
}

func main() {
	c := SafeCounter{v: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc("total")
				if i%2 == 0 {
					c.Inc("even")
				}
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(c.Value("total"), c.Value("even"))

	var acct Account
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			acct.Deposit(n)
		}(i)
	}
	wg.Wait()
	fmt.Println("balance", acct.balance)

	var mu sync.Mutex
	fmt.Println("TryLock:", mu.TryLock(), mu.TryLock())
	mu.Unlock()
	fmt.Println("TryLock after unlock:", mu.TryLock())
	mu.Unlock()

	// a mutex handed between goroutines in a fixed order
	var order []int
	var m2 sync.Mutex
	turn := make([]chan struct{}, 4)
	for i := range turn {
		turn[i] = make(chan struct{})
	}
	for i := 0; i < 3; i++ {
		go func(i int) {
			<-turn[i]
			m2.Lock()
			order = append(order, i)
			m2.Unlock()
			turn[i+1] <- struct{}{}
		}(i)
	}
	turn[0] <- struct{}{}
	<-turn[3]
	fmt.Println(order)
}
