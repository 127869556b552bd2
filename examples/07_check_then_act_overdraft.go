// Example: Check, then act: an overdraft with every access locked
// Row: 7
// Watch: the balance is 100 and two goroutines each withdraw 80. Each locks to check the balance
// and locks again to take the money, so no access is unlocked, and yet the account can end at -60:
// if both check before either takes, both see 100. The lock must cover the check and the act
// together. Real runs show it almost never (the window is a few instructions); `gopark explore`
// finds it, and replaying its seed shows both checks passing in the goroutine table.
//
// gopark: nondeterministic
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	balance := 100
	var wg sync.WaitGroup
	withdraw := func(who string, amount int) {
		defer wg.Done()
		mu.Lock()
		enough := balance >= amount // check...
		mu.Unlock()
		if enough {
			mu.Lock()
			balance -= amount // ...then act: the balance may have changed in between
			mu.Unlock()
			fmt.Println(who, "took", amount)
		} else {
			fmt.Println(who, "was refused")
		}
	}
	wg.Add(2)
	go withdraw("alice", 80)
	go withdraw("bob", 80)
	wg.Wait()
	if balance < 0 {
		fmt.Println("balance:", balance, "(overdrawn!)")
	} else {
		fmt.Println("balance:", balance)
	}
}
