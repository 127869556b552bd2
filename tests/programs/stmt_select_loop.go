// select in loops: merging channels until both close, and choosing among ready cases.
package main

import (
	"fmt"
	"sort"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			a <- i
		}
		close(a)
	}()
	go func() {
		for i := 10; i < 14; i++ {
			b <- i
		}
		close(b)
	}()
	// disable each channel (set it to nil) once it is closed
	var got []int
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got = append(got, v)
		}
	}
	sort.Ints(got)
	fmt.Println(got)

	// both cases ready: either may run; only the totals are fixed
	c1 := make(chan string, 100)
	c2 := make(chan string, 100)
	for i := 0; i < 100; i++ {
		c1 <- "one"
		c2 <- "two"
	}
	counts := map[string]int{}
	for i := 0; i < 100; i++ {
		select {
		case s := <-c1:
			counts[s]++
		case s := <-c2:
			counts[s]++
		}
	}
	fmt.Println(counts["one"]+counts["two"], len(c1)+len(c2))

	// a quit channel stops a producer that selects between sending and quitting
	nums := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; ; i++ {
			select {
			case nums <- i * i:
			case <-quit:
				close(nums)
				return
			}
		}
	}()
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-nums
	}
	quit <- true
	_, ok := <-nums
	fmt.Println("sum of squares", sum, "channel open:", ok)
}
