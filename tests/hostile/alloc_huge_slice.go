// hostile: make([]int, 1<<33) (64 GB) is refused at the memory cap with Go's out-of-memory message
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// within: 30s
// rss: 600MiB
// (The page is a 32-bit target, whose Go's maxAlloc is 4 GiB: a larger make panics there.)
// page-stderr: panic: runtime error: makeslice: len out of range
package main

import "fmt"

func main() {
	n := 1 << 33
	b := make([]int, n)
	fmt.Println(len(b))
}
