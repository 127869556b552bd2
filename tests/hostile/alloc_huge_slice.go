// hostile: make([]int, 1<<33) (64 GB) is refused at the memory cap with Go's out-of-memory message
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// page-known: on wasm32 the size wraps: make([]int, 1<<33) succeeds with len 8589934592 and its elements read other memory
// within: 30s
// rss: 600MiB
package main

import "fmt"

func main() {
	n := 1 << 33
	b := make([]int, n)
	fmt.Println(len(b))
}
