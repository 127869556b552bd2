// Counters updated only through sync/atomic: AddInt64, CompareAndSwap, Swap and Load from
// several goroutines are never a data race. A plain read after wg.Wait is fine too: Wait
// orders it after every Add.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var total int64
	var maxSeen int32
	var last uint32
	var wg sync.WaitGroup
	for w := 1; w <= 4; w++ {
		wg.Add(1)
		go func(w int32) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				atomic.AddInt64(&total, 2)
			}
			for {
				m := atomic.LoadInt32(&maxSeen)
				if w <= m || atomic.CompareAndSwapInt32(&maxSeen, m, w) {
					break
				}
			}
			atomic.SwapUint32(&last, uint32(w))
		}(int32(w))
	}
	wg.Wait()
	fmt.Println("total:", total, "max:", maxSeen, "last in 1..4:", last >= 1 && last <= 4)
}
