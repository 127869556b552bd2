// Curriculum row 10: start a goroutine by writing go before a call;
// goroutines communicate through channels.
package main

import (
	"fmt"
	"time"
)

func say(s string, times int, done chan<- string) {
	for i := 0; i < times; i++ {
		time.Sleep(time.Millisecond)
	}
	done <- s
}

func sum(s []int, c chan<- int) {
	total := 0
	for _, v := range s {
		total += v
	}
	c <- total
}

func main() {
	done := make(chan string)
	go say("world", 3, done)
	fmt.Println("hello")
	fmt.Println(<-done)

	s := []int{7, 2, 8, -9, 4, 0}
	c := make(chan int)
	go sum(s[:len(s)/2], c)
	go sum(s[len(s)/2:], c)
	x, y := <-c, <-c
	fmt.Println(x+y, x*y)

	results := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		go func(n int) { results <- n * 10 }(i)
	}
	total := 0
	for i := 0; i < 5; i++ {
		total += <-results
	}
	fmt.Println("total from 5 goroutines:", total)
}
