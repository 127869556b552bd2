// sync.Map makes its own operations safe, not the values stored in it. Both goroutines load
// the same pointer and update what it points to without any lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type session struct {
	visits int
}

func main() {
	var sessions sync.Map
	sessions.Store("ada", &session{})
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(delay time.Duration) {
			defer wg.Done()
			time.Sleep(delay)
			v, _ := sessions.Load("ada")
			v.(*session).visits++ // DATA RACE: the pointee is shared, unprotected
		}(time.Duration(w) * 20 * time.Millisecond)
	}
	wg.Wait()
	v, _ := sessions.Load("ada")
	fmt.Println("visits is positive:", v.(*session).visits > 0)
}
