// gopark: exit=2
// Slicing a string past its length panics.
package main

import "fmt"

func main() {
	s := "abc"
	hi := 7
	fmt.Println(s[1:hi])
}
