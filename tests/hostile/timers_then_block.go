// hostile: timers pending, then main blocks forever: once they fire, Go's deadlock message (not a hang)
// exit: 2
// stdout: AfterFunc fired
// stdout: NewTimer fired
// stderr: fatal error: all goroutines are asleep - deadlock!
// stderr: goroutine 1 [chan receive]:
// within: 30s
// rss: 300MiB
package main

import (
	"fmt"
	"time"
)

func main() {
	fired := make(chan bool, 1)
	time.AfterFunc(100*time.Millisecond, func() {
		fmt.Println("AfterFunc fired")
		fired <- true
	})
	t := time.NewTimer(150 * time.Millisecond)
	<-t.C
	fmt.Println("NewTimer fired")
	<-fired
	block := make(chan int)
	<-block
}
