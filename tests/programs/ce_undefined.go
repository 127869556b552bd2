// gopark: exit=1
package main

import "fmt"

func main() {
	x := 1
	fmt.Println(x + y)
	undefinedFunc()
	fmt.Printline("typo")
}
