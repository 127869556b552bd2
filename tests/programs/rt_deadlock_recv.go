// gopark: exit=2
// Receiving when no goroutine can ever send: all goroutines are asleep.
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("waiting forever")
	<-ch
}
