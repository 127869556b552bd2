// main receives from done before it reads and returns: the worker's writes happen before its
// close(done), which happens before main's receive. A goroutine still sleeping when main
// returns touches nothing main reads.
package main

import (
	"fmt"
	"time"
)

func main() {
	var lines []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 1; i <= 3; i++ {
			lines = append(lines, fmt.Sprint("line ", i))
		}
	}()
	go func() {
		time.Sleep(time.Hour) // never wakes: the program ends first
	}()
	<-done
	fmt.Println(len(lines), lines[len(lines)-1])
}
