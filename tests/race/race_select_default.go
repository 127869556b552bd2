// A select with a default case never waits: both sides take their default, and neither
// select orders anything. The worker assumed main would be receiving, main assumed the worker
// would be sending; both go on to touch the same variable.
package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan int)
	value := 0
	workerCase, mainCase := "", ""
	done := make(chan bool)
	go func() {
		select {
		case results <- 1:
			workerCase = "sent"
		default:
			workerCase = "default"
			value = 1 // DATA RACE: nobody was receiving, so the worker writes directly
		}
		close(done)
	}()
	time.Sleep(20 * time.Millisecond)
	select {
	case <-results:
		mainCase = "received"
	default:
		mainCase = "default"
		value += 10 // DATA RACE: nothing was sent, so main updates it directly
	}
	<-done
	// The final value depends on the order of the two updates: not printed.
	fmt.Println("worker:", workerCase, "main:", mainCase)
}
