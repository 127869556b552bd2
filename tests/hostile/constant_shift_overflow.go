// hostile: 1 << 1000 passed as an int is Go's "constant shift overflow", at its position
// exit: 1
// stderr: constant_shift_overflow.go:11:16: constant shift overflow
// within: 30s
// rss: 300MiB
package main

import "fmt"

func main() {
	fmt.Println(1 << 1000)
}
