// select that receives: whichever case runs, its receive happens after the matching send, so
// the reply written before the send is visible. A timeout case that never fires is harmless.
// (The slow reply is sent only after main has the fast one, to keep the output in order.)
package main

import (
	"fmt"
	"time"
)

type reply struct {
	from string
	body string
}

func main() {
	fast := make(chan *reply)
	slow := make(chan *reply)
	go func() {
		r := &reply{from: "fast"}
		r.body = "pong"
		fast <- r
	}()
	gotFast := make(chan struct{})
	go func() {
		<-gotFast
		r := &reply{from: "slow", body: "late"}
		slow <- r
	}()
	for i := 0; i < 2; i++ {
		select {
		case r := <-fast:
			fmt.Println(r.from, r.body)
			close(gotFast)
		case r := <-slow:
			fmt.Println(r.from, r.body)
		case <-time.After(5 * time.Second):
			fmt.Println("timeout")
		}
	}
}
