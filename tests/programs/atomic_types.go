// Typed atomics: atomic.Int32, Int64, Uint32, Uint64, Bool, Value.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Version int
}

func main() {
	var hits atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 500; j++ {
				hits.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())

	var i32 atomic.Int32
	i32.Store(5)
	fmt.Println(i32.Add(3), i32.Load(), i32.Swap(1), i32.Load())
	fmt.Println(i32.CompareAndSwap(1, 10), i32.CompareAndSwap(1, 20), i32.Load())

	var u32 atomic.Uint32
	u32.Add(7)
	fmt.Println(u32.Load())
	var u64 atomic.Uint64
	u64.Store(1 << 40)
	fmt.Println(u64.Load(), u64.Add(1))

	var flag atomic.Bool
	fmt.Println(flag.Load())
	flag.Store(true)
	fmt.Println(flag.Load(), flag.Swap(false), flag.Load())
	fmt.Println(flag.CompareAndSwap(false, true), flag.Load())

	// exactly one goroutine wins a CompareAndSwap race
	var winner atomic.Bool
	var wins atomic.Int32
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if winner.CompareAndSwap(false, true) {
				wins.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("winners:", wins.Load())

	var v atomic.Value
	fmt.Println(v.Load())
	v.Store(Config{"initial", 1})
	cfg := v.Load().(Config)
	fmt.Println(cfg.Name, cfg.Version)
	old := v.Swap(Config{"second", 2})
	fmt.Println(old.(Config).Name, v.Load().(Config).Name)
	fmt.Println(v.CompareAndSwap(Config{"second", 2}, Config{"third", 3}), v.Load())
}
