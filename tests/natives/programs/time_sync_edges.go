// Timers and sync at their edges: AfterFunc (whose Timer nobody keeps), Stop and Reset results,
// a Ticker stopped and reset, Once under contention, a WaitGroup reused, TryLock,
// atomic.Value and atomic.Int64.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	done := make(chan string)
	time.AfterFunc(5*time.Millisecond, func() { done <- "after func ran" })
	runtime.GC()
	fmt.Println(<-done)

	t := time.NewTimer(time.Hour)
	fmt.Println("stop pending:", t.Stop(), "stop again:", t.Stop())
	fmt.Println("reset stopped:", t.Reset(time.Millisecond))
	<-t.C
	fmt.Println("fired after reset; reset fired:", t.Reset(time.Millisecond))
	<-t.C

	ticks := 0
	tk := time.NewTicker(time.Millisecond)
	for range tk.C {
		ticks++
		if ticks == 3 {
			break
		}
	}
	tk.Stop()
	tk.Reset(2 * time.Millisecond)
	<-tk.C
	tk.Stop()
	fmt.Println("ticks:", ticks)

	select {
	case <-time.After(time.Millisecond):
		fmt.Println("time.After fired")
	case <-time.After(time.Hour):
		fmt.Println("wrong timer")
	}

	var once sync.Once
	var runs int32
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() {
				time.Sleep(2 * time.Millisecond)
				atomic.AddInt32(&runs, 1)
			})
		}()
	}
	wg.Wait()
	fmt.Println("once ran:", atomic.LoadInt32(&runs))
	wg.Add(2)
	go wg.Done()
	go wg.Done()
	wg.Wait()
	fmt.Println("waitgroup reused")

	var mu sync.Mutex
	fmt.Println("trylock:", mu.TryLock(), mu.TryLock())
	mu.Unlock()

	var v atomic.Value
	fmt.Println(v.Load())
	v.Store("s")
	fmt.Println(v.Load(), v.CompareAndSwap("x", "y"), v.CompareAndSwap("s", "t"), v.Load(), v.Swap("u"))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v.Store(1)
	}()
	var n atomic.Int64
	n.Add(5)
	fmt.Println(n.Load(), n.Swap(7), n.CompareAndSwap(7, 8), n.Load())
}
