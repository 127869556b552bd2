// Sleep, Now/Since, After, NewTimer, NewTicker, Tick, AfterFunc.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println("slept at least 20ms:", elapsed >= 20*time.Millisecond)
	fmt.Println("now after start:", time.Now().After(start), start.Before(time.Now()))

	// time.After as a timeout in select
	never := make(chan int)
	select {
	case v := <-never:
		fmt.Println("unexpected", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	// a result that arrives before the timeout
	result := make(chan string, 1)
	go func() { result <- "fast result" }()
	select {
	case r := <-result:
		fmt.Println(r)
	case <-time.After(5 * time.Second):
		fmt.Println("too slow")
	}

	// a timer fires once
	t := time.NewTimer(10 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired")
	// a stopped timer never fires
	t2 := time.NewTimer(time.Hour)
	fmt.Println("stopped before firing:", t2.Stop())
	// Reset an active timer
	t3 := time.NewTimer(time.Hour)
	fmt.Println("reset active timer:", t3.Reset(5*time.Millisecond))
	<-t3.C
	fmt.Println("reset timer fired")

	// a ticker ticks repeatedly until stopped
	ticker := time.NewTicker(5 * time.Millisecond)
	ticks := 0
	for range ticker.C {
		ticks++
		if ticks == 3 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("ticks:", ticks)
	tick := time.Tick(2 * time.Millisecond)
	<-tick
	<-tick
	fmt.Println("two Tick values received")

	done := make(chan bool)
	time.AfterFunc(5*time.Millisecond, func() { done <- true })
	fmt.Println("AfterFunc ran:", <-done)

	// a goroutine sleeping concurrently with main
	woke := make(chan time.Duration)
	go func() {
		s := time.Now()
		time.Sleep(15 * time.Millisecond)
		woke <- time.Since(s)
	}()
	fmt.Println("goroutine slept >= 15ms:", <-woke >= 15*time.Millisecond)
	fmt.Println("total >= 60ms:", time.Since(start) >= 60*time.Millisecond)
}
