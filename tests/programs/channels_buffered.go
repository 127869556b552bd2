// Buffered channels: capacity, FIFO order, len/cap, non-blocking until full.
package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	ch <- "c"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch, <-ch)
	ch <- "d"
	fmt.Println(<-ch, <-ch)
	fmt.Println(len(ch))

	// closed buffered channel still delivers its buffered values
	nums := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		nums <- i
	}
	close(nums)
	fmt.Println(len(nums))
	for v := range nums {
		fmt.Print(v, " ")
	}
	fmt.Println()
	v, ok := <-nums
	fmt.Println(v, ok)

	// a buffered channel as a semaphore limits concurrency
	sem := make(chan struct{}, 2)
	done := make(chan int)
	active, maxActive := 0, 0
	lock := make(chan struct{}, 1)
	for i := 0; i < 6; i++ {
		go func(id int) {
			sem <- struct{}{}
			lock <- struct{}{}
			active++
			if active > maxActive {
				maxActive = active
			}
			<-lock
			lock <- struct{}{}
			active--
			<-lock
			<-sem
			done <- id
		}(i)
	}
	sum := 0
	for i := 0; i < 6; i++ {
		sum += <-done
	}
	fmt.Println("sum of ids", sum, "max active <= 2:", maxActive <= 2)

	// channel of channels
	reqs := make(chan chan int, 1)
	go func() {
		r := <-reqs
		r <- 99
	}()
	reply := make(chan int)
	reqs <- reply
	fmt.Println(<-reply)
	var ro <-chan string = ch
	var so chan<- string = ch
	so <- "via send-only"
	fmt.Println(<-ro)
	fmt.Printf("%T %T %T\n", ch, ro, so)
}
