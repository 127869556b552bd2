// gopark: exit=2
// Indexing a string past its length panics.
package main

import "fmt"

func main() {
	s := "hello"
	i := 10
	fmt.Println("indexing", s)
	fmt.Println(s[i])
}
