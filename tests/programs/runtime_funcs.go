// runtime: NumGoroutine, GOMAXPROCS, NumCPU, GC, Gosched.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func waitGoroutines(n int) int {
	for i := 0; i < 2000 && runtime.NumGoroutine() > n; i++ {
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	return runtime.NumGoroutine()
}

func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	block := make(chan struct{})
	started := make(chan struct{})
	for i := 0; i < 3; i++ {
		go func() {
			started <- struct{}{}
			<-block
		}()
	}
	for i := 0; i < 3; i++ {
		<-started
	}
	fmt.Println("goroutines while blocked:", runtime.NumGoroutine())
	close(block)
	fmt.Println("goroutines after exit:", waitGoroutines(1))

	fmt.Println("NumCPU >= 1:", runtime.NumCPU() >= 1)
	prev := runtime.GOMAXPROCS(0) // query without changing
	fmt.Println("GOMAXPROCS >= 1:", prev >= 1)
	old := runtime.GOMAXPROCS(3)
	fmt.Println("returns previous setting:", old == prev)
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	fmt.Println("set back, got:", runtime.GOMAXPROCS(prev))
	fmt.Println("restored:", runtime.GOMAXPROCS(0) == prev)

	// GC can be called explicitly; garbage is reclaimed
	for i := 0; i < 100; i++ {
		_ = make([]byte, 1<<16)
	}
	runtime.GC()
	fmt.Println("GC done")

	// Gosched yields; the program continues afterwards
	done := make(chan bool)
	go func() {
		runtime.Gosched()
		done <- true
	}()
	runtime.Gosched()
	fmt.Println("after Gosched:", <-done)
	fmt.Println(runtime.GOOS != "", runtime.GOARCH != "")
}
