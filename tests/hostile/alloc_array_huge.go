// hostile: var a [1<<40]byte: gopark refuses a value past 1 GiB at compile time (Go tries, and runs out of memory)
// exit: 1
// stderr: alloc_array_huge.go:11:8: type [1099511627776]uint8 is too large
// within: 30s
// rss: 300MiB
package main

import "fmt"

func main() {
	var a [1 << 40]byte
	fmt.Println(len(a))
}
