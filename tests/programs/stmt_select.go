// select: default, send cases, nil channels are never ready, closed channels always are.
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("nothing ready")
	}
	ch <- 7
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("nothing ready")
	}
	// send case with default
	select {
	case ch <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	select {
	case ch <- 2:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	fmt.Println("buffered:", <-ch)

	// a select with only nil channels and a default
	var nilc chan int
	select {
	case <-nilc:
		fmt.Println("impossible")
	case nilc <- 1:
		fmt.Println("impossible")
	default:
		fmt.Println("nil channels never ready")
	}

	// select on a closed channel is always ready, with the zero value
	done := make(chan struct{})
	close(done)
	select {
	case v, ok := <-done:
		fmt.Println("done is closed:", v, ok)
	}

	// a blocking select is woken by a goroutine's send
	res := make(chan string)
	go func() { res <- fmt.Sprint(<-ch * 2) }()
	select {
	case ch <- 21:
	}
	select {
	case s := <-res:
		fmt.Println("result", s)
	case <-nilc:
		fmt.Println("impossible")
	}
	// select in a loop with a counter of default cases
	work := make(chan int, 3)
	for i := 0; i < 3; i++ {
		work <- i
	}
	handled, idle := 0, 0
	for idle == 0 {
		select {
		case w := <-work:
			handled += w + 1
		default:
			idle++
		}
	}
	fmt.Println("handled", handled, "idle", idle)
}
