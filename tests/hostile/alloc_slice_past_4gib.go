// hostile: make([]byte, 1<<32 + 16) and writes to it: refused at the memory cap, never a wrapped 16-byte block
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
	n := 1<<32 + 16
	b := make([]byte, n)
	fmt.Println(len(b), cap(b))
	for i := 0; i < 1<<16; i++ {
		b[i] = 1
	}
	fmt.Println(b[n-1])
}
