// sync/atomic functions: Add, Load, Store, Swap, CompareAndSwap.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var ops int64
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := 0; c < 1000; c++ {
				atomic.AddInt64(&ops, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("ops:", atomic.LoadInt64(&ops))

	var n32 int32 = 10
	r := atomic.AddInt32(&n32, -3)
	fmt.Println(r, n32)
	ok := atomic.CompareAndSwapInt32(&n32, 7, 70)
	fmt.Println(ok, n32)
	ok = atomic.CompareAndSwapInt32(&n32, 7, 700)
	fmt.Println(ok, n32)
	r = atomic.SwapInt32(&n32, 1)
	fmt.Println(r, n32)
	atomic.StoreInt32(&n32, 5)
	fmt.Println(atomic.LoadInt32(&n32))
	var u64 uint64
	atomic.AddUint64(&u64, 10)
	atomic.AddUint64(&u64, ^uint64(0)) // subtract 1
	fmt.Println(atomic.LoadUint64(&u64))
	var u32 uint32 = 1
	fmt.Println(atomic.SwapUint32(&u32, 2), atomic.LoadUint32(&u32))

	// a CAS loop computing a maximum concurrently
	var max int64
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(v int64) {
			defer wg.Done()
			for {
				cur := atomic.LoadInt64(&max)
				if v <= cur || atomic.CompareAndSwapInt64(&max, cur, v) {
					return
				}
			}
		}(int64(i * 7 % 23))
	}
	wg.Wait()
	fmt.Println("max:", max)

	// a spin lock built on CAS (yields while waiting)
	var lock int32
	counter := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				for !atomic.CompareAndSwapInt32(&lock, 0, 1) {
					runtime.Gosched()
				}
				counter++
				atomic.StoreInt32(&lock, 0)
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}
