// Runtime microbenchmarks in Go: the same workloads as ../runtime_bench.cpp, so that run.sh can put
// gopark's runtime and Go's side by side. Output: "name<TAB>value<TAB>unit", the best of -reps runs.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

var scale = flag.Float64("scale", 1.0, "multiplies the iteration counts")

func n(x int) int {
	v := int(float64(x) * *scale)
	if v < 1 {
		return 1
	}
	return v
}

func spawn() float64 {
	count := n(1000000)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < count; i++ {
		wg.Add(1)
		go func() { wg.Done() }()
	}
	wg.Wait()
	return float64(time.Since(start).Nanoseconds()) / float64(count)
}

func pingpong() float64 {
	count := n(500000)
	ping, pong := make(chan int), make(chan int)
	go func() {
		for i := 0; i < count; i++ {
			pong <- <-ping
		}
	}()
	start := time.Now()
	for i := 0; i < count; i++ {
		ping <- i
		<-pong
	}
	return float64(time.Since(start).Nanoseconds()) / float64(count)
}

func buffered() float64 {
	count := n(5000000)
	ch := make(chan int64, 128)
	start := time.Now()
	go func() {
		for i := 0; i < count; i++ {
			ch <- int64(i)
		}
		close(ch)
	}()
	var sum int64
	for v := range ch {
		sum += v
	}
	if sum != int64(count)*int64(count-1)/2 {
		panic("bad sum")
	}
	return float64(time.Since(start).Nanoseconds()) / float64(count)
}

func mutex4() float64 {
	count := n(2000000) / 4
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	start := time.Now()
	wg.Add(4)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < count; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	if counter != count*4 {
		panic("lost updates")
	}
	return float64(time.Since(start).Nanoseconds()) / float64(count*4)
}

func select4() float64 {
	count := n(1000000) / 4 * 4
	var chans [4]chan int
	for i := range chans {
		chans[i] = make(chan int)
		go func(c chan int) {
			for k := 0; k < count/4; k++ {
				c <- 1
			}
		}(chans[i])
	}
	start := time.Now()
	got := 0
	for i := 0; i < count; i++ {
		select {
		case v := <-chans[0]:
			got += v
		case v := <-chans[1]:
			got += v
		case v := <-chans[2]:
			got += v
		case v := <-chans[3]:
			got += v
		}
	}
	if got != count {
		panic("lost values")
	}
	return float64(time.Since(start).Nanoseconds()) / float64(count)
}

func rssBytes() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, resident int64
	fmt.Sscan(string(data), &size, &resident)
	return resident * int64(os.Getpagesize())
}

func blockedMem() float64 {
	count := n(100000)
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(count)
	runtime.GC()
	before := rssBytes()
	for i := 0; i < count; i++ {
		go func() {
			<-ch
			wg.Done()
		}()
	}
	for runtime.NumGoroutine() < count+1 {
		runtime.Gosched()
	}
	time.Sleep(20 * time.Millisecond)
	after := rssBytes()
	close(ch)
	wg.Wait()
	return float64(after-before) / float64(count)
}

type workload struct {
	name, unit string
	fn         func() float64
}

func main() {
	only := flag.String("only", "", "run only this workload")
	reps := flag.Int("reps", 3, "repetitions (the best is reported)")
	procs := flag.Int("procs", 0, "GOMAXPROCS (0: NumCPU)")
	flag.Parse()
	if *procs > 0 {
		runtime.GOMAXPROCS(*procs)
	}
	workloads := []workload{
		{"spawn", "ns/goroutine", spawn},
		{"pingpong", "ns/roundtrip", pingpong},
		{"buffered", "ns/item", buffered},
		{"mutex4", "ns/op", mutex4},
		{"select4", "ns/op", select4},
		{"blocked_mem", "bytes/goroutine", blockedMem},
	}
	for _, w := range workloads {
		if *only != "" && *only != w.name {
			continue
		}
		best := 0.0
		// Memory is the growth of a fresh process: only the first run measures it.
		runs := *reps
		if w.name == "blocked_mem" {
			runs = 1
		}
		for r := 0; r < runs; r++ {
			v := w.fn()
			if r == 0 || v < best {
				best = v
			}
		}
		fmt.Printf("%s\t%.1f\t%s\n", w.name, best, w.unit)
	}
}
