// Sending a pointer over an unbuffered channel hands over the object only if the sender stops
// using it. Here both keep going after the rendezvous: the sender updates a field the receiver
// reads, and nothing orders the two.
package main

import (
	"fmt"
	"time"
)

type order struct {
	item     string
	quantity int
}

func main() {
	orders := make(chan *order)
	confirmed := make(chan string)
	go func() {
		o := <-orders
		time.Sleep(20 * time.Millisecond)
		confirmed <- fmt.Sprintf("%s confirmed: %v", o.item, o.quantity > 0) // DATA RACE: reads quantity
	}()
	o := &order{item: "tea", quantity: 1}
	orders <- o
	o.quantity = 2 // DATA RACE: the sender still writes the order it sent
	fmt.Println(<-confirmed)
}
