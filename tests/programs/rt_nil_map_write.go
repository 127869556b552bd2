// gopark: exit=2
// Writing to a nil map panics (reading from it is fine).
package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println("read from nil map:", m["a"], len(m))
	m["a"] = 1
}
