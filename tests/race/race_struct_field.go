// A goroutine updates one field of a shared struct while main reads that field. The other
// field, written only by main, is not part of the race: each field is its own memory location.
package main

import (
	"fmt"
	"time"
)

type account struct {
	owner   string
	balance int
}

var seen int // what main read: not printed, it depends on timing

func main() {
	acct := &account{owner: "ada", balance: 100}
	done := make(chan bool)
	go func() {
		acct.balance += 50 // DATA RACE: reads and writes balance
		close(done)
	}()
	time.Sleep(20 * time.Millisecond)
	acct.owner = "grace" // no race: the goroutine never touches owner
	seen = acct.balance  // DATA RACE: unordered with the goroutine's update
	<-done
	fmt.Println("owner:", acct.owner)
}
