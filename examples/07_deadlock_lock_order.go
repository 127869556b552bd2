// Example: Two locks taken in opposite orders: a deadlock
// Row: 7
// Watch: the goroutine table and the Locks panel. alice locks the pen, then wants the paper;
// bob locks the paper, then wants the pen (two channels make sure each has its first lock before
// asking for the second). Each holds what the other waits for, and main waits
// for both on a WaitGroup, so every goroutine is suspended and none can ever wake another. Go
// detects it ("all goroutines are asleep") and ends the program. The dashboard keeps the last
// picture: the blocked goroutines in red with what they wait on, and the two Mutexes and the
// WaitGroup marked DEADLOCK. Locks are only advisory: the fix is an agreed order (both take
// the pen first).
//
// gopark: exit=2
package main

import (
	"fmt"
	"sync"
)

func main() {
	var pen, paper sync.Mutex
	var wg sync.WaitGroup
	penTaken := make(chan struct{})   // closed once alice holds the pen
	paperTaken := make(chan struct{}) // closed once bob holds the paper
	wg.Add(2)
	go func() { // alice
		defer wg.Done()
		pen.Lock()
		fmt.Println("alice has the pen")
		close(penTaken)
		<-paperTaken
		paper.Lock() // waits for bob, for ever
		fmt.Println("alice writes")
		paper.Unlock()
		pen.Unlock()
	}()
	go func() { // bob
		defer wg.Done()
		<-penTaken
		paper.Lock()
		fmt.Println("bob has the paper")
		close(paperTaken)
		pen.Lock() // waits for alice, for ever
		fmt.Println("bob writes")
		pen.Unlock()
		paper.Unlock()
	}()
	wg.Wait()
	fmt.Println("never printed")
}
