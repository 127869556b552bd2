// hostile: make([]int, 1, 1<<62): a capacity past the address space is Go's makeslice panic
// exit: 2
// stderr: panic: runtime error: makeslice: cap out of range
// within: 30s
// rss: 300MiB
package main

import "fmt"

func main() {
	c := 1 << 62
	b := make([]int, 1, c)
	fmt.Println(len(b))
}
