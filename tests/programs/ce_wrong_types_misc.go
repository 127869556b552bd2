// gopark: exit=1
// gopark: go119-err
package main

import "fmt"

func main() {
	var ch <-chan int
	ch <- 1
	var p *int
	p.x = 1
	n := 5
	n()
	var i interface{} = 1
	fmt.Println(i + 1)
	fmt.Println(len(5))
}
