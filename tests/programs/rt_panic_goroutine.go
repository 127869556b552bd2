// gopark: exit=2
// An unrecovered panic in any goroutine ends the whole program.
package main

import (
	"fmt"
	"time"
)

func worker() {
	panic("worker failed")
}

func main() {
	fmt.Println("starting worker")
	go worker()
	time.Sleep(10 * time.Second)
	fmt.Println("never printed")
}
