// gopark: exit=2
// A failed type assertion to an interface type panics naming the missing method.
package main

import "fmt"

type Walker interface{ Walk() }
type Rock struct{}

func main() {
	var v interface{} = Rock{}
	_, ok := v.(Walker)
	fmt.Println("comma-ok form does not panic:", ok)
	w := v.(Walker)
	w.Walk()
}
