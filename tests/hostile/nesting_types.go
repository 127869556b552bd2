// hostile: a type nested 100,000 deep ([][]...[]int) is a compile error with a position
// expand: @SLICES@ [] 100000
// exit: 1
// stderr: nesting_types.go:12:
// stderr: syntax error: nesting too deep
// within: 30s
// rss: 300MiB
package main

import "fmt"

var x @SLICES@int

func main() {
	fmt.Println(len(x))
}
