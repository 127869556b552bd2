// gopark: exit=1
package main

import "fmt"

func main() {
	n := 1
	switch n {
	case 1:
		fmt.Println("one")
	case 2, 1:
		fmt.Println("dup")
	}
	m := map[string]int{"a": 1, "a": 2}
	fmt.Println(m)
}
