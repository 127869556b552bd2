// Finding 001 (seed 4; also seed 5): converting a slice to an array pointer does not check the
// slice's length. The conversion must panic when len(s) < the array's length.
//   go run (1.19): recovered: runtime error: cannot convert slice with length 2 to pointer to array with length 3
//                  (Go 1.20+: "... to array or pointer to array with length 3")
//   gopark:        no panic 3
//                  recovered: <nil>
// Fixed in main by c0e5f07 (with Go 1.20's wording); the generator covers it again, printing only
// that the conversion panicked.
package main

import "fmt"

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	s := []int{1, 2}
	p := (*[3]int)(s)
	fmt.Println("no panic", len(p))
}
