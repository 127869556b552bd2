// Curriculum row 12: when main returns, the program ends and every other goroutine
// ends with it, whatever it was doing.
package main

import (
	"fmt"
	"time"
)

func main() {
	started := make(chan bool)
	go func() {
		started <- true
		time.Sleep(time.Hour)
		fmt.Println("never printed: main returned first")
	}()
	go func() {
		started <- true
		select {} // blocked forever
	}()
	go func() {
		started <- true
		for i := 0; ; i++ {
			time.Sleep(time.Millisecond) // a busy child
		}
	}()
	<-started
	<-started
	<-started
	fmt.Println("children running; main returns now")
}
