// Curriculum row 14: a named goroutine, an anonymous goroutine and the main goroutine.
package main

import (
	"fmt"
	"sync"
)

func named(id int, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 1; i <= 3; i++ {
		out <- fmt.Sprintf("named goroutine %d: step %d", id, i)
	}
}

func main() {
	var wg sync.WaitGroup
	namedOut := make(chan string, 3)
	anonOut := make(chan string, 3)
	wg.Add(2)
	go named(1, namedOut, &wg)
	go func() {
		defer wg.Done()
		for i := 1; i <= 3; i++ {
			anonOut <- fmt.Sprintf("anonymous goroutine: step %d", i)
		}
	}()
	for i := 1; i <= 3; i++ {
		fmt.Printf("main goroutine: step %d\n", i)
		fmt.Println(<-namedOut)
		fmt.Println(<-anonOut)
	}
	wg.Wait()
	fmt.Println("main goroutine: all done")
}
