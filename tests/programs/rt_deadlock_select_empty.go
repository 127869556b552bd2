// gopark: exit=2
// An empty select blocks forever; with nothing else running that is a deadlock.
package main

import "fmt"

func main() {
	fmt.Println("select {}")
	select {}
}
